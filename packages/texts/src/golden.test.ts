// Comparisons read aloud before they were committed: any change to their wording shows up here
// as a diff to review (vitest -u writes the new text; read it before committing it).
import { describe, expect, it } from 'vitest';
import { renderComparison } from './index.js';

const GOLDEN_PAIRS = [
  [235, 554],
  [450, 550],
  [550, 554],
  [421, 451],
  [530, 535],
  [452, 552],
] as const;

describe('golden comparisons', () => {
  for (const [a, b] of GOLDEN_PAIRS) {
    for (const locale of ['en', 'vi'] as const) {
      it(`SMTP ${a} vs ${b} in ${locale}`, async () => {
        const { output, fallbacks } = renderComparison({ protocol: 'smtp', codes: [a, b], locale, format: 'text' });
        expect(fallbacks).toEqual([]);
        await expect(output).toMatchFileSnapshot(`../test/golden/smtp-${a}-vs-${b}.${locale}.txt`);
      });
    }
  }
});
