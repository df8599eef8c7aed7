// Lints for what a schema cannot say: ids match file names, digits match classes, links point
// somewhere, text is clean prose, keys are in canonical order.
import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { Diagnostic } from './diagnostics.js';
import type { CodeEntry, ProtocolDefinition } from './model.js';
import { childSchema, PROTOCOL_FIELDS, REFERENCE_PATTERN, referenceSchema, schemaAt, type JsonSchema } from './schema.js';
import { lintSnippet } from './snippets.js';
import { keyPositionOf, nodeAt, positionInString, positionOf, type PathSegment, type SourceFile } from './source.js';
import { closestWords, doubledWords } from './words.js';

const referencePattern = new RegExp(REFERENCE_PATTERN);

export function report(file: SourceFile, where: { line: number; column: number }, rule: string, message: string, hint: string, fixable = false): Diagnostic {
  return { file: file.path, line: where.line, column: where.column, rule, message, hint, ...(fixable ? { fixable } : {}) };
}

/** `rfc5321 4.2.3`, `RFC 5321, section 4.2.3` … → `RFC 5321 §4.2.3`; undefined when not recognisable. */
export function normalizeReference(reference: string): string | undefined {
  const match = /^\s*rfc\s*-?\s*(\d+)\s*(?:[,;:]?\s*(?:section|sect?\.?|§)?\s*([0-9A-Z]+(?:\.\d+)*)\.?)?\s*$/i.exec(reference);
  if (!match) return undefined;
  return match[2] ? `RFC ${Number(match[1])} §${match[2]}` : `RFC ${Number(match[1])}`;
}

const TAG = /<\/?[a-zA-Z][^<>]{0,200}>|&(?:[a-zA-Z]{1,32}|#\d{1,8}|#x[0-9a-fA-F]{1,8});/;
const PAIRS: [string, string, string][] = [
  ['(', ')', 'parentheses'],
  ['[', ']', 'brackets'],
  ['“', '”', 'curly quotes'],
];

/** Lints for prose that readers see: our own text, which later feeds templates in every format. */
function lintProse(file: SourceFile, path: PathSegment[], text: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const doubled of doubledWords(text)) {
    const word = doubled.split(/\s+/)[0];
    found.push(report(file, positionInString(file, path, doubled), 'doubled-word', `"${doubled}" repeats a word`, `remove one "${word}"`));
  }
  const tag = TAG.exec(text);
  if (tag) {
    found.push(report(file, positionInString(file, path, tag[0]), 'raw-html', `text contains markup "${tag[0]}"`, 'write plain text; catalogue text is shown escaped, so markup would appear literally'));
  }
  if ((text.match(/"/g)?.length ?? 0) % 2 === 1) {
    found.push(report(file, positionOf(file, path), 'unbalanced-quotes', 'text has an odd number of double quotes', 'close the quotation, or remove the stray quote'));
  }
  for (const [open, close, name] of PAIRS) {
    const opens = text.split(open).length - 1;
    const closes = text.split(close).length - 1;
    if (opens !== closes) {
      found.push(report(file, positionOf(file, path), 'unbalanced-quotes', `text has ${opens} opening and ${closes} closing ${name}`, `make every "${open}" have its "${close}"`));
    }
  }
  return found;
}

function lintTemplateSyntax(file: SourceFile, path: PathSegment[], text: string): Diagnostic[] {
  const braces = /\{\{|\}\}/.exec(text);
  if (!braces) return [];
  return [
    report(file, positionInString(file, path, braces[0]), 'template-syntax', `text contains "${braces[0]}", which looks like template code`, 'catalogue text is data, never a template; rephrase without double braces'),
  ];
}

function lintReference(file: SourceFile, path: PathSegment[], text: string): Diagnostic[] {
  if (referencePattern.test(text)) return [];
  const normalized = normalizeReference(text);
  return [
    report(
      file,
      positionOf(file, path),
      'reference-format',
      `reference "${text}" is not in the form "RFC 5321 §4.2.3"`,
      normalized ? `write "${normalized}"` : 'write the RFC number and section, like "RFC 5321 §4.2.3"',
      normalized !== undefined,
    ),
  ];
}

/** Calls `visit` for every string in `data`, with its path and the schema that describes it. */
export function forEachString(
  schema: JsonSchema,
  data: unknown,
  visit: (path: PathSegment[], text: string, schema: JsonSchema) => void,
  path: PathSegment[] = [],
): void {
  if (typeof data === 'string') visit(path, data, schema);
  else if (Array.isArray(data) && schema.items) data.forEach((item, i) => forEachString(schema.items!, item, visit, [...path, i]));
  else if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const child = childSchema(schema, key);
      if (child) forEachString(child, value, visit, [...path, key]);
    }
  }
}

/**
 * Characters no catalogue text may hold: C0 and C1 controls (ESC starts terminal sequences),
 * DEL, bidirectional overrides, embeddings and isolates, and the Unicode line and paragraph
 * separators. Line feeds and tabs are YAML's own business.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function lintControlCharacters(file: SourceFile, path: PathSegment[], text: string): Diagnostic[] {
  const match = CONTROL.exec(text);
  if (!match) return [];
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return [
    report(file, positionInString(file, path, match[0]), 'control-character', `text contains the invisible character U+${code}`, 'remove it: control and bidirectional-override characters can rewrite a terminal or reorder text on screen'),
  ];
}

/** Every string gets the control-character and template lints; prose the prose lints, references their format. */
export function lintStrings(file: SourceFile, schema: JsonSchema, data: unknown): Diagnostic[] {
  const found: Diagnostic[] = [];
  const add = (diagnostics: Diagnostic[]) => {
    for (const diagnostic of diagnostics) found.push(diagnostic);
  };
  forEachString(schema, data, (path, text, sub) => {
    add(lintControlCharacters(file, path, text));
    if (sub['x-snippet']) {
      add(lintSnippet(file, path, text));
      return;
    }
    add(lintTemplateSyntax(file, path, text));
    if (sub['x-translatable']) add(lintProse(file, path, text));
    if (sub === referenceSchema) add(lintReference(file, path, text));
  });
  return found;
}

/** Maps whose keys are not in the schema's order, outermost first. */
export function keyOrderProblems(file: SourceFile, schema: JsonSchema, path: PathSegment[] = []): { path: PathSegment[]; map: YAMLMap }[] {
  const node = nodeAt(file, path);
  const problems: { path: PathSegment[]; map: YAMLMap }[] = [];
  if (!isMap(node)) return problems;
  if (schema.properties) {
    const order = Object.keys(schema.properties);
    const ranks = node.items.map((pair) => (isScalar(pair.key) ? order.indexOf(String(pair.key.value)) : -1)).filter((r) => r >= 0);
    if (ranks.some((rank, i) => i > 0 && rank < ranks[i - 1]!)) problems.push({ path, map: node });
  }
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const child = childSchema(schema, key);
    if (!child) continue;
    if (child.properties || typeof child.additionalProperties === 'object') problems.push(...keyOrderProblems(file, child, [...path, key]));
    const items = valueAtPath(file.data, [...path, key]);
    if (child.items?.properties && Array.isArray(items)) {
      items.forEach((_, i) => problems.push(...keyOrderProblems(file, child.items!, [...path, key, i])));
    }
  }
  return problems;
}

function valueAtPath(data: unknown, path: PathSegment[]): unknown {
  return path.reduce<unknown>((value, segment) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[segment as string] : undefined), data);
}

export function lintKeyOrder(file: SourceFile, schema: JsonSchema): Diagnostic[] {
  return keyOrderProblems(file, schema).map(({ path, map }) => {
    const order = Object.keys(schemaAt(schema, path)?.properties ?? {});
    const keys = map.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')).filter((k) => order.includes(k));
    const index = keys.findIndex((key, i) => i > 0 && order.indexOf(key) < order.indexOf(keys[i - 1]!));
    const misplaced = keys[index]!;
    const before = keys.find((key) => order.indexOf(key) > order.indexOf(misplaced))!;
    return report(
      file,
      keyPositionOf(file, [...path, misplaced]),
      'key-order',
      `"${misplaced}" should come before "${before}"`,
      `fields go in this order: ${keys.sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(', ')}`,
      true,
    );
  });
}

export function lintProtocol(file: SourceFile, protocol: ProtocolDefinition, folder: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (protocol.id !== folder) {
    found.push(report(file, positionOf(file, ['id']), 'file-name', `id "${protocol.id}" differs from its folder "${folder}"`, `rename the folder or set id: ${folder}`));
  }
  for (const list of ['classes', 'categories', 'phases'] as const) {
    const seen = new Set<string | number>();
    (protocol[list] ?? []).forEach((item, i) => {
      const key = 'digit' in item ? item.digit : item.id;
      if (seen.has(key)) found.push(report(file, positionOf(file, [list, i]), 'duplicate-item', `${list} lists ${key} twice`, 'keep one of them'));
      seen.add(key);
    });
  }
  const outcomes = new Set<string>();
  protocol.outcomes.forEach((outcome, i) => {
    const key = `${outcome.class}:${outcome.retry}`;
    if (outcomes.has(key)) found.push(report(file, positionOf(file, ['outcomes', i]), 'duplicate-item', `outcomes lists class ${outcome.class} with retry ${outcome.retry} twice`, 'keep one of them'));
    outcomes.add(key);
  });
  protocol.facts.forEach((fact, i) => {
    if (fact.kind === 'phases' ? !protocol.phases : !protocol.fields.includes(fact.field) && fact.default === undefined) {
      found.push(report(file, positionOf(file, ['facts', i, 'field']), 'fact-field', `fact "${fact.field}" reads a field this protocol's codes do not carry`, fact.kind === 'phases' ? 'define phases, or remove the fact' : `add ${fact.field} to fields, or remove the fact`));
    }
    if (fact.kind !== 'phases' && fact.contrast !== false && !fact.values?.length) {
      found.push(report(file, positionOf(file, ['facts', i]), 'fact-field', `fact "${fact.field}" has no values to say it with`, 'give each value a label and a clause, or set contrast: false'));
    }
  });
  return found;
}

/** Fields a code of any protocol may carry beyond its protocol's `fields`, when they apply. */
const OPTIONAL_FIELDS = new Set(['retryWhen', 'vendorMeanings', 'redirect', 'documentation']);

/** Protocol-specific fields: those the protocol declares must be there, the others must not. */
function lintProtocolFields(file: SourceFile, entry: CodeEntry, protocol: ProtocolDefinition): Diagnostic[] {
  const found: Diagnostic[] = [];
  const present = entry as unknown as Record<string, unknown>;
  for (const field of protocol.fields) {
    if (present[field] === undefined) {
      found.push(report(file, { line: 1, column: 1 }, 'missing-field', `the entry has no "${field}", which every ${protocol.name} code carries`, `add ${field}; catalogue/README.md says what it holds`));
    }
  }
  for (const field of PROTOCOL_FIELDS) {
    if (present[field] !== undefined && !protocol.fields.includes(field) && !OPTIONAL_FIELDS.has(field)) {
      found.push(report(file, keyPositionOf(file, [field]), 'unknown-field', `${protocol.name} codes do not carry "${field}"`, `remove it; ${protocol.name} codes carry ${protocol.fields.join(', ') || 'no protocol-specific fields'}`));
    }
  }
  return found;
}

export interface CodeContext {
  protocol: ProtocolDefinition;
  /** The file name without `.yaml`. */
  fileId: string;
  knownCodes: ReadonlySet<number>;
}

export function lintCodeEntry(file: SourceFile, entry: CodeEntry, context: CodeContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const { protocol } = context;
  const digits = String(entry.code);

  if (digits !== context.fileId) {
    found.push(report(file, positionOf(file, ['code']), 'file-name', `code ${entry.code} is in a file named "${context.fileId}.yaml"`, `rename the file to ${digits}.yaml, or fix the code`));
  }
  if (Number(digits[0]) !== entry.class) {
    found.push(report(file, positionOf(file, ['class']), 'class-digit', `class is ${entry.class}, but code ${entry.code} starts with ${digits[0]}`, `set class: ${digits[0]}`));
  }
  if (!protocol.classes.some((c) => c.digit === entry.class)) {
    found.push(report(file, positionOf(file, ['class']), 'class-digit', `class ${entry.class} is not a ${protocol.name} class`, `use one of ${protocol.classes.map((c) => c.digit).join(', ')}`));
  }
  if (entry.category !== undefined && Number(digits[1]) !== entry.category) {
    found.push(report(file, positionOf(file, ['category']), 'category-digit', `category is ${entry.category}, but the second digit of ${entry.code} is ${digits[1]}`, `set category: ${digits[1]}`));
  }
  found.push(...lintProtocolFields(file, entry, protocol));

  // The protocol says which retry policies each class can have, by the outcomes it words.
  const allowed = protocol.outcomes.filter((o) => o.class === entry.class).map((o) => o.retry);
  if (allowed.length > 0 && !allowed.includes(entry.retry)) {
    found.push(report(file, positionOf(file, ['retry']), 'retry-class', `retry "${entry.retry}" does not fit a ${entry.class}xx reply of ${protocol.name}`, `use ${allowed.map((r) => `"${r}"`).join(' or ')}, or word the outcome in protocol.yaml`));
  }

  const phaseIds = (protocol.phases ?? []).map((p) => p.id);
  const phases = entry.phases ?? [];
  phases.forEach((phase, i) => {
    if (!phaseIds.includes(phase)) {
      const guess = closestWords(phase, phaseIds, 1)[0];
      found.push(report(file, positionOf(file, ['phases', i]), 'unknown-phase', `phase "${phase}" is not defined in ${protocol.id}/protocol.yaml`, `${guess ? `did you mean "${guess}"? ` : ''}phases: ${phaseIds.join(', ')}`));
    }
  });
  const ranks = phases.map((p) => phaseIds.indexOf(p)).filter((r) => r >= 0);
  if (ranks.some((rank, i) => i > 0 && rank < ranks[i - 1]!)) {
    const sorted = [...phases].sort((a, b) => phaseIds.indexOf(a) - phaseIds.indexOf(b));
    found.push(report(file, positionOf(file, ['phases']), 'phase-order', 'phases are not in session order', `write [${sorted.join(', ')}]`));
  }

  (entry.retryWhen ?? []).forEach((exception, i) => {
    if (exception.retry === entry.retry) {
      found.push(report(file, positionOf(file, ['retryWhen', i, 'retry']), 'retry-when', `the exception says "${exception.retry}", which is already the code's retry`, 'remove the exception, or give the reaction that differs in this case'));
    }
    if (!phases.includes(exception.phase)) {
      found.push(report(file, positionOf(file, ['retryWhen', i, 'phase']), 'retry-when', `phase "${exception.phase}" is not among the code's phases`, `use one of ${phases.join(', ')}`));
    }
  });

  entry.related.forEach((related, i) => {
    if (related === entry.code) {
      found.push(report(file, positionOf(file, ['related', i]), 'related-exists', `code ${entry.code} lists itself as related`, 'remove it from related'));
    } else if (!context.knownCodes.has(related)) {
      const near = closestWords(String(related), [...context.knownCodes].map(String), 3);
      found.push(report(file, positionOf(file, ['related', i]), 'related-exists', `related code ${related} has no entry in ${protocol.id}/codes/`, `${near.length ? `did you mean ${near.join(', ')}? ` : ''}add ${related}.yaml first, or remove it`));
    }
  });

  (entry.enhancedCodes ?? []).forEach((enhanced, i) => {
    if (enhanced[0] !== digits[0]) {
      found.push(report(file, positionOf(file, ['enhancedCodes', i]), 'enhanced-class', `enhanced code ${enhanced} has class ${enhanced[0]}, but the reply is ${digits[0]}xx`, `use ${digits[0]}${enhanced.slice(1)} if that is meant, or remove it`));
    }
  });

  // A vendor code may have no RFC, and some vendors never documented theirs (nginx's 499).
  if (entry.references.length === 0 && (entry.origin === 'iana' || entry.origin === 'rfc')) {
    found.push(report(file, positionOf(file, ['references']), 'reference-format', 'the entry cites no RFC', 'cite the RFC section that defines the code'));
  }

  const summary = entry.summary.trim();
  if (!/[.!?]$/.test(summary) || /[.!?]\s+\p{Lu}/u.test(summary)) {
    found.push(report(file, positionOf(file, ['summary']), 'summary-sentence', 'the summary must be exactly one complete sentence', 'write one sentence that ends with a period; put the rest in description'));
  }
  if (summary.startsWith(digits)) {
    found.push(report(file, positionOf(file, ['summary']), 'summary-sentence', 'the summary starts with the code itself', 'start with what happened; pages already show the code next to it'));
  }
  if (/^when\b/i.test(entry.whenYouSeeIt.trim())) {
    found.push(report(file, positionOf(file, ['whenYouSeeIt']), 'when-you-see-it', 'whenYouSeeIt starts with "When", which doubles the heading\'s "when"', 'start with "After…", "In reply to…" or "Most often…"'));
  }
  return found;
}
