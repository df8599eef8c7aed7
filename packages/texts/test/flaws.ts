// For tests: what no rendered text may contain, in any locale or format.
import type { CodeEntry } from '@protocodes/core';
import type { Format, RenderedText } from '../src/index.js';
import { visibleHtml } from './visible-text.js';

const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
const kinds = new Map<number, number>();
/** 0 for anything else, 1 for a letter, 2 for a number; looked up once per character. */
function kindOf(code: number): number {
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122 ? 1 : code >= 48 && code <= 57 ? 2 : 0;
  let kind = kinds.get(code);
  if (kind === undefined) {
    const char = String.fromCharCode(code);
    kind = LETTER.test(char) ? 1 : NUMBER.test(char) ? 2 : 0;
    kinds.set(code, kind);
  }
  return kind;
}

/**
 * Words written twice in a row with only spaces between them ("the the"). Within a line: a heading
 * that ends with the word the next paragraph starts with is not a doubled word. One pass over the
 * characters, without a regular expression per word: the all-pairs tests check some 200,000 texts.
 */
function doubledWords(text: string): string[] {
  const found: string[] = [];
  let previous = '';
  let previousEnd = -1;
  let i = 0;
  while (i < text.length) {
    if (kindOf(text.charCodeAt(i)) === 0) {
      i++;
      continue;
    }
    const start = i;
    let lettersOnly = true;
    for (let kind = kindOf(text.charCodeAt(i)); kind !== 0; kind = kindOf(text.charCodeAt(i))) {
      if (kind === 2) lettersOnly = false;
      i++;
      if (i >= text.length) break;
    }
    const word = lettersOnly ? text.slice(start, i) : '';
    if (word !== '' && word.length === previous.length && word.toLowerCase() === previous.toLowerCase() && /^[^\S\n]+$/.test(text.slice(previousEnd, start))) {
      found.push(`${previous} ${word}`);
    }
    previous = word;
    previousEnd = i;
  }
  return found;
}

/** The reader-visible text of an output: tags removed and entities decoded for HTML. */
export function visibleText(output: string, format: Format): string {
  // Separate elements with a mark that is not white space, so a table's "Retry | retry" is not a doubled word.
  return format === 'html' ? visibleHtml(output, ' ¦ ') : output;
}

/** Problems that no rendered text may have, whatever the format. */
export function problemsIn(rendered: RenderedText): string[] {
  const { output, format } = rendered;
  const problems: string[] = [];
  const text = visibleText(output, format);
  for (const doubled of doubledWords(text)) problems.push(`doubled word "${doubled}"`);
  // The registry itself names X.0 "Other or undefined status".
  for (const bad of [/(?<![Oo]ther |or )undefined/, /\bnull\b(?! MX)/, /\[object/, /\bNaN\b/]) if (bad.test(text)) problems.push(`contains ${bad.source}`);
  if (format !== 'html' && /&(?:[a-z]+|#x?[0-9a-f]+);/i.test(output)) problems.push('HTML entity in a plain format');
  if (format === 'html') {
    const stack: string[] = [];
    for (const [, closing, name] of output.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
      if (closing) {
        if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
      } else stack.push(name!);
    }
    if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
    const empty = /<(p|li|dd|td|h[1-3])>\s*<\/\1>/.exec(output);
    if (empty) problems.push(`empty <${empty[1]}>`);
  } else {
    if (/\n\n\n/.test(output)) problems.push('two blank lines in a row');
    const empty = /^- [^\n]*:$/m.exec(output);
    if (empty) problems.push(`empty item "${empty[0]}"`);
    if (format === 'markdown') {
      const lines = output.split('\n').filter((line) => line !== '');
      lines.forEach((line, i) => {
        const level = /^(#+) /.exec(line)?.[1]!.length;
        const next = /^(#+) /.exec(lines[i + 1] ?? '# end')?.[1]!.length;
        if (level && next && next <= level) problems.push(`empty section "${line}"`);
      });
    }
  }
  return problems;
}

const unescapeMarkdown = (text: string) => text.replace(/\\([\\`*_[\]<>|])/g, '$1');

/** The phrases of a text: what lies between sentence ends, line breaks, list separators and cells. */
function phrases(output: string, format: Format): string[] {
  return unescapeMarkdown(visibleText(output, format))
    .split(/(?<=[.!?:;])\s+|\n+| \/ |\s*[¦|]\s*/)
    .map((s) => s.replace(/^[-*#\s]+|[\s*]+$/g, '').trim())
    .filter((s) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 4);
}

/** What servers send, which stays in English in every locale: reply texts and the texts seen in the wild. */
export function wireTextsOf(entries: readonly CodeEntry[]): string[] {
  return entries.flatMap((entry) => [entry.replyText, ...(entry.alternateReplyTexts ?? []).map((a) => a.text), ...(entry.seenAs ?? []).map((s) => s.text)]);
}

/**
 * The English phrases of four words or more that a translation of the same request must not
 * contain, leaving out those that are part of a wire text (servers send those in English).
 */
export function englishPhrases(english: RenderedText, wireTexts: readonly string[]): string[] {
  const longestFirst = [...wireTexts].sort((x, y) => y.length - x.length);
  // A piece of a wire text, or a phrase with nothing left once its wire texts and server names are out.
  const isWire = (phrase: string) => {
    const bare = phrase
      .replace(/^\d{3}[\s-]+/, '')
      .replace(/[\s;:,.(]+$/, '')
      .replace(/\s*\([^)]*\)$/, '');
    // A quotation is what a server or a document said, and stays as it was said.
    if (/^[“"«‘'].*[”"»’']$/.test(bare)) return true;
    if (wireTexts.some((wire) => wire.includes(bare))) return true;
    let rest = phrase;
    for (const wire of longestFirst) if (rest.includes(wire)) rest = rest.split(wire).join(' ');
    rest = rest.replace(/\([^)]*\)/g, ' ');
    return rest.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < 2;
  };
  return [...new Set(phrases(english.output, english.format))].filter((phrase) => !isWire(phrase));
}

/** Those of `phrases` that a translated text still contains. */
export function englishLeftovers(translated: RenderedText, phrases: readonly string[]): string[] {
  const text = unescapeMarkdown(visibleText(translated.output, translated.format));
  return phrases.filter((phrase) => text.includes(phrase));
}
