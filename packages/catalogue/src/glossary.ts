// The glossary lint: a locale's translations use the renderings its glossary.yaml chose, not the
// variants it lists under `avoid`. Matching is literal and case-insensitive, on whole words.
import type { Diagnostic } from './diagnostics.js';
import { forEachString } from './lint.js';
import type { GlossaryFile } from './model.js';
import type { JsonSchema } from './schema.js';
import { nodeAt, positionAt, positionOf, type SourceFile } from './source.js';

interface Avoided {
  phrase: string;
  term: string;
  use: string;
  /** The phrase with any run of spaces or line breaks between its words, as YAML may fold it. */
  pattern: RegExp;
  /** Its first word in lower case: a text without it cannot match, and most texts are ruled out so. */
  firstWord: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function avoidedPhrases(glossary: GlossaryFile): Avoided[] {
  return glossary.terms.flatMap((term) =>
    (term.avoid ?? []).map((phrase) => ({
      phrase,
      term: term.term,
      use: term.use,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu'),
      firstWord: phrase.trim().split(/\s+/)[0]!.toLowerCase(),
    })),
  );
}

/** Warnings for every discouraged variant in the translatable text of one locale file. */
export function lintGlossary(file: SourceFile, schema: JsonSchema, avoided: readonly Avoided[], glossaryPath: string): Diagnostic[] {
  if (avoided.length === 0 || file.data === undefined) return [];
  const found: Diagnostic[] = [];
  forEachString(schema, file.data, (path, text, sub) => {
    if (!sub['x-translatable'] && !sub['x-snippet']) return;
    const lower = text.toLowerCase();
    for (const entry of avoided) {
      if (!lower.includes(entry.firstWord) || !entry.pattern.test(text)) continue;
      const node = nodeAt(file, path);
      const range = node?.range;
      const inSource = range ? entry.pattern.exec(file.text.slice(range[0], range[1])) : null;
      const at = range && inSource ? positionAt(file, range[0] + inSource.index) : positionOf(file, path);
      found.push({
        file: file.path,
        line: at.line,
        column: at.column,
        rule: 'glossary',
        message: `"${entry.phrase}" is a discouraged rendering of "${entry.term}"`,
        hint: `write "${entry.use}", as ${glossaryPath} says`,
        level: 'warning',
      });
    }
  });
  return found;
}
