import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  catalogueVersion,
  categoryOf,
  classOf,
  findCode,
  getCode,
  getProtocol,
  isReplyCode,
  listCodes,
  suggestCodes,
  UnknownCodeError,
  UnknownProtocolError,
  type ReplyCode,
} from './index.js';
import { getSmtpCode, isSmtpReplyCode, listSmtpCodes, smtpCodes, type SmtpReplyCode } from './generated/entries/smtp.js';
import { getHttpCode, listHttpCodes, type HttpReplyCode } from './generated/entries/http.js';
import { getFtpCode } from './generated/entries/ftp.js';

describe('HTTP and FTP', () => {
  it('type HTTP codes as literals, and refuse a code HTTP does not have', () => {
    const entry = getCode('http', 308);
    expectTypeOf(entry.code).toEqualTypeOf<308>();
    expectTypeOf(entry.redirect).toEqualTypeOf<'permanent-keeps-method'>();
    expect(entry.replyText).toBe('Permanent Redirect');
    expect(getHttpCode(301).redirect).toBe('permanent-may-change-method');
    expectTypeOf<999>().not.toExtend<HttpReplyCode>();
    // @ts-expect-error 999 is not an HTTP status code
    expect(() => getCode('http', 999)).toThrow(UnknownCodeError);
    expect(getFtpCode(425).channel).toBe('data');
  });

  it('filter HTTP codes by origin, vendor meanings included', () => {
    const nginx = listCodes('http', { origin: 'nginx' }).map((e) => e.code);
    expect(nginx).toEqual([444, 494, 495, 496, 497, 499]);
    const ianaAndNginx = listHttpCodes({ origin: ['iana', 'nginx'] });
    expect(ianaAndNginx.length).toBe(64 + nginx.length);
    expect(listCodes('http', { origin: 'spring' }).map((e) => e.code)).toEqual([420]);
  });
});

describe('getCode', () => {
  it('returns the entry with its facts', () => {
    const entry = getCode('smtp', 554);
    expect(entry.code).toBe(554);
    expect(entry.replyText).toBe('Transaction failed');
    expect(entry.class).toBe(5);
    expect(entry.retry).toBe('after-change');
    expect(entry.references[0]).toBe('RFC 5321 §4.2.3');
  });

  it('is typed precisely for a literal code', () => {
    const entry = getCode('smtp', 554);
    expectTypeOf(entry.code).toEqualTypeOf<554>();
    expectTypeOf(entry.class).toEqualTypeOf<5>();
    expectTypeOf(entry.replyText).toEqualTypeOf<'Transaction failed'>();
    expectTypeOf(getSmtpCode(235).retry).toEqualTypeOf<'not-needed'>();
    expectTypeOf<ReplyCode<'smtp'>>().toEqualTypeOf<SmtpReplyCode>();
    expectTypeOf<554>().toExtend<SmtpReplyCode>();
    expectTypeOf<999>().not.toExtend<SmtpReplyCode>();
    // @ts-expect-error 999 is not an SMTP reply code
    expect(() => getCode('smtp', 999)).toThrow(UnknownCodeError);
    // @ts-expect-error 'gopher' is not a protocol
    expect(() => getCode('gopher', 200)).toThrow(UnknownProtocolError);
  });

  it('throws a typed error with suggestions for an unknown code at run time', () => {
    const input = 557 as SmtpReplyCode;
    try {
      getCode('smtp', input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownCodeError);
      expect((error as UnknownCodeError).suggestions).toEqual([556, 555, 554]);
      expect((error as Error).message).toBe('smtp has no code "557"; did you mean 556, 555, 554?');
    }
  });
});

describe('findCode and isReplyCode for untrusted input', () => {
  it('accepts numbers and numeric strings, and returns undefined otherwise', () => {
    expect(findCode('smtp', '554')?.code).toBe(554);
    expect(findCode('smtp', ' 250 ')?.code).toBe(250);
    for (const input of ['abc', '5540', '999', 9999, 55.4, null, undefined, {}, '']) {
      expect(findCode('smtp', input), String(input)).toBeUndefined();
    }
    expect(() => findCode('foo', 1)).toThrow('unknown protocol "foo"; known protocols: ftp, http, smtp');
  });

  it('narrows a number to a reply code', () => {
    const n: number = 250;
    if (isReplyCode('smtp', n)) expectTypeOf(n).toEqualTypeOf<SmtpReplyCode>();
    expect(isReplyCode('smtp', 250)).toBe(true);
    expect(isReplyCode('smtp', '250')).toBe(false);
    expect(isReplyCode('smtp', 260)).toBe(false);
    expect(isSmtpReplyCode(421)).toBe(true);
  });
});

describe('listCodes', () => {
  it('lists every code in ascending order', () => {
    const codes = listCodes('smtp').map((e) => e.code);
    expect(codes).toHaveLength(Object.keys(smtpCodes).length);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
  });

  it('filters by class, phase, retry and actor', () => {
    const transient = listCodes('smtp', { class: 4 });
    expect(transient.length).toBeGreaterThan(0);
    expect(transient.every((e) => e.class === 4)).toBe(true);
    // 432 is a 4xx that waiting does not cure (RFC 4954 §6); every other 4xx is retried later.
    expect(transient.filter((e) => e.retry !== 'later').map((e) => e.code)).toEqual([432]);
    const atRcpt = listSmtpCodes({ class: 5, phase: 'rcpt' }).map((e) => e.code);
    expect(atRcpt).toContain(550);
    expect(atRcpt).not.toContain(535);
    expect(listCodes('smtp', { retry: 'never' }).map((e) => e.code)).toEqual([521, 556]);
    expect(listCodes('smtp', { class: 9 })).toEqual([]);
  });
});

describe('suggestions and class helpers', () => {
  it('suggests existing codes near a typo, closest first', () => {
    expect(suggestCodes('smtp', '55')).toEqual([550, 551, 552]);
    expect(suggestCodes('smtp', 'abc')).toEqual([]);
    expect(suggestCodes('smtp', 9999)).toEqual([]);
  });

  it('names the class and category of a code from the protocol definition', () => {
    expect(classOf('smtp', 451)?.name).toBe('Transient negative completion');
    expect(categoryOf('smtp', 421)?.name).toBe('Connections');
    expect(classOf('smtp', 199)).toBeUndefined();
    expect(getProtocol('smtp').phases.map((p) => p.id)).toContain('end-of-data');
  });

  it('exposes a stable catalogue version for caches', () => {
    expect(catalogueVersion).toMatch(/^[0-9a-f]{16}$/);
  });
});
