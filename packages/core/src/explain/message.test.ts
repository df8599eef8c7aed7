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
      const has = (field: string) => field in findings[0]!;
      expect(got.map((f) => ({
        reply: f.reply ?? null,
        enhanced: f.enhanced ?? null,
        ...(f.command ? { command: f.command } : {}),
        ...(f.remoteHost && has('remoteHost') ? { remoteHost: f.remoteHost } : {}),
        ...(f.recipient && has('recipient') ? { recipient: f.recipient } : {}),
        ...(f.action && has('action') ? { action: f.action } : {}),
        reason: f.reason,
      }))).toEqual(findings);
    });
  }

  it('decodes quoted-printable and base64 parts, and leaves out the returned message', () => {
    const decoded = decodeMessage(readFileSync(new URL('exchange-online-qp-base64.eml', dir), 'utf8'));
    expect(decoded).toContain("Your message couldn't be delivered.");
    expect(decoded).toContain('<p>Delivery has failed to these recipients or groups:</p>');
    const postfix = decodeMessage(readFileSync(new URL('postfix-dsn.eml', dir), 'utf8'));
    expect(postfix).not.toContain('Price list');
  });

  it('gives each recipient of a DSN its own block\'s Remote-MTA, Final-Recipient and Action', () => {
    // No host in the human-readable part: each host can only come from its own block.
    const dsn = [
      'From: MAILER-DAEMON@mail.sender.example', 'To: alice@sender.example', 'Subject: Delivery Status Notification', 'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '',
      '--b1', 'Content-Type: text/plain', '', 'Delivery to these recipients failed:', '  x@one.example', '  y@two.example', '',
      '--b1', 'Content-Type: message/delivery-status', '',
      'Reporting-MTA: dns; mail.sender.example', '',
      'Final-Recipient: rfc822; x@one.example', 'Action: failed', 'Status: 5.7.1', 'Remote-MTA: dns; mx.one.example', 'Diagnostic-Code: smtp; 550 5.7.1 Message rejected', '',
      'Final-Recipient: rfc822;<y@two.example>', 'Action: Failed', 'Status: 5.7.1', 'Remote-MTA: dns; mx.two.example.', 'Diagnostic-Code: smtp; 550 5.7.1 Message rejected', '',
      'Original-Recipient: rfc822; z@three.example', 'Final-Recipient: RFC822; z@three.example', 'Action: delayed', 'Status: 4.4.1', 'Remote-MTA: dns; mx.three.example', '',
      '--b1--', '',
    ].join('\n');
    const got = explainMessage(dsn);
    expect(got.map((f) => [f.reply, f.enhanced, f.remoteHost, f.recipient, f.action, f.reason])).toEqual([
      [550, '5.7.1', 'mx.one.example', 'x@one.example', 'failed', 'policyviolation'],
      [550, '5.7.1', 'mx.two.example', 'y@two.example', 'failed', 'policyviolation'],
      // A recipient with a Status: and no reply is a finding of its own.
      [undefined, '4.4.1', 'mx.three.example', 'z@three.example', 'delayed', 'networkerror'],
    ]);
    // In the documented order, after remoteHost.
    expect(Object.keys(got[0]!)).toEqual(['reply', 'enhanced', 'remoteHost', 'recipient', 'action', 'text', 'reason', 'verdict', 'spans']);
    // Without any reply, each recipient's Status: is its finding.
    const statusOnly = dsn.replace(/^Diagnostic-Code:.*\n/gm, '').replace(/Status: 4\.4\.1/, 'Status: 5.4.1');
    expect(explainMessage(statusOnly).map((f) => [f.enhanced, f.remoteHost, f.recipient, f.action])).toEqual([
      ['5.7.1', 'mx.one.example', 'x@one.example', 'failed'],
      ['5.7.1', 'mx.two.example', 'y@two.example', 'failed'],
      ['5.4.1', 'mx.three.example', 'z@three.example', 'delayed'],
    ]);
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
