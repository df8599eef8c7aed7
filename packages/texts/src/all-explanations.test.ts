// Every explanation of every code in every locale and format (issues #9 and #14), with the checks
// that all-pairs-<protocol>.test.ts apply to every comparison.
import { listCodes, protocolList } from '@protocodes/core';
import { describe, expect, it } from 'vitest';
import { englishLeftovers, englishPhrases, problemsIn, wireTextsOf } from '../test/flaws.js';
import { availableLocales, FORMATS, renderExplanationFromInput } from './index.js';

const translated = availableLocales.filter((locale) => locale !== 'en');

describe('every explanation in every locale', () => {
  it('covers all ten locales', () => {
    expect([...availableLocales].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'ja', 'pt-BR', 'ru', 'vi', 'zh-CN']);
  });

  it('explains every code of every protocol in every locale and format without a flaw', () => {
    const flaws: string[] = [];
    for (const protocol of protocolList) {
      const wire = wireTextsOf(listCodes(protocol));
      for (const format of FORMATS) {
        for (const entry of listCodes(protocol)) {
          const english = renderExplanationFromInput({ protocol, code: entry.code, format });
          for (const problem of problemsIn(english)) flaws.push(`${protocol} ${entry.code} en ${format}: ${problem}`);
          const phrases = englishPhrases(english, wire);
          for (const locale of translated) {
            const rendered = renderExplanationFromInput({ protocol, code: entry.code, locale, format });
            const where = `${protocol} ${entry.code} ${locale} ${format}`;
            if (rendered.fallbacks.length > 0) flaws.push(`${where}: falls back for ${rendered.fallbacks.map((f) => f.part).join(', ')}`);
            for (const problem of problemsIn(rendered)) flaws.push(`${where}: ${problem}`);
            for (const phrase of englishLeftovers(rendered, phrases)) flaws.push(`${where}: English left in "${phrase}"`);
          }
        }
      }
    }
    expect(flaws.slice(0, 40)).toEqual([]);
  });
});
