import { listCodes } from '@protocodes/core';
import { describe, expect, it } from 'vitest';
import { problemsIn } from '../test/flaws.js';
import { readFileSync } from 'node:fs';
import { explainReply, listEnhancedEntries } from '@protocodes/core';
import { availableLocales, FORMATS, InvalidFormatError, InvalidLocaleError, MixedComparisonError, renderComparison, renderComparisonFromInput, renderExplanation, renderExplanationFromInput, renderReply, type Format, type RenderedText } from './index.js';

const LOCALES = availableLocales;

describe('a comparison', () => {
  it('is the same whichever order the codes are given in', () => {
    for (const format of FORMATS) {
      expect(renderComparison({ protocol: 'smtp', codes: [554, 235], locale: 'vi', format })).toEqual(
        renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'vi', format }),
      );
    }
  });

  it('has a title built from both codes', () => {
    expect(renderComparison({ protocol: 'smtp', codes: [235, 554] }).title).toBe('SMTP 235 Authentication succeeded vs 554 Transaction failed');
  });

  it('states the key difference from the facts, not from the classes alone', () => {
    const { output } = renderComparison({ protocol: 'smtp', codes: [450, 550] });
    const keyDifference = output.split('\n\n')[1]!;
    expect(keyDifference).toContain('temporary refusal (4xx) that the client retries later');
    expect(keyDifference).toContain('permanent refusal (5xx) that fails again if repeated unchanged');
    expect(keyDifference).not.toMatch(/comes during|to act on/);
  });

  it('includes the curated note only for curated pairs, right after the key difference', () => {
    const curated = renderComparison({ protocol: 'smtp', codes: [450, 550] }).output.split('\n\n');
    expect(curated[2]!.startsWith('Note on this pair\n')).toBe(true);
    expect(renderComparison({ protocol: 'smtp', codes: [235, 554] }).output).not.toContain('Note on this pair');
    expect(renderComparison({ protocol: 'smtp', codes: [450, 550], locale: 'vi' }).output).toContain('Ghi chú về cặp mã này');
  });

  it('answers "when to use which" for each audience, not by pasting the fixes', () => {
    const { output } = renderComparison({ protocol: 'smtp', codes: [235, 554] });
    const section = output.slice(output.indexOf('When to use which'), output.indexOf('References'));
    expect(section).toContain('If you run the server and must choose a code:');
    expect(section).toContain('If you receive one of them:');
    expect(section).toContain('Send 235 when the request succeeded; send 554 when the request will keep failing until the sender changes something.');
    expect(section).toMatch(/\n- 554: Your mail server gives up and bounces the message/);
    expect(section).not.toContain('Check whether your sending IP address is on a DNS blocklist');
  });

  it('shows each description exactly once', () => {
    const { output } = renderComparison({ protocol: 'smtp', codes: [235, 554] });
    const description = '554 is the most general permanent refusal in SMTP.';
    expect(output.split(description)).toHaveLength(2);
  });

  it('rejects bad requests with typed errors', () => {
    expect(() => renderComparison({ protocol: 'smtp', codes: [235, 235] })).toThrow('cannot compare smtp 235 with itself');
    expect(() => renderComparisonFromInput({ protocol: 'smtp', codes: [235, 999] })).toThrow('smtp has no code "999"');
    expect(() => renderComparisonFromInput({ protocol: 'gopher', codes: [235, 554] })).toThrow('unknown protocol "gopher"');
    expect(() => renderExplanationFromInput({ protocol: 'smtp', code: '55x' })).toThrow('smtp has no code "55x"');
    expect(() => renderComparison({ protocol: 'smtp', codes: [235, 554], format: 'pdf' as Format })).toThrow(InvalidFormatError);
    expect(() => renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'xx-!!' })).toThrow(InvalidLocaleError);
  });
});

describe('locale negotiation', () => {
  it('goes from a region to its language (vi-VN → vi)', () => {
    const rendered = renderExplanation({ protocol: 'smtp', code: 554, locale: 'vi-VN' });
    expect(rendered.locale).toBe('vi');
    expect(rendered.requestedLocale).toBe('vi-VN');
    expect(rendered.fallbacks).toEqual([]);
    expect(rendered.output).toContain('Mô tả');
  });

  it('falls back to English for a language it does not have, and says so', () => {
    const rendered = renderExplanation({ protocol: 'smtp', code: 554, locale: 'ko-KR' });
    expect(rendered.locale).toBe('en');
    expect(rendered.fallbacks).toEqual([{ part: 'locale', locale: 'ko-KR' }]);
    expect(rendered.output).toContain('Description');
  });

  it('escapes the text direction and language into HTML', () => {
    const { output, dir } = renderExplanation({ protocol: 'smtp', code: 554, locale: 'vi', format: 'html' });
    expect(dir).toBe('ltr');
    expect(output).toMatch(/^<article class="explanation" lang="vi" dir="ltr">/);
  });
});

describe('formats', () => {
  it('escapes HTML once, keeps text and Markdown free of entities', () => {
    const html = renderExplanation({ protocol: 'smtp', code: 220, format: 'html' }).output;
    expect(html).toContain('<code>220 &lt;domain&gt; Service ready</code>');
    expect(html).not.toContain('&amp;lt;');
    const text = renderExplanation({ protocol: 'smtp', code: 220, format: 'text' }).output;
    expect(text).toContain('- 220 <domain> Service ready');
    const markdown = renderExplanation({ protocol: 'smtp', code: 220, format: 'markdown' }).output;
    expect(markdown).toContain('- 220 \\<domain\\> Service ready');
    expect(markdown.startsWith('# SMTP 220 Service ready\n')).toBe(true);
  });
});

describe('lists', () => {
  it('join items in the locale\'s own script exactly as Intl.ListFormat does', async () => {
    const { joinList } = await import('./views.js');
    const { locales } = await import('./generated/locale-info.js');
    const words: Record<string, string[]> = { ar: ['أ', 'ب', 'ج', 'د', 'ه'], ja: ['送信者', '受信者', 'リレー', '認証', '接続'], 'zh-CN': ['发件人', '收件人', '中继', '认证', '连接'] };
    for (const { id, list } of locales) {
      const format = new Intl.ListFormat(id, { type: 'conjunction', style: 'long' });
      const own = words[id] ?? ['a', 'b', 'c', 'd', 'e'];
      for (const n of [1, 2, 3, 5]) {
        const items = own.slice(0, n);
        expect(joinList(items, list), `${id} ${n}`).toBe(format.format(items));
      }
    }
  });

  it('keep a word separator apart from codes and command names in another script', async () => {
    const { joinList } = await import('./views.js');
    const { locales } = await import('./generated/locale-info.js');
    const separators = (id: string) => locales.find((l) => l.id === id)!.list;
    expect(joinList(['EHLO', 'AUTH', 'DATA'], separators('ar'))).toBe('EHLO و AUTH و DATA');
    expect(joinList(['550', 'رفض'], separators('ar'))).toBe('550 ورفض');
    expect(joinList(['550', '554'], separators('zh-CN'))).toBe('550 和 554');
    expect(joinList(['550', '收件人', '554'], separators('zh-CN'))).toBe('550、收件人和 554');
    expect(joinList(['550', '554'], separators('ja'))).toBe('550、554');
    expect(joinList(['550', '554', 'DATA'], separators('de'))).toBe('550, 554 und DATA');
  });

  it('canonicalizes tags with or without Intl the same way', async () => {
    const { canonicalLocale } = await import('./locale.js');
    for (const tag of ['vi', 'pt-BR', 'zh-Hant-TW', 'es-419', 'EN-us', 'vi-vn', 'sr-latn-rs']) {
      expect(canonicalLocale(tag)).toBe(Intl.getCanonicalLocales(tag)[0]);
    }
  });
});

describe('enhanced status codes', () => {
  const entries = listEnhancedEntries();
  it(`explains all ${entries.length} in every class they are used in, without a class, × ${LOCALES.length} locales × 3 formats, without a flaw`, () => {
    expect(entries).toHaveLength(81);
    const problems: string[] = [];
    for (const entry of entries) {
      const forms = [entry.code, ...entry.inClass.map((use) => `${use.class}${entry.code.slice(1)}`)];
      for (const code of forms) {
        for (const locale of LOCALES) {
          for (const format of FORMATS) {
            const rendered = renderExplanationFromInput({ protocol: 'smtp', code, locale, format });
            for (const problem of problemsIn(rendered)) problems.push(`${code} ${locale} ${format}: ${problem}`);
            if (locale === 'vi') expect(rendered.fallbacks, `${code} vi`).toEqual([]);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('puts the meaning in the asked class first, and says when a code is not in the registry', () => {
    const known = renderExplanation({ protocol: 'smtp', code: '4.2.2', format: 'text' }).output;
    expect(known.split('\n')[0]).toBe('SMTP 4.2.2 Mailbox full');
    expect(known.indexOf('As 4.2.2 (class 4)')).toBeLessThan(known.indexOf('In other classes'));
    const vendor = renderExplanation({ protocol: 'smtp', code: '5.7.606', format: 'markdown' }).output;
    expect(vendor).toContain('5.7.606 is not in the IANA registry');
    expect(vendor).toContain('Security or policy status');
    const nowhere = renderExplanation({ protocol: 'smtp', code: '4.9.1', locale: 'vi', format: 'text' }).output;
    expect(nowhere).toContain('Chủ đề 9 cũng không được RFC 3463 định nghĩa');
  });

  it('compares two, in either order, and refuses to mix them with reply codes', () => {
    const a = renderComparison({ protocol: 'smtp', codes: ['5.7.1', '5.1.1'], format: 'text' });
    const b = renderComparison({ protocol: 'smtp', codes: ['5.1.1', '5.7.1'], format: 'text' });
    expect(a.output).toBe(b.output);
    expect(a.title).toBe('SMTP 5.1.1 Bad destination mailbox address vs 5.7.1 Delivery not authorized, message refused');
    for (const locale of LOCALES) for (const format of FORMATS) expect(problemsIn(renderComparison({ protocol: 'smtp', codes: ['4.2.2', '5.2.2'], locale, format }))).toEqual([]);
    expect(renderComparison({ protocol: 'smtp', codes: ['4.2.2', '5.2.2'], format: 'text' }).output).toContain('4.2.2 is Transient negative completion, while 5.2.2 is Permanent negative completion');
    expect(() => renderComparison({ protocol: 'smtp', codes: [550, '5.7.1'] })).toThrow(MixedComparisonError);
  });
});

describe('renderReply', () => {
  const corpus = readFileSync(new URL('../../core/test/replies/lines.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);

  it(`explains every finding of the ${corpus.length}-line reply corpus × ${LOCALES.length} locales × 3 formats, without a flaw`, () => {
    const problems: string[] = [];
    for (const text of corpus) {
      const finding = explainReply(text);
      if (!finding) continue;
      for (const locale of LOCALES) {
        for (const format of FORMATS) {
          const rendered = renderReply(finding, { locale, format });
          for (const problem of problemsIn(rendered)) problems.push(`${locale} ${format} ${JSON.stringify(text.slice(0, 60))}: ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('quotes the wire text as sent, escaped for HTML, and links the code pages', () => {
    const finding = explainReply('550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command)')!;
    const text = renderReply(finding, { format: 'text' }).output;
    expect(text).toContain('> 550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown\n');
    expect(text).toContain('- Reason: the recipient\'s mailbox does not exist');
    expect(text).toContain('/en/smtp/550/');
    const html = renderReply(finding, { format: 'html', locale: 'vi', linkBase: 'https://protocodes.test' }).output;
    expect(html).toContain('550 5.1.1 &lt;bob@example.net&gt;: Recipient address rejected');
    expect(html).toContain('<a href="https://protocodes.test/vi/smtp/X.1.1/">5.1.1 Địa chỉ hộp thư người nhận không hợp lệ</a>');
    expect(renderReply(finding, { format: 'markdown', linkBase: false }).output).not.toContain('](');
  });
});
