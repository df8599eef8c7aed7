// The spacing lint for scripts written without spaces between words (Japanese, Chinese): a space
// between two such characters, or beside full-width punctuation, is nearly always a line break
// that YAML folded into a space, and it shows on the page as a gap in the middle of a word.
import type { Diagnostic } from './diagnostics.js';
import { forEachString } from './lint.js';
import type { JsonSchema } from './schema.js';
import { nodeAt, positionAt, positionOf, type SourceFile } from './source.js';

const UNSPACED_SCRIPTS = new Set(['Jpan', 'Hans', 'Hant', 'Hani', 'Thai', 'Laoo', 'Khmr', 'Mymr']);
const IDEOGRAPHIC = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc]';
const FULL_WIDTH_PUNCTUATION = '[\\u3001\\u3002\\u300c-\\u300f\\uff01\\uff08\\uff09\\uff0c\\uff1a\\uff1b\\uff1f]';
const STRAY_SPACE = new RegExp(
  `(?<=${IDEOGRAPHIC})\\s+(?=${IDEOGRAPHIC})|(?<=${FULL_WIDTH_PUNCTUATION})\\s+(?=\\S)|(?<=\\S)\\s+(?=${FULL_WIDTH_PUNCTUATION})`,
  'u',
);

/** Whether the locale's script puts no spaces between words, from CLDR's likely script. */
export function writesWithoutSpaces(locale: string): boolean {
  try {
    return UNSPACED_SCRIPTS.has(new Intl.Locale(locale).maximize().script ?? '');
  } catch {
    return false;
  }
}

/** Errors for every stray space in the translatable text of one file of such a locale. */
export function lintSpacing(file: SourceFile, schema: JsonSchema, locale: string): Diagnostic[] {
  if (file.data === undefined || !writesWithoutSpaces(locale)) return [];
  const found: Diagnostic[] = [];
  forEachString(schema, file.data, (path, text, sub) => {
    if (!sub['x-translatable'] && !sub['x-snippet']) return;
    const match = STRAY_SPACE.exec(text);
    if (!match) return;
    const range = nodeAt(file, path)?.range;
    const inSource = range ? STRAY_SPACE.exec(file.text.slice(range[0], range[1])) : null;
    const at = range && inSource ? positionAt(file, range[0] + inSource.index) : positionOf(file, path);
    const context = text.slice(Math.max(0, match.index - 6), match.index + match[0].length + 6);
    found.push({
      file: file.path,
      line: at.line,
      column: at.column,
      rule: 'spacing',
      message: `a space inside "${context}": ${locale} puts no spaces between words or beside full-width punctuation`,
      hint: 'remove the space; where a line of a folded YAML block ends there, join that line with the next',
    });
  });
  return found;
}
