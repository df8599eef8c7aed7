import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMessage, explainMessage, looksLikeMessage } from '../index.js';

const dir = new URL('../../test/replies/bounces/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, Record<string, unknown>[]>;

describe('whole bounce messages', () => {
  it('has at least 10 messages, each with its expected findings', () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
  });

  for (const [file, findings] of Object.entries(expected)) {
    it(`${file}: one finding per reply, the copies merged`, () => {
      const text = readFileSync(new URL(file, dir), 'utf8');
      expect(looksLikeMessage(text)).toBe(true);
      const got = explainMessage(text);
      expect(got.map((f) => ({ reply: f.reply ?? null, enhanced: f.enhanced ?? null, ...(f.command ? { command: f.command } : {}), ...(f.remoteHost && 'remoteHost' in findings[0]! ? { remoteHost: f.remoteHost } : {}), reason: f.reason }))).toEqual(findings);
    });
  }

  it('decodes quoted-printable and base64 parts, and leaves out the returned message', () => {
    const decoded = decodeMessage(readFileSync(new URL('exchange-online-qp-base64.eml', dir), 'utf8'));
    expect(decoded).toContain("Your message couldn't be delivered.");
    expect(decoded).toContain('<p>Delivery has failed to these recipients or groups:</p>');
    const postfix = decodeMessage(readFileSync(new URL('postfix-dsn.eml', dir), 'utf8'));
    expect(postfix).not.toContain('Price list');
  });

  it('does not take a log line for a message', () => {
    expect(looksLikeMessage('Dec  1 08:00:01 mx postfix/smtp[1]: said: 550 5.1.1 x')).toBe(false);
  });
});

describe('decoding', () => {
  it('decodes UTF-8 in quoted-printable and base64, and marks broken bytes', () => {
    const qp = 'From: a@x.example\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nH=E1=BB=99p th=C6=B0 =C4=91=E1=BA=A7y =FF\n';
    expect(decodeMessage(qp)).toContain('Hộp thư đầy \ufffd');
    const b64 = 'From: a@x.example\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nNTUwIDUuMS4xIEjhu5lwIHRoxrAga2jDtG5nIHThu5NuIHThuqFp\n';
    expect(decodeMessage(b64)).toContain('550 5.1.1 Hộp thư không tồn tại');
  });
});
