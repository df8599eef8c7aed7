// Which text a reader gets for the tag they send, over the ten locales protocodes aims at. The
// list is given here, so the rules are pinned whatever the build has compiled.
import { describe, expect, it } from 'vitest';
import { bestAcceptedLanguage, negotiateLocale } from './index.js';

const TEN = ['en', 'vi', 'es', 'pt-BR', 'fr', 'de', 'ja', 'zh-CN', 'ru', 'ar'];

describe('locale negotiation', () => {
  it.each([
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['es-419', 'es'],
    ['es-MX', 'es'],
    ['de-AT', 'de'],
    ['de-CH', 'de'],
    ['ar-EG', 'ar'],
    ['ja-JP', 'ja'],
    ['vi-VN', 'vi'],
    ['EN-gb', 'en'],
  ])('serves %s with %s', (tag, locale) => {
    expect(negotiateLocale(tag, TEN)).toMatchObject({ locale, fellBack: false });
  });

  it.each(['zh-TW', 'zh-Hant', 'zh-Hant-TW', 'zh-HK'])('serves %s in English, says so, and never in Simplified Chinese', (tag) => {
    expect(negotiateLocale(tag, TEN)).toMatchObject({ locale: 'en', fellBack: true });
    // Even where a bare `zh` exists, lookup must not cross from Traditional to Simplified.
    expect(negotiateLocale(tag, ['en', 'zh'])).toMatchObject({ locale: 'en', fellBack: true });
  });

  it('falls back to English for a language not offered, and says so', () => {
    expect(negotiateLocale('ko-KR', TEN)).toMatchObject({ locale: 'en', requested: 'ko-KR', fellBack: true });
  });

  it('applies the same rules to Accept-Language, by q-value', () => {
    expect(bestAcceptedLanguage('pt;q=0.9, en;q=0.5', TEN)).toBe('pt');
    expect(negotiateLocale(bestAcceptedLanguage('pt;q=0.9, en;q=0.5', TEN)!, TEN).locale).toBe('pt-BR');
    expect(bestAcceptedLanguage('zh-TW, en;q=0.5', TEN)).toBe('en');
    expect(bestAcceptedLanguage('zh-Hant', TEN)).toBeUndefined();
    expect(bestAcceptedLanguage('de-CH, fr;q=0.8', TEN)).toBe('de-CH');
  });

  it('reads a bare zh after a Traditional tag as Traditional, as browsers set to zh-TW send it', () => {
    expect(bestAcceptedLanguage('zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7', TEN)).toBe('en-US');
    expect(bestAcceptedLanguage('zh-HK,zh;q=0.9', TEN)).toBeUndefined();
    expect(bestAcceptedLanguage('zh-CN,zh;q=0.9', TEN)).toBe('zh-CN');
    expect(bestAcceptedLanguage('zh;q=0.9', TEN)).toBe('zh');
  });
});
