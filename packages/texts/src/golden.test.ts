// Comparisons read aloud before they were committed: any change to their wording shows up here
// as a diff to review (vitest -u writes the new text; read it before committing it).
import { describe, expect, it } from 'vitest';
import { availableLocales, renderComparisonFromInput } from './index.js';

// 235 vs 554 is read in every locale, above.
const GOLDEN_PAIRS = [
  [450, 550],
  [550, 554],
  [421, 451],
  [530, 535],
  [452, 552],
] as const;

/** One pair per protocol, read in every locale (issue #14). */
const EVERY_LOCALE_PAIRS = [
  ['smtp', 235, 554],
  ['http', 301, 308],
  ['ftp', 425, 426],
] as const;

describe('golden comparisons in every locale', () => {
  it('has ten locales to read', () => expect(availableLocales).toHaveLength(10));
  for (const [protocol, a, b] of EVERY_LOCALE_PAIRS) {
    for (const locale of availableLocales) {
      it(`${protocol.toUpperCase()} ${a} vs ${b} in ${locale}`, async () => {
        const rendered = renderComparisonFromInput({ protocol, codes: [a, b], locale, format: 'text' });
        expect([rendered.locale, rendered.fallbacks]).toEqual([locale, []]);
        await expect(rendered.output).toMatchFileSnapshot(`../test/golden/${protocol}-${a}-vs-${b}.${locale}.txt`);
      });
    }
  }
});

describe('golden comparisons', () => {
  for (const [a, b] of GOLDEN_PAIRS) {
    for (const locale of ['en', 'vi'] as const) {
      it(`SMTP ${a} vs ${b} in ${locale}`, async () => {
        const { output, fallbacks } = renderComparisonFromInput({ protocol: 'smtp', codes: [a, b], locale, format: 'text' });
        expect(fallbacks).toEqual([]);
        await expect(output).toMatchFileSnapshot(`../test/golden/smtp-${a}-vs-${b}.${locale}.txt`);
      });
    }
  }
});
