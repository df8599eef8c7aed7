import { listCodes, protocolList } from '@protocodes/core';
import { describe, expect, it } from 'vitest';
import { visibleHtml } from '../test/visible-text.js';
import { readFileSync } from 'node:fs';
import { explainReply, listEnhancedEntries } from '@protocodes/core';
import { FORMATS, InvalidFormatError, InvalidLocaleError, MixedComparisonError, renderComparison, renderExplanation, renderReply, type Format, type RenderedText } from './index.js';

// Within a line: a heading that ends with the word the next paragraph starts with is not a doubled word.
const DOUBLED_WORD = /(?<![\p{L}\p{N}])(\p{L}+)[^\S\n]+\1(?![\p{L}\p{N}])/giu;
const LOCALES = ['en', 'vi'] as const;
const codes = listCodes('smtp').map((e) => e.code);
const pairs = codes.flatMap((a, i) => codes.slice(i + 1).map((b) => [a, b] as const));
const pairsOf = (protocol: (typeof protocolList)[number]) => {
  const all = listCodes(protocol).map((e) => e.code);
  return all.flatMap((a, i) => all.slice(i + 1).map((b) => [a, b] as const));
};

/** The reader-visible text of an output: tags removed and entities decoded for HTML. */
function visibleText(output: string, format: Format): string {
  // Separate elements with a mark that is not white space, so a table's "Retry | retry" is not a doubled word.
  return format === 'html' ? visibleHtml(output, ' ¦ ') : output;
}

/** Problems that no rendered text may have, whatever the format. */
function problemsIn(rendered: RenderedText): string[] {
  const { output, format } = rendered;
  const problems: string[] = [];
  const text = visibleText(output, format);
  for (const match of text.matchAll(DOUBLED_WORD)) problems.push(`doubled word "${match[0]}"`);
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

describe('every comparison of every pair', () => {
  for (const protocol of protocolList) {
    it(`renders every ${protocol} pair × ${LOCALES.length} locales × ${FORMATS.length} formats without a flaw`, () => {
      const all = pairsOf(protocol);
      expect(all.length).toBe({ smtp: 703, http: 3828, ftp: 1653 }[protocol]);
      const flaws: string[] = [];
      for (const locale of LOCALES) {
        for (const format of FORMATS) {
          for (const [a, b] of all) {
            const rendered = renderComparison({ protocol, codes: [a, b], locale, format });
            if (rendered.fallbacks.length > 0) flaws.push(`${a} vs ${b} ${locale} ${format}: falls back for ${rendered.fallbacks.map((f) => f.part).join(', ')}`);
            for (const problem of problemsIn(rendered)) flaws.push(`${a} vs ${b} ${locale} ${format}: ${problem}`);
          }
        }
      }
      expect(flaws).toEqual([]);
    });
  }

  it('explains every code of every protocol in every locale and format without a flaw', () => {
    const flaws: string[] = [];
    for (const protocol of protocolList) {
      for (const locale of LOCALES) {
        for (const format of FORMATS) {
          for (const { code } of listCodes(protocol)) {
            const rendered = renderExplanation({ protocol, code, locale, format });
            expect(rendered.fallbacks).toEqual([]);
            for (const problem of problemsIn(rendered)) flaws.push(`${protocol} ${code} ${locale} ${format}: ${problem}`);
          }
        }
      }
    }
    expect(flaws).toEqual([]);
  });
});

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
    expect(() => renderComparison({ protocol: 'smtp', codes: [235, 999] })).toThrow('smtp has no code "999"');
    expect(() => renderComparison({ protocol: 'gopher', codes: [235, 554] })).toThrow('unknown protocol "gopher"');
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
    const rendered = renderExplanation({ protocol: 'smtp', code: 554, locale: 'fr-CA' });
    expect(rendered.locale).toBe('en');
    expect(rendered.fallbacks).toEqual([{ part: 'locale', locale: 'fr-CA' }]);
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
  it('join exactly as Intl.ListFormat does for each locale', async () => {
    const { joinList } = await import('./views.js');
    const { locales } = await import('./generated/locale-info.js');
    for (const { id, list } of locales) {
      const format = new Intl.ListFormat(id, { type: 'conjunction', style: 'long' });
      for (const items of [['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd', 'e']]) {
        expect(joinList(items, list), `${id} ${items.length}`).toBe(format.format(items));
      }
    }
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
  it(`explains all ${entries.length} in every class they are used in, without a class, × 2 locales × 3 formats, without a flaw`, () => {
    expect(entries).toHaveLength(81);
    const problems: string[] = [];
    for (const entry of entries) {
      const forms = [entry.code, ...entry.inClass.map((use) => `${use.class}${entry.code.slice(1)}`)];
      for (const code of forms) {
        for (const locale of LOCALES) {
          for (const format of FORMATS) {
            const rendered = renderExplanation({ protocol: 'smtp', code, locale, format });
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

  it(`explains every finding of the ${corpus.length}-line reply corpus × 2 locales × 3 formats, without a flaw`, () => {
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
    expect(text).toContain('- Reason: userunknown: the recipient\'s mailbox does not exist');
    expect(text).toContain('/en/smtp/550/');
    const html = renderReply(finding, { format: 'html', locale: 'vi', linkBase: 'https://protocodes.test' }).output;
    expect(html).toContain('550 5.1.1 &lt;bob@example.net&gt;: Recipient address rejected');
    expect(html).toContain('<a href="https://protocodes.test/vi/smtp/X.1.1/">5.1.1 Địa chỉ hộp thư người nhận không hợp lệ</a>');
    expect(renderReply(finding, { format: 'markdown', linkBase: false }).output).not.toContain('](');
  });
});
