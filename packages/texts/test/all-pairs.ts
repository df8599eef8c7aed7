// For the all-pairs tests (issues #9 and #14), one file per protocol so that they run in parallel:
// every comparison of every pair in every locale and format, with no doubled word, no `undefined`,
// no broken markup, no fallback to English and no English phrase left in a translation, codes and
// wire texts aside.
import { listCodes, type ProtocolId } from '@protocodes/core';
import { expect } from 'vitest';
import { availableLocales, FORMATS, renderComparisonFromInput } from '../src/index.js';
import { englishLeftovers, englishPhrases, problemsIn, wireTextsOf } from './flaws.js';

export const PAIR_COUNTS = { smtp: 703, http: 3828, ftp: 1653 } as const;
/** Generous: the HTTP run takes about 80 s on CI's two shared cores. */
export const ALL_PAIRS_TIMEOUT = 300_000;

export function pairsOf(protocol: ProtocolId): (readonly [number, number])[] {
  const all = listCodes(protocol).map((e) => e.code);
  return all.flatMap((a, i) => all.slice(i + 1).map((b) => [a, b] as const));
}

/** The flaws of every comparison of the protocol, at most `limit` of them, to print. */
export function flawsOfEveryPair(protocol: ProtocolId, limit = 40): string[] {
  const all = pairsOf(protocol);
  expect(all.length).toBe(PAIR_COUNTS[protocol]);
  const wire = wireTextsOf(listCodes(protocol));
  const translated = availableLocales.filter((locale) => locale !== 'en');
  const flaws: string[] = [];
  for (const format of FORMATS) {
    for (const [a, b] of all) {
      const english = renderComparisonFromInput({ protocol, codes: [a, b], format });
      for (const problem of problemsIn(english)) flaws.push(`${a} vs ${b} en ${format}: ${problem}`);
      const phrases = englishPhrases(english, wire);
      for (const locale of translated) {
        const rendered = renderComparisonFromInput({ protocol, codes: [a, b], locale, format });
        const where = `${a} vs ${b} ${locale} ${format}`;
        if (rendered.locale !== locale) flaws.push(`${where}: rendered in ${rendered.locale}`);
        if (rendered.fallbacks.length > 0) flaws.push(`${where}: falls back for ${rendered.fallbacks.map((f) => f.part).join(', ')}`);
        for (const problem of problemsIn(rendered)) flaws.push(`${where}: ${problem}`);
        for (const phrase of englishLeftovers(rendered, phrases)) flaws.push(`${where}: English left in "${phrase}"`);
      }
      if (flaws.length >= limit) return flaws;
    }
  }
  return flaws;
}
