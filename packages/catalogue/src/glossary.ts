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
  /** Its place in the glossary: warnings come out in this order. */
  order: number;
  /** Its runs of letters or digits, lower-cased: each occurs as a whole run in any text the phrase occurs in. */
  runs: string[];
}

/** The avoided phrases of one glossary, indexed by their first run of letters or digits. */
export interface AvoidedPhrases {
  count: number;
  /**
   * A phrase can only occur where its first run of letters or digits occurs as a whole run in the
   * text, so a text is split into runs once and only the phrases that start with one of them are tried.
   */
  byFirstRun: ReadonlyMap<string, readonly Avoided[]>;
  /** Phrases without any letter or digit, tried on every text. */
  always: readonly Avoided[];
}

const RUN = /[\p{L}\p{N}]+/gu;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function avoidedPhrases(terms: GlossaryFile['terms']): AvoidedPhrases {
  const list = terms.flatMap((term) =>
    (term.avoid ?? []).map((phrase) => ({
      phrase,
      term: term.term,
      use: term.use,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu'),
    })),
  );
  const byFirstRun = new Map<string, Avoided[]>();
  const always: Avoided[] = [];
  list.forEach((entry, order) => {
    const runs = entry.phrase.toLowerCase().match(RUN) ?? [];
    const avoided = { ...entry, order, runs };
    if (runs.length === 0) always.push(avoided);
    else byFirstRun.set(runs[0]!, [...(byFirstRun.get(runs[0]!) ?? []), avoided]);
  });
  return { count: list.length, byFirstRun, always };
}

/** The phrases that may occur in `text`, in glossary order. */
export function candidatesIn(text: string, avoided: AvoidedPhrases): Avoided[] {
  const runs = new Set(text.toLowerCase().match(RUN));
  const found = new Set<Avoided>(avoided.always);
  for (const run of runs) for (const entry of avoided.byFirstRun.get(run) ?? []) if (entry.runs.every((r) => runs.has(r))) found.add(entry);
  return [...found].sort((x, y) => x.order - y.order);
}

/** Warnings for every discouraged variant in the translatable text of one locale file. */
export function lintGlossary(file: SourceFile, schema: JsonSchema, avoided: AvoidedPhrases, glossaryPath: string): Diagnostic[] {
  if (avoided.count === 0 || file.data === undefined) return [];
  const found: Diagnostic[] = [];
  forEachString(schema, file.data, (path, text, sub) => {
    if (!sub['x-translatable'] && !sub['x-snippet']) return;
    for (const entry of candidatesIn(text, avoided)) {
      if (!entry.pattern.test(text)) continue;
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
