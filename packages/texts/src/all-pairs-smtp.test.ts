import { describe, expect, it } from 'vitest';
import { ALL_PAIRS_TIMEOUT, flawsOfEveryPair, PAIR_COUNTS } from '../test/all-pairs.js';
import { availableLocales, FORMATS } from './index.js';

describe('every smtp comparison', () => {
  it(`renders all ${PAIR_COUNTS.smtp} pairs × ${availableLocales.length} locales × ${FORMATS.length} formats without a flaw`, () => {
    expect(flawsOfEveryPair('smtp')).toEqual([]);
  }, ALL_PAIRS_TIMEOUT);
});
