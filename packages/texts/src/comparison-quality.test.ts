// What makes a comparison worth reading (issue #9): it says what differs, not what each code is,
// says nothing twice, and puts the hand-written insight near the top. Checked on every pair.
import { compareCodes, getProtocol, listCodes, protocolList } from '@protocodes/core';
import { describe, expect, it } from 'vitest';
import { describeComparison, FORMATS, renderComparisonFromInput, type Format } from './index.js';
import { visibleHtml } from '../test/visible-text.js';

const LOCALES = ['en', 'vi'] as const;
const pairsOf = (protocol: (typeof protocolList)[number]) => {
  const codes = listCodes(protocol).map((e) => e.code);
  return codes.flatMap((a, i) => codes.slice(i + 1).map((b) => [a, b] as const));
};
/** The word that joins the two halves of a contrast, per locale. */
const CONTRAST = { en: ', while ', vi: ', còn ' } as const;
/** What separates list items in each locale's lists, as Intl writes them. */
const LIST_SEPARATOR = { en: /, | and /, vi: /, | và / } as const;

/** The reader-visible text with the two per-code sections taken out. */
function outsideCodeSections(output: string, format: Format, headings: readonly string[]): string {
  if (format === 'html') return visibleHtml(output.replace(/<section class="code"[\s\S]*?<\/section>/g, ''), '\n');
  const lines = output.split('\n');
  const prefix = format === 'markdown' ? '## ' : '';
  const start = lines.findIndex((line) => line === `${prefix}${headings[0]}`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith(prefix) && line === `${prefix}${headings[2]}`);
  expect(start, 'first code section').toBeGreaterThan(0);
  expect(end, 'the section after the code sections').toBeGreaterThan(start);
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

/** Sentences of eight words or more, normalised for comparison. */
function longSentences(text: string): string[] {
  return text
    .replace(/\\([\\`*_[\]<>|])/g, '$1')
    .split(/(?<=[.!?])\s+|\n+|; /)
    .map((s) => s.replace(/^[-*#|\s]+|[\s|*]+$/g, '').trim())
    .filter((s) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 8);
}

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

for (const protocol of protocolList) {
  const pairs = pairsOf(protocol);
  describe(`every ${protocol} comparison, in en and vi, in text, Markdown and HTML`, () => {
  it('repeats no sentence of eight words or more outside the two per-code sections', () => {
    const repeats: string[] = [];
    for (const locale of LOCALES) {
      for (const format of FORMATS) {
        for (const [a, b] of pairs) {
          const { output } = renderComparisonFromInput({ protocol, codes: [a, b], locale, format });
          const described = describeComparison({ protocol, codes: [a, b], locale });
          const headings = [described.a, described.b].map((code) => `${getProtocol(protocol).name} ${code.code} ${code.texts.title}`);
          const after = locale === 'en' ? 'When to use which' : 'Khi nào dùng cái nào';
          const seen = new Set<string>();
          for (const sentence of longSentences(outsideCodeSections(output, format, [...headings, after]))) {
            if (seen.has(sentence)) repeats.push(`${a} vs ${b} ${locale} ${format}: "${sentence}"`);
            seen.add(sentence);
          }
        }
      }
    }
    expect(repeats).toEqual([]);
  });

  it('never contrasts two identical halves', () => {
    const identical: string[] = [];
    for (const locale of LOCALES) {
      for (const [a, b] of pairs) {
        const description = describeComparison({ protocol, codes: [a, b], locale });
        const anonymous = (half: string) =>
          half
            .replace(new RegExp(`\\b(${a}|${b})\\b`, 'g'), 'X')
            .replace(/“[^”]*”/g, '“…”')
            .replace(/^\s*(both|cả|but|nhưng)\s+/i, '')
            .replace(/[.;]\s*$/, '')
            .trim();
        const sentences = description.keyDifference.split(/(?<=\.)\s+/);
        const operator = description.whenToUseWhich.operator.split('; ');
        for (const sentence of sentences) {
          if (!sentence.includes(CONTRAST[locale])) continue;
          const [first, second] = sentence.split(CONTRAST[locale]);
          if (anonymous(first!) === anonymous(second!)) identical.push(`${a} vs ${b} ${locale}: ${sentence}`);
        }
        if (operator.length === 2 && anonymous(operator[0]!).toLowerCase() === anonymous(operator[1]!).toLowerCase()) {
          identical.push(`${a} vs ${b} ${locale}: ${description.whenToUseWhich.operator}`);
        }
      }
    }
    expect(identical).toEqual([]);
  });

  it('never gives the same "if you receive" line for both codes', () => {
    for (const locale of LOCALES) {
      for (const [a, b] of pairs) {
        const lines = describeComparison({ protocol, codes: [a, b], locale }).whenToUseWhich.onReceive;
        expect(lines, `${a} vs ${b} ${locale}`).toHaveLength(2);
        expect(lines[0]!.text, `${a} vs ${b} ${locale}`).not.toBe(lines[1]!.text);
      }
    }
  });

  it('starts a curated note within the first 200 words of the text', () => {
    const late: string[] = [];
    let curated = 0;
    for (const locale of LOCALES) {
      for (const [a, b] of pairs) {
        const note = describeComparison({ protocol, codes: [a, b], locale }).note;
        if (!note) continue;
        curated++;
        const { output } = renderComparisonFromInput({ protocol, codes: [a, b], locale, format: 'text' });
        const at = output.indexOf(note.text);
        expect(at, `${a} vs ${b} ${locale}: the note is printed`).toBeGreaterThan(0);
        const before = words(output.slice(0, at)).length;
        if (before > 200) late.push(`${a} vs ${b} ${locale}: ${before} words before the note`);
      }
    }
    expect(curated).toBeGreaterThanOrEqual(2 * { smtp: 60, http: 24, ftp: 10 }[protocol]);
    expect(late).toEqual([]);
  });

  it('does not repeat the at-a-glance phase or actor lists in the key difference', () => {
    const repeated: string[] = [];
    for (const locale of LOCALES) {
      const labels = locale === 'en' ? ['Session phases', 'Who acts'] : ['Giai đoạn của phiên', 'Ai cần xử lý'];
      for (const [a, b] of pairs) {
        const { output } = renderComparisonFromInput({ protocol, codes: [a, b], locale, format: 'text' });
        const described = describeComparison({ protocol, codes: [a, b], locale });
        const { keyDifference } = described;
        // Only lists of two or more items: a single phase or actor may well be named.
        const counts = [described.facts.phases, described.facts.actors];
        labels.forEach((label, i) => {
          const line = output.split('\n').find((l) => l.startsWith(`- ${label}: `));
          if (line === undefined) return;
          const [forA, forB] = line.slice(label.length + 4).split('; ').map((part) => part.replace(/^\d+ /, ''));
          [forA!, forB!].forEach((list, side) => {
            const items = side === 0 ? counts[i]!.a.length : counts[i]!.b.length;
            if (items >= 2 && LIST_SEPARATOR[locale].test(list) && keyDifference.includes(list)) repeated.push(`${a} vs ${b} ${locale}: "${list}"`);
          });
        });
      }
    }
    expect(repeated).toEqual([]);
  });

  it('keeps the key difference to one, two or three sentences about facts that differ', () => {
    for (const locale of LOCALES) {
      for (const [a, b] of pairs) {
        const { keyDifference } = describeComparison({ protocol, codes: [a, b], locale });
        const sentences = keyDifference.split(/(?<=\.)\s+(?=\p{Lu}|\d)/u);
        expect(sentences.length, `${a} vs ${b} ${locale}: ${keyDifference}`).toBeGreaterThanOrEqual(1);
        expect(sentences.length, `${a} vs ${b} ${locale}: ${keyDifference}`).toBeLessThanOrEqual(3);
      }
    }
  });
  });
}

describe('curated notes', () => {
  it('gives every pair in which one code lists the other as related a hand-written note, in every protocol', () => {
    const missing = protocolList.flatMap((protocol) =>
      pairsOf(protocol)
        .filter(([a, b]) => compareCodes(protocol, a, b).related && !compareCodes(protocol, a, b).note)
        .map(([a, b]) => `${protocol} ${a}-${b}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the key difference', () => {
  const key = (a: number, b: number, locale = 'en') => describeComparison({ protocol: 'smtp', codes: [a, b], locale }).keyDifference;

  it('names the shared outcome once, then what differs, most telling first', () => {
    expect(key(550, 554)).toBe(
      'Both 550 “Mailbox unavailable” and 554 “Transaction failed” are permanent refusals (5xx) that fail again if repeated unchanged, ' +
        'but 550 refuses one recipient and lets the rest of the transaction go on, while 554 refuses the whole message.',
    );
  });

  it('contrasts the outcome when it differs', () => {
    expect(key(235, 554)).toMatch(/^235 “Authentication succeeded” reports success, while 554 “Transaction failed” is a permanent refusal \(5xx\)/);
  });

  it('says when one of the two closes the connection', () => {
    expect(key(421, 451)).toBe(
      'Both 421 “Service not available” and 451 “Local error in processing” are temporary refusals (4xx) that the client retries later, ' +
        'but 421 refuses the whole session, while 451 refuses the whole message. 421 closes the connection, while 451 keeps the session open.',
    );
  });

  it('states a conditional retry where the reply has one (552 for too many recipients)', () => {
    expect(key(452, 552)).toContain('A client treats 552 as temporary, though, when it answers RCPT TO');
    expect(key(452, 552, 'vi')).toContain('Tuy vậy, máy khách coi 552 là lỗi tạm thời khi');
  });

  it('falls back on the cause when every fact is the same', () => {
    expect(key(458, 459)).toMatch(/every other fact compared here is the same: only the cause each one reports sets them apart\.$/);
    expect(key(500, 502)).toMatch(/but 500 can come in reply to MAIL FROM and in reply to RCPT TO, which 502 never does\.$/);
  });
});
