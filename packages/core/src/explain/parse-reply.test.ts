import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainReply, parseReply, REPLY_REASONS } from '../index.js';
import { BASIC, ENHANCED, tokensIn } from './parse-reply.js';

const spanText = (text: string, part: string) => {
  const found = parseReply(text)[0]!.spans.find((s) => s.part === part);
  return found && text.slice(found.start, found.end);
};

describe('parseReply', () => {
  it('reads a Postfix bounce line: codes, command, host, reason, verdict and spans', () => {
    const text = 'host mx.example.net[203.0.113.5] said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command)';
    const [finding] = parseReply(text);
    expect(finding).toMatchObject({ reply: 550, enhanced: '5.1.1', command: 'RCPT TO', remoteHost: 'mx.example.net', reason: 'userunknown' });
    expect(finding!.verdict).toEqual({ outcome: 'permanent', side: 'sender', retry: 'after-fix' });
    expect(finding!.text).toBe('550 5.1.1 <a@example.net>: Recipient address rejected: User unknown');
    expect(spanText(text, 'reply')).toBe('550');
    expect(spanText(text, 'enhanced')).toBe('5.1.1');
    expect(spanText(text, 'command')).toBe('RCPT TO');
    expect(spanText(text, 'host')).toBe('mx.example.net');
  });

  it('joins a multi-line reply into one finding', () => {
    const text = '550-5.7.26 This mail is unauthenticated, which poses a security risk to the\n550-5.7.26 sender and Gmail users, and has been blocked.\n550 5.7.26 Please check your SPF and DKIM records. a1si2 - gsmtp';
    const findings = parseReply(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ reply: 550, enhanced: '5.7.26', reason: 'authfailure' });
  });

  it('joins a code that a log wrapped onto the next line', () => {
    const text = 'host mx.example.net[203.0.113.5] said: 553\n    5.1.8 <b@sender.example>: Sender address rejected: Domain not found (in\n    reply to MAIL FROM command)';
    expect(explainReply(text)).toMatchObject({ reply: 553, enhanced: '5.1.8', command: 'MAIL FROM', reason: 'rejected' });
  });

  it('takes the remote cause over the local wrapper', () => {
    const finding = explainReply('554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>');
    expect(finding).toMatchObject({ reply: 421, enhanced: '4.4.2', reason: 'networkerror' });
    // The quoted reply gives no reason of its own: the wrapper's words do, and its code stays the cause.
    expect(explainReply('550 5.7.350 Remote server returned message detected as spam -> 550 5.7.1 Message rejected')).toMatchObject({ reply: 550, enhanced: '5.7.1', reason: 'spamdetected' });
    expect(explainReply('550 5.7.1 Message rejected')?.reason).toBe('policyviolation');
    // The log around a reply is no wrapper: "quota" in a host name says nothing of the refusal.
    const logged = 'postfix/smtp[1]: A1: to=<a@example.net>, relay=mx.quota.example[192.0.2.1]:25, dsn=5.7.1, status=bounced (host mx.quota.example[192.0.2.1] said: 550 5.7.1 Message rejected (in reply to end of DATA command))';
    expect(explainReply(logged)).toMatchObject({ reply: 550, enhanced: '5.7.1', reason: 'policyviolation' });
    expect(finding!.verdict.outcome).toBe('temporary');
  });

  it('is not fooled by addresses, ports, sizes, queue ids and exit statuses', () => {
    expect(parseReply('connect from mail.example.org[192.0.2.250]:25 queue 4XyZ12AbC size=10485760')).toEqual([]);
    expect(explainReply('Command died with status 255: "/usr/bin/procmail". Command output: mailer error 255')?.reply).toBeUndefined();
    expect(explainReply('lost connection with mx.example.net[203.0.113.250] (state 14) while sending RCPT TO')?.reply).toBeUndefined();
    expect(explainReply('Sorry, no mailbox here by that name. (#5.1.1)')).toMatchObject({ enhanced: '5.1.1', reason: 'userunknown' });
  });

  it('reads Exchange, DSN and transcript shapes', () => {
    expect(explainReply('#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##')).toMatchObject({ reply: 550, enhanced: '5.1.1', reason: 'userunknown' });
    expect(explainReply('Diagnostic-Code: smtp; 552 5.2.2 Mailbox full')).toMatchObject({ reply: 552, enhanced: '5.2.2', reason: 'mailboxfull' });
    expect(explainReply('>>> RCPT TO:<c@example.org>\n<<< 550 5.7.1 Relay access denied')).toMatchObject({ reply: 550, command: 'RCPT TO', reason: 'norelaying' });
  });

  it('reads the code after an ERROR_CODE : prefix, in any case', () => {
    expect(explainReply('ERROR_CODE :550 5.1.1 user unknown')).toMatchObject({ reply: 550, enhanced: '5.1.1', reason: 'userunknown' });
    expect(explainReply('ERROR_CODE :550 User unknown')).toMatchObject({ reply: 550, reason: 'userunknown', text: '550 User unknown' });
    expect(explainReply('error_code :552 mailbox full')).toMatchObject({ reply: 552, reason: 'mailboxfull' });
    expect(explainReply('Error_Code\t:571 Delivery not authorized')).toMatchObject({ reply: 571 });
    expect(spanText('ERROR_CODE :550 User unknown', 'reply')).toBe('550');
    // Only that word: other words before a colon still do not lead a code.
    expect(parseReply('MY_ERROR_CODE :550 x; port:550 y')).toEqual([]);
  });

  it('gives an X.7.x reply without recognised words a policy reason, not the 550 default', () => {
    const reason = (text: string) => explainReply(text)?.reason;
    expect(reason('550 5.7.1 blocked')).toBe('blocked');
    expect(reason('550 5.7.1 Message rejected')).toBe('policyviolation');
    expect(reason('550 5.7.1 Command rejected')).toBe('policyviolation');
    expect(reason('550 5.7.0 Go away')).toBe('policyviolation');
    expect(reason('550 5.7.650 Something unusual')).toBe('policyviolation');
    expect(reason('550 Administrative prohibition')).toBe('policyviolation');
    expect(reason('553 Sending prohibited')).toBe('policyviolation');
    // A basic code that names the failure more exactly keeps its reason, and words still win.
    expect(reason('421 4.7.0 Service not available, closing transmission channel')).toBe('systemerror');
    expect(reason('454 4.7.0 TLS not available due to local problem')).toBe('securityerror');
    expect(reason('550 5.7.1 <a@example.net>: Recipient address rejected: User unknown')).toBe('userunknown');
    expect(reason('550 5.1.1 Message rejected')).toBe('userunknown');
  });

  it('shares one frozen verdict between findings that have the same outcome and reason', () => {
    const [a, b] = parseReply('said: 550 5.1.1 User unknown\nsaid: 550 5.1.1 No such user here');
    expect(a!.verdict).toBe(b!.verdict);
    expect(Object.isFrozen(a!.verdict)).toBe(true);
    expect(a!.verdict).toEqual({ outcome: 'permanent', side: 'sender', retry: 'after-fix' });
  });

  it('writes an enhanced code with leading zeros as the registry does', () => {
    expect(parseReply('said: 550 5.1.01 User unknown')[0]?.enhanced).toBe('5.1.1');
    expect(parseReply('said: 451 4.7.650 Try later')[0]?.enhanced).toBe('4.7.650');
  });

  it('gives one finding per reply in a log, and success is delivered', () => {
    const log = ['Dec  1 08:00:00 mx postfix/smtp[123]: 4XyZ12AbC: to=<a@x.example>, relay=mx.x.example[198.51.100.1]:25, status=sent (250 2.0.0 OK 1700000000 x1si123 - gsmtp)',
      'Dec  1 08:00:01 mx postfix/smtp[124]: 5AbC: to=<b@y.example>, status=bounced (host mx.y.example[198.51.100.2] said: 552 5.2.2 Over quota (in reply to RCPT TO command))'].join('\n');
    const findings = parseReply(log);
    expect(findings.map((f) => [f.reply, f.reason])).toEqual([[250, 'delivered'], [552, 'mailboxfull']]);
    expect(findings[0]!.verdict).toEqual({ outcome: 'success', side: 'nobody', retry: 'no' });
  });

  it('only ever answers with a documented reason', () => {
    for (const text of ['', '???', '999 9.9.9', '421 Service not available', '550']) {
      for (const f of parseReply(text)) expect(REPLY_REASONS).toContain(f.reason);
    }
  });
});

// Hang guards only: each case must finish, however slowly a shared machine runs it.
describe('parseReply on hostile text', () => {
  it('reads 1 MB of digits', () => {
    expect(Array.isArray(parseReply('5'.repeat(1 << 20)))).toBe(true);
  }, 30_000);
  it('reads 100,000 nested brackets, and a code within the first 64 KiB of a line', () => {
    expect(parseReply('<'.repeat(100_000) + '550 5.1.1 no such user' + '>'.repeat(100_000))).toEqual([]);
    expect(explainReply('<'.repeat(30_000) + '550 5.1.1 no such user' + '>'.repeat(30_000))?.reply).toBe(550);
  }, 30_000);
  it('reads one line of 10 million characters', () => {
    const text = 'said: 550 5.7.1 ' + 'a 1.2.3.4 550- '.repeat(700_000);
    expect(parseReply(text).length).toBe(1);
  }, 30_000);
  it('reads 200,000 lines that each open a multi-line reply', () => {
    expect(parseReply('550-5.1.1 x\n'.repeat(200_000)).length).toBe(1);
  }, 30_000);
});

describe('the hand-written code scanner', () => {
  const byRegex = (text: string) => ({
    basic: [...text.matchAll(BASIC)].map((m) => [m.index!, m[1]]),
    enhanced: [...text.matchAll(ENHANCED)].map((m) => [m.index!, `${m[1]}.${m[2]}.${Number(m[3])}`]),
  });
  const byHand = (text: string) => {
    const { basic, enhanced } = tokensIn(text);
    return { basic: basic.map((t) => [t.start, t.code]), enhanced: enhanced.map((t) => [t.start, t.code]) };
  };

  it('finds exactly what the BASIC and ENHANCED expressions find, on the corpus and on random text', () => {
    const corpus = readFileSync(new URL('../../test/replies/lines.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
    for (const text of corpus) expect(byHand(text), text).toEqual(byRegex(text));
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['2', '4', '5', '0', '1', '7', '.', ' ', '-', '=', ',', '"', ':', '(', ')', '[', 'a', 'x', '_', '/', 'dsn=', 'reply=', '[Message=', '": ', '\n', 'ERROR_CODE', 'error_code', 'Error_Code', '\t'];
    for (const text of ['ERROR_CODE :550 x', 'error_code:552', 'ERROR_CODE \t :550', 'XERROR_CODE :550', 'ERROR_CODES :550', 'ERROR_CODE ;550', 'ERROR_CODE : 550', 'ERROR-CODE :550']) {
      expect(byHand(text), text).toEqual(byRegex(text));
    }
    for (let round = 0; round < 5000; round++) {
      const text = Array.from({ length: 12 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(byHand(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});
