// A problem found in the catalogue, in the shape every command prints:
// `path:line:col rule message`, then a hint saying how to fix it.

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  hint?: string;
  /** True when `--fix` can repair it. */
  fixable?: boolean;
  /** Warnings are reported but do not fail the check (missing or stale translations). */
  level?: 'warning';
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column} ${d.rule}${d.level === 'warning' ? ' (warning)' : ''} ${d.message}`;
  const hint = d.hint ? `\n    hint: ${d.hint}${d.fixable ? ' (or run with --fix)' : ''}` : '';
  return head + hint;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** Every rule a diagnostic can carry, documented in catalogue/README.md. */
export const RULES: Record<string, string> = {
  'yaml-syntax': 'The file is not valid YAML.',
  'duplicate-key': 'A field appears twice in the same map.',
  'unknown-field': 'A field the schema does not define (often a typo).',
  'missing-field': 'A required field is absent.',
  'wrong-type': 'A value has the wrong type, e.g. text where a number belongs.',
  'invalid-value': 'A value is not one of the allowed choices.',
  'invalid-format': 'A value does not have the required form.',
  'empty-value': 'A text or list that must not be empty is empty.',
  'duplicate-item': 'A list names the same item twice.',
  'out-of-range': 'A number is outside its allowed range.',
  schema: 'Any other schema violation.',
  'file-name': 'The id differs from the file or folder name.',
  'class-digit': 'The class does not match the first digit of the code, or is not a class of the protocol.',
  'category-digit': 'The category does not match the second digit of the code.',
  'retry-class': 'The retry policy does not fit the class (4xx retry later, or after a change; 5xx do not retry unchanged).',
  'retry-when': 'A retry exception that repeats the code\'s own retry policy, or names a phase the code does not occur in.',
  'unknown-phase': 'A phase id that protocol.yaml does not define.',
  'phase-order': 'Phases are not listed in session order.',
  'related-exists': 'A related code has no entry, or is the code itself.',
  'enhanced-class': 'An enhanced status code whose class differs from the reply\'s class.',
  'reference-format': 'A reference not written as "RFC 5321 §4.2.3" (fixable).',
  'doubled-word': 'The same word twice in a row ("when when").',
  'template-syntax': 'Text containing "{{" or "}}": catalogue text is data, never a template.',
  'raw-html': 'Text containing HTML tags or entities: text is plain and shown escaped.',
  'unbalanced-quotes': 'Unbalanced double quotes, parentheses or brackets.',
  'summary-sentence': 'A summary that is not exactly one complete sentence.',
  'when-you-see-it': 'A "when you see it" text that starts with "When" and would double the heading\'s word.',
  'key-order': 'Fields not in canonical order (fixable).',
  'docs-drift': 'catalogue/README.md does not match the schema (fixable).',
  'missing-file': 'A required file is absent.',
  'pair-codes': 'A pair note whose codes do not exist, are not in ascending order, or differ from its file name.',
  'snippet-syntax': 'A message snippet that is not valid Handlebars, or uses more than placeholders and if/unless/each.',
  'locale-tag': 'A locale folder whose name is not a canonical BCP 47 tag.',
  'translation-missing': 'Entries that a locale has not translated yet (warning; English is shown instead).',
  'translation-stale': 'A translation made from English that has changed since (warning; English is shown until it is updated).',
  'translation-extra': 'A translation of something that does not exist in English.',
  'translation-unstamped': 'A translation without the hash of its English source (fixable).',
  'placeholder-mismatch': 'A translated message that does not use the same placeholders as the English one.',
  glossary: 'A translation that uses a variant its locale\'s glossary.yaml lists under avoid (warning).',
  spacing: 'A space between two Japanese or Chinese characters, or beside full-width punctuation, usually a folded YAML line break.',
  'protocol-words': 'A translation that drops a protocol word, acronym or number the English text has (RCPT TO, SPF, 5.7.1).',
  'no-protocols': 'The catalogue has no protocol folders.',
};
