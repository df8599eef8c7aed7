#!/usr/bin/env node
// The main job until the apps exist: show one compiled code from the built @protocodes/core.
import { getCode, getProtocol, classOf } from '../packages/core/dist/index.js';

const code = Number(process.argv[2] ?? 554);
const entry = getCode('smtp', code);
const phases = getProtocol('smtp').phases;
const lines = [
  `SMTP ${entry.code} ${entry.replyText}`,
  `${entry.title}: ${entry.summary}`,
  '',
  entry.description,
  '',
  `class       ${entry.class}xx ${classOf('smtp', entry.code)?.name ?? ''}`,
  `retry       ${entry.retry}`,
  `phases      ${entry.phases.map((id) => phases.find((p) => p.id === id)?.name ?? id).join(', ')}`,
  `who acts    ${entry.actors.join(', ')}`,
  `related     ${entry.related.join(', ')}`,
  `enhanced    ${entry.enhancedCodes.join(', ') || '—'}`,
  `references  ${entry.references.join('; ')}`,
];
console.log(lines.join('\n'));
