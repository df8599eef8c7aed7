// Lints for SMTP's enhanced status codes and provider rules: the checks a schema cannot express
// (file names, references between entries, rule ids unique across files, tokens that could misfire).
import type { Diagnostic } from './diagnostics.js';
import { report } from './lint.js';
import type { EnhancedEntry, Loaded, ProtocolDefinition, ProviderFile } from './model.js';
import { positionOf } from './source.js';

export function lintEnhancedEntries(entries: readonly Loaded<EnhancedEntry>[], protocol: ProtocolDefinition, presentIds: ReadonlySet<string>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const subjects = new Set((protocol.subjects ?? []).map((s) => s.digit));
  for (const { value, file } of entries) {
    const at = (path: (string | number)[]) => positionOf(file, path);
    const fileId = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
    if (value.code !== fileId) found.push(report(file, at(['code']), 'file-name', `code ${value.code} is in a file named "${fileId}.yaml"`, `rename the file to ${value.code}.yaml, or fix the code`));
    const subject = Number(value.code.split('.')[1]);
    if (!subjects.has(subject)) found.push(report(file, at(['code']), 'unknown-subject', `subject ${subject} is not defined in ${protocol.id}/protocol.yaml`, 'add it under subjects, or fix the code'));
    const classes = value.inClass.map((use) => use.class);
    if (classes.some((c, i) => i > 0 && c <= classes[i - 1]!)) found.push(report(file, at(['inClass']), 'class-order', `classes are listed as ${classes.join(', ')}`, 'list each class once, in ascending order'));
    const basic = value.basicCodes;
    if (basic.some((c, i) => i > 0 && c <= basic[i - 1]!)) found.push(report(file, at(['basicCodes']), 'code-order', `basic codes are listed as ${basic.join(', ')}`, 'list them once each, ascending'));
    (value.related ?? []).forEach((other, i) => {
      if (other === value.code) found.push(report(file, at(['related', i]), 'related-self', `${value.code} lists itself as related`, 'remove it'));
      else if (!presentIds.has(other)) found.push(report(file, at(['related', i]), 'unknown-code', `related code ${other} has no entry`, `add enhanced/${other}.yaml, or fix the code`));
    });
  }
  return found;
}

export function lintProviders(providers: readonly Loaded<ProviderFile>[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const { value, file } of providers) {
    const fileId = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
    if (value.id !== fileId) found.push(report(file, positionOf(file, ['id']), 'file-name', `provider ${value.id} is in a file named "${fileId}.yaml"`, `rename the file to ${value.id}.yaml, or fix the id`));
    value.rules.forEach((rule, i) => {
      const at = (path: (string | number)[]) => positionOf(file, ['rules', i, ...path]);
      if (!rule.id.startsWith(`${value.id}-`)) found.push(report(file, at(['id']), 'rule-id', `rule ${rule.id} does not start with "${value.id}-"`, `rename it ${value.id}-${rule.id}`));
      const earlier = seen.get(rule.id);
      if (earlier) found.push(report(file, at(['id']), 'duplicate-id', `rule ${rule.id} is already defined in ${earlier}`, 'give each rule its own id'));
      else seen.set(rule.id, file.path);
      rule.match.forEach((token, j) => {
        if (token !== token.toLowerCase()) found.push(report(file, at(['match', j]), 'token-case', `match token "${token}" has capitals`, `write "${token.toLowerCase()}": matching ignores case, tokens are kept lower-case`, false));
        if (token.trim() !== token) found.push(report(file, at(['match', j]), 'token-space', `match token "${token}" starts or ends with a space`, 'trim it: a reply may wrap or end right there'));
        if (/^[\d.]+$/.test(token) && token.length < 5) found.push(report(file, at(['match', j]), 'token-too-broad', `match token "${token}" is a bare number`, 'pair it with the provider\'s own words: a bare code matches every provider'));
      });
    });
  }
  return found;
}
