import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildSearchIndex, looksLikeReply, rankSearch, searchCodes, searchEntries } from './index.js';

interface JudgedQuery {
  query: string;
  locale: string;
  protocol?: string;
  expect: string[];
}

const judged = (parse(readFileSync(new URL('../test/search-queries.yaml', import.meta.url), 'utf8')) as { queries: JudgedQuery[] }).queries;

/** Whether a hit stands for an expected code: `5.7.1` is the entry X.7.1; `550` a basic code. */
function isExpected(hit: { kind: string; protocol: string; code: string }, expected: string, protocol: string | undefined): boolean {
  const enhanced = /^[245X]\.(\d{1,3}\.\d{1,3})$/.exec(expected);
  if (enhanced) return hit.kind === 'enhanced' && hit.code === `X.${enhanced[1]}`;
  return hit.kind === 'code' && hit.code === expected && (protocol === undefined || hit.protocol === protocol);
}

describe('the judged query set', () => {
  it('holds at least 60 queries in English and Vietnamese, with the required ones', () => {
    expect(judged.length).toBeGreaterThanOrEqual(60);
    expect(new Set(judged.map((q) => q.locale))).toEqual(new Set(['en', 'vi']));
    const required: [string, string[]][] = [
      ['relay access denied', ['554', '5.7.1']],
      ['mailbox full', ['552', '452', '5.2.2']],
      ['greylisting', ['450', '451']],
      ['too many recipients', ['452']],
      ['tls required', ['530']],
      ['moved permanently', ['301']],
      ['bad gateway', ['502']],
      ['hộp thư đầy', ['552']],
    ];
    for (const [query, codes] of required) expect(judged.find((q) => q.query === query)?.expect, query).toEqual(expect.arrayContaining(codes));
  });

  it('finds every expected code in the top 3 for at least 95 % of the queries', () => {
    const failures: string[] = [];
    for (const q of judged) {
      const { hits } = searchCodes({ query: q.query, locale: q.locale, limit: 3, ...(q.protocol ? { protocol: q.protocol } : {}) });
      const missing = q.expect.filter((code) => !hits.some((hit) => isExpected(hit, code, q.protocol)));
      if (missing.length > 0) failures.push(`${q.locale} "${q.query}": missing ${missing.join(', ')}; top 3: ${hits.map((h) => `${h.protocol} ${h.code}`).join(', ')}`);
    }
    const passed = judged.length - failures.length;
    console.log(`judged search: ${passed}/${judged.length} queries pass (${((100 * passed) / judged.length).toFixed(1)} %)${failures.length ? `\n  ${failures.join('\n  ')}` : ''}`);
    expect(passed / judged.length, failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('searchCodes', () => {
  it('matches any word, so a bounce text finds codes though no entry holds every word', () => {
    const { hits } = searchCodes({ query: 'relay access denied by the recipient server policy', limit: 5 });
    expect(hits.length).toBe(5);
  });

  it('ranks an exact code first, in every protocol that has it', () => {
    const { hits } = searchCodes({ query: '550' });
    expect(hits.slice(0, 2).map((h) => `${h.protocol} ${h.code}`).sort()).toEqual(['ftp 550', 'smtp 550']);
    expect(searchCodes({ query: '5.1.1' }).hits[0]).toMatchObject({ kind: 'enhanced', code: 'X.1.1', path: '/en/smtp/X.1.1/' });
    expect(searchCodes({ query: '404', locale: 'vi' }).hits[0]).toMatchObject({ protocol: 'http', code: '404', path: '/vi/http/404/' });
  });

  it('spans enhanced codes and provider rules, and a provider named in the query lifts its rules', () => {
    const kinds = new Set(searchCodes({ query: 'mailbox full quota', limit: 40 }).hits.map((h) => h.kind));
    expect(kinds).toEqual(new Set(['code', 'enhanced', 'provider']));
    expect(searchCodes({ query: 'gmail over quota' }).hits[0]).toMatchObject({ kind: 'provider', code: 'gmail-over-quota', path: '/en/smtp/providers/gmail-over-quota/' });
  });

  it('folds accents and case, and stems English words', () => {
    const withAccents = searchCodes({ query: 'hộp thư đầy', locale: 'vi' }).hits.map((h) => h.code);
    expect(searchCodes({ query: 'HỘP THƯ ĐẦY', locale: 'vi' }).hits.map((h) => h.code)).toEqual(withAccents);
    // Without accents `day` also stands for `đây` (here) and `dạy`; the mailbox codes still lead.
    expect(searchCodes({ query: 'hop thu day', locale: 'vi', limit: 3 }).hits.map((h) => h.code)).toContain('X.2.2');
    expect(searchCodes({ query: 'recipient refused' }).hits.map((h) => h.code)).toEqual(searchCodes({ query: 'recipients refusing' }).hits.map((h) => h.code));
  });

  it('says nothing for a query with no matching word, and ignores the words after the length cap', () => {
    expect(searchCodes({ query: 'zzqxw' }).hits).toEqual([]);
    expect(searchCodes({ query: `${'x'.repeat(200)} relay` }).hits).toEqual([]);
  });

  it('offers the explanation first when the query is a server reply, and not for an HTTP title', () => {
    const reply = searchCodes({ query: 'host mx.example.net[203.0.113.5] said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command)' });
    expect(reply.reply).toMatchObject({ reply: 550, enhanced: '5.1.1', command: 'RCPT TO', reason: 'userunknown' });
    expect(reply.hits.slice(0, 2).map((h) => h.code).sort()).toEqual(['550', 'X.1.1']);
    expect(searchCodes({ query: 'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full' }).reply).toMatchObject({ reply: 552, enhanced: '5.2.2' });
    expect(searchCodes({ query: '421 too many connections from your host' }).reply?.reply).toBe(421);
    for (const query of ['502 bad gateway', '503 Service Unavailable', 'mailbox full', '550', '5.7.1']) expect(searchCodes({ query }).reply, query).toBeUndefined();
    expect(searchCodes({ query: '550 5.1.1 user unknown', protocol: 'http' }).reply).toBeUndefined();
  });
});

describe('the browser ranks as the server does', () => {
  it('gives the same hits from an index rebuilt from the shipped entries', () => {
    for (const locale of ['en', 'vi']) {
      const shipped = JSON.parse(JSON.stringify(searchEntries(locale)));
      const index = buildSearchIndex(locale, shipped);
      for (const query of judged.filter((q) => q.locale === locale).map((q) => q.query)) {
        const browser = rankSearch(index, query, { limit: 8 }).map((r) => `${r.entry.protocol} ${r.entry.code}`);
        const server = searchCodes({ query, locale, limit: 8 }).hits.map((h) => `${h.protocol} ${h.code}`);
        expect(browser, query).toEqual(server);
      }
      expect(looksLikeReply('550 5.1.1 User unknown', index)).toBe(true);
    }
  });
});
