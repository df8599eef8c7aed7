// Tags and headers a client controls (issue #10): never an exception other than
// InvalidLocaleError, bounded work, and canonical output that stays canonical.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript without types
import { textsVersionOf } from '../scripts/texts-version.mjs';
import { availableLocales, bestAcceptedLanguage, canonicalLocale, InvalidLocaleError, MAX_LANGUAGE_RANGES, negotiateLocale, parseAcceptLanguage, renderExplanation, textsVersion } from './index.js';

describe('language tags from clients', () => {
  it('never throws on ICU\'s own canonical output (vi-x-yes → vi, not vi-x)', () => {
    for (const tag of ['vi-x-yes', 'en-x-true', 'vi-t-yes', 'vi-u-ca-yes', 'VI-vn-x-private', 'en-u-nu-latn-x-yes']) {
      const canonical = canonicalLocale(tag);
      expect(canonical, tag).toMatch(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-\d{3})?$/);
      expect(canonicalLocale(canonical), tag).toBe(canonical);
      expect(() => negotiateLocale(tag, availableLocales), tag).not.toThrow();
      expect(() => renderExplanation({ protocol: 'smtp', code: 554, locale: tag }), tag).not.toThrow();
    }
    expect(negotiateLocale('vi-x-yes', availableLocales).locale).toBe('vi');
  });

  it('refuses what is not BCP 47 with InvalidLocaleError, and nothing else', () => {
    for (const tag of ['x-foo', 'vi-x', '', '-', 'vi--VN', 'a'.repeat(65), 'ü', '12', 'en_US', 'vi-VN-']) {
      expect(() => canonicalLocale(tag), JSON.stringify(tag)).toThrow(InvalidLocaleError);
    }
  });

  it('keeps canonicalization idempotent for thousands of generated tags', () => {
    const pieces = ['vi', 'en', 'zh', 'Hant', 'VN', '419', 'x', 'u', 't', 'yes', 'true', 'ca', 'latn', 'a', 'ab1', '-', '!', 'posix', '1994'];
    let state = 7;
    const pick = () => pieces[(state = (state * 1103515245 + 12345) >>> 0) % pieces.length]!;
    for (let i = 0; i < 5000; i++) {
      const tag = Array.from({ length: 1 + (i % 6) }, pick).join('-');
      let canonical: string;
      try {
        canonical = canonicalLocale(tag);
      } catch (error) {
        expect(error, tag).toBeInstanceOf(InvalidLocaleError);
        continue;
      }
      expect(canonicalLocale(canonical), tag).toBe(canonical);
      expect(() => negotiateLocale(canonical, availableLocales), tag).not.toThrow();
    }
  });
});

describe('Accept-Language', () => {
  it('honours q-values and drops entries whose q is not a number from 0 to 1', () => {
    expect(parseAcceptLanguage('en;q=0.1, vi;q=0.9')).toEqual([{ range: 'vi', q: 0.9 }, { range: 'en', q: 0.1 }]);
    expect(parseAcceptLanguage('vi;q=abc, en')).toEqual([{ range: 'en', q: 1 }]);
    expect(parseAcceptLanguage('vi;q=-1, de;q=1.5, fr;q=0, en;q=0.5')).toEqual([{ range: 'en', q: 0.5 }]);
    expect(parseAcceptLanguage('vi-VN, vi;q=0.8, *;q=0.1')).toEqual([{ range: 'vi-VN', q: 1 }, { range: 'vi', q: 0.8 }, { range: '*', q: 0.1 }]);
    expect(parseAcceptLanguage(';;;, ***, x-!!, ')).toEqual([]);
    expect(bestAcceptedLanguage('en;q=0.1, vi;q=0.9', availableLocales)).toBe('vi');
    expect(bestAcceptedLanguage('ko, vi-x-yes;q=0.5', availableLocales)).toBe('vi');
    expect(bestAcceptedLanguage('ko, it', availableLocales)).toBeUndefined();
  });

  it('reads a bounded part of a huge header', () => {
    const huge = Array.from({ length: 2000 }, (_, i) => `x${i % 10}-${'a'.repeat(5)};q=0.${i % 10}`).join(', ');
    expect(huge.length).toBeGreaterThan(14_000);
    expect(parseAcceptLanguage(huge).length).toBeLessThanOrEqual(MAX_LANGUAGE_RANGES);
    expect(bestAcceptedLanguage(`vi;q=0.2, ${huge}`, availableLocales)).toBe('vi');
  });
});

describe('textsVersion, which ETags carry', () => {
  const packageRoot = fileURLToPath(new URL('..', import.meta.url));

  it('is the hash of this package\'s layouts and code and of core\'s code, and changes with any of them', () => {
    expect(textsVersion).toMatch(/^[0-9a-f]{16}$/);
    const copy = mkdtempSync(join(tmpdir(), 'protocodes-texts-version-'));
    const texts = join(copy, 'texts');
    try {
      cpSync(join(packageRoot, 'templates'), join(texts, 'templates'), { recursive: true });
      cpSync(join(packageRoot, 'src'), join(texts, 'src'), { recursive: true });
      cpSync(join(packageRoot, '../core/src'), join(copy, 'core', 'src'), { recursive: true });
      const before = textsVersionOf(texts, 'catalogue', '4.7.x');
      expect(textsVersionOf(texts, 'catalogue', '4.7.x')).toBe(before);
      const compare = join(copy, 'core', 'src', 'compare.ts');
      writeFileSync(compare, `${readFileSync(compare, 'utf8')}\n`);
      const afterCore = textsVersionOf(texts, 'catalogue', '4.7.x');
      expect(afterCore).not.toBe(before);
      const template = join(texts, 'templates', 'comparison.text.hbs');
      writeFileSync(template, `${readFileSync(template, 'utf8')}\n`);
      expect(textsVersionOf(texts, 'catalogue', '4.7.x')).not.toBe(afterCore);
      expect(textsVersionOf(texts, 'other catalogue', '4.7.x')).not.toBe(textsVersionOf(texts, 'catalogue', '4.7.x'));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
