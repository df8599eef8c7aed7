// The IANA/RFC lists in test/reference are oracles: the catalogue must agree with them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './load.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const referenceDir = join(packageRoot, 'test', 'reference');
const sharedReference = join(packageRoot, '..', '..', '..', 'shared', 'reference');

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(join(referenceDir, name), 'utf8');
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') rows.at(-1)!.push(field), (field = '');
    else if (c === '\n') rows.at(-1)!.push(field), (field = ''), rows.push([]);
    else if (c !== '\r') field += c;
  }
  if (field || rows.at(-1)!.length) rows.at(-1)!.push(field);
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const catalogue = loadCatalogue(join(packageRoot, '..', '..', 'catalogue'));
const smtp = catalogue.protocols.find((p) => p.id === 'smtp')!;
const entries = new Map(smtp.codes.map(({ value }) => [value.code, value]));
const replyCodes = readCsv('smtp-reply-codes.csv');
const enhancedCodes = new Set(readCsv('smtp-enhanced-status-codes.csv').map((r) => r.Code));

describe('SMTP reply codes against smtp-reply-codes.csv', () => {
  it('reads the whole reference lists', () => {
    expect(replyCodes).toHaveLength(38);
    expect(enhancedCodes.size).toBe(81);
  });

  it('has an entry for every code in the list, and none that is not in it', () => {
    expect([...entries.keys()].sort()).toEqual(replyCodes.map((r) => Number(r.code)).sort());
  });

  it.each(replyCodes)('$code: class, reply text and defining reference agree', (row) => {
    const entry = entries.get(Number(row.code));
    expect(entry, `catalogue/protocols/smtp/codes/${row.code}.yaml`).toBeDefined();
    expect(entry!.class).toBe(Number(row.code![0]));
    expect(entry!.category).toBe(Number(row.code![1]));
    expect(entry!.replyText).toBe(row.reply_text);
    // The list writes `RFC 5321 4.2.3`, or just `RFC 1985`; entries write `RFC 5321 §4.2.3`.
    const [, rfc, section] = /^(RFC \d+)(?: ([\d.]+))?$/.exec(row.source!)!;
    if (section) expect(entry!.references[0]).toBe(`${rfc} §${section}`);
    else expect(entry!.references[0]).toMatch(new RegExp(`^${rfc}( §|$)`));
  });

  it('only names enhanced status codes that the IANA registry lists', () => {
    for (const entry of entries.values()) {
      for (const code of entry.enhancedCodes ?? []) {
        expect(enhancedCodes, `${entry.code} lists ${code}`).toContain(`X${code.slice(1)}`);
      }
    }
  });

  it('keeps the alternate wire texts the reference notes name', () => {
    const texts = (code: number) => (entries.get(code)!.alternateReplyTexts ?? []).map((a) => a.text);
    expect(texts(220)).toContain('Ready to start TLS');
    expect(texts(554)).toEqual(expect.arrayContaining(['No SMTP service here', 'Command refused due to lack of security']));
    expect(texts(530)).toContain('Must issue a STARTTLS command first');
    expect(texts(454)).toContain('TLS not available due to temporary reason');
    expect(texts(450)).toContain('ATRN request refused');
    expect(texts(451)).toContain('Unable to process ATRN request now');
    expect(texts(500)).toContain('Line too long');
    expect(texts(501)).toContain('Path too long');
    expect(texts(552)).toContain('Too much mail data');
    expect(texts(553)).toContain('User ambiguous');
    expect(texts(235)).toContain('Authentication successful');
  });

  it('marks as deprecated what the list calls deprecated', () => {
    for (const row of replyCodes) {
      const status = entries.get(Number(row.code))!.status;
      if (/deprecated/i.test(row.note ?? '')) expect(status, row.code).toBe('deprecated');
      else expect(status, row.code).toBe('registered');
    }
  });
});

// Each of these was checked against the RFC named beside it (issue #9, item 2).
describe('SMTP facts checked against the RFCs', () => {
  const entry = (code: number) => entries.get(code)!;
  const alternates = (code: number) => (entry(code).alternateReplyTexts ?? []).map((a) => `${a.text} (${a.reference})`);

  it('538 is deprecated: 504 with 5.5.4 replaced it (RFC 4954 §1, §4, §6)', () => {
    expect(entry(538).status).toBe('deprecated');
  });
  it('432 is not cured by waiting: the user must log in once with PLAIN (RFC 4954 §6)', () => {
    expect(entry(432).retry).toBe('after-change');
  });
  it('455 does not carry X.5.4, which is permanent-only (RFC 3463 §3.6)', () => {
    expect(entry(455).enhancedCodes).toEqual(['4.3.3']);
  });
  it('551 travels with 5.1.1 or 5.7.1, not 5.1.6 "no forwarding address" (RFC 3463 §3.2)', () => {
    expect(entry(551).enhancedCodes).toEqual(['5.1.1', '5.7.1']);
  });
  it('554 answers every command but QUIT after a failed TLS negotiation (RFC 3207 §4.1)', () => {
    expect(entry(554).phases).toEqual(expect.arrayContaining(['greeting', 'ehlo', 'auth', 'mail', 'rcpt', 'data', 'end-of-data', 'other']));
    expect(entry(554).phases).not.toContain('quit');
  });
  it('503 answers every command after a 554 greeting (RFC 5321 §3.1)', () => {
    expect(entry(503).phases).toContain('other');
  });
  it('458 is not the reply to a malformed ETRN argument, which gets 501 (RFC 1985 §5.1)', () => {
    const texts = [entry(458).summary, entry(458).description, entry(458).whenYouSeeIt].join(' ');
    expect(texts).not.toMatch(/argument is\s+malformed/);
    expect(texts).toMatch(/malformed argument gets 501/);
  });
  it('521 cites RFC 1846 §4.1, the source of its wire text, and may answer RCPT TO (RFC 1846 §3)', () => {
    expect(entry(521).references).toEqual(expect.arrayContaining(['RFC 7504', 'RFC 1846 §4.1', 'RFC 1846 §3']));
    expect(entry(521).phases).toContain('rcpt');
  });
  it('ETRN replies write the node as <x> and cite RFC 1985 §5.1', () => {
    for (const code of [253, 458, 459]) {
      expect(entry(code).replyText).toContain('<x>');
      expect(entry(code).references[0]).toBe('RFC 1985 §5.1');
    }
    for (const code of [250, 251, 252]) {
      const etrn = alternates(code).filter((text) => text.includes('node'));
      expect(etrn.length, String(code)).toBe(1);
      expect(etrn[0]).toMatch(/<x>.*\(RFC 1985 §5\.1\)$/);
    }
  });
  it('ODMR replies cite RFC 2645 §7, and 250 also §5.2.1 for ATRN', () => {
    expect(entry(453).references[0]).toBe('RFC 2645 §7');
    expect(entry(250).references).toEqual(expect.arrayContaining(['RFC 2645 §7', 'RFC 2645 §5.2.1']));
  });
  it('552 to RCPT TO for too many recipients is treated as temporary (RFC 5321 §4.5.3.1.10)', () => {
    expect(entry(552).retry).toBe('after-change');
    expect(entry(552).retryWhen).toEqual([expect.objectContaining({ retry: 'later', phase: 'rcpt', reference: 'RFC 5321 §4.5.3.1.10' })]);
  });
  it('only 221, 421 and 521 close the connection', () => {
    const closing = [...entries.values()].filter((e) => e.connection === 'closed').map((e) => e.code);
    expect(closing.sort()).toEqual([221, 421, 521]);
  });
  it('pair notes agree with the codes they compare', () => {
    const note = (id: string) => smtp.pairs.find(({ value }) => `${value.codes[0]}-${value.codes[1]}` === id)!.value.note;
    expect(note('521-556')).not.toMatch(/only as (its|their) greeting/);
    expect(note('454-535')).not.toMatch(/try again later/i);
  });
});

describe('the vendored reference lists', () => {
  it.runIf(existsSync(sharedReference))('are identical to ../shared/reference (when it is beside the checkout)', () => {
    for (const name of readdirSync(sharedReference)) {
      expect(readFileSync(join(referenceDir, name), 'utf8'), name).toBe(readFileSync(join(sharedReference, name), 'utf8'));
    }
  });

});

/** `RFC 9110 15.4.9` → `RFC 9110 §15.4.9`; undefined for a source that is not an RFC (a draft). */
function referenceOf(source: string): string | undefined {
  const match = /^(RFC \d+)(?: ([\d.]+))?/.exec(source);
  return match ? (match[2] ? `${match[1]} §${match[2]}` : match[1]) : undefined;
}

describe('HTTP status codes against http-status-codes.csv and http-vendor-status-codes.csv', () => {
  const http = catalogue.protocols.find((p) => p.id === 'http')!;
  const byCode = new Map(http.codes.map(({ value }) => [value.code, value]));
  const registry = readCsv('http-status-codes.csv');
  const vendors = readCsv('http-vendor-status-codes.csv');
  /** The vendor list names vendors in words; the catalogue writes them as ids. */
  const VENDOR_IDS: [RegExp, string][] = [
    [/^nginx/, 'nginx'],
    [/^Cloudflare/, 'cloudflare'],
    [/^AWS Elastic Load Balancing/, 'aws-elb'],
    [/^Microsoft IIS/, 'microsoft-iis'],
    [/^Laravel/, 'laravel'],
    [/^Twitter/, 'twitter'],
    [/^Apache/, 'apache'],
    [/proxies/, 'proxies'],
    [/^RFC 2324/, 'rfc'],
  ];

  it('reads the whole lists', () => {
    expect(registry).toHaveLength(64);
    expect(vendors).toHaveLength(25);
  });

  it('has every registry and vendor code, and no other: 88 distinct codes', () => {
    const expected = [...new Set([...registry, ...vendors].map((r) => Number(r.code)))].sort((a, b) => a - b);
    expect(expected).toHaveLength(88);
    expect([...byCode.keys()].sort((a, b) => a - b)).toEqual(expected);
  });

  it.each(registry)('$code: name, status, class, defining reference and former names agree with the registry', (row) => {
    const entry = byCode.get(Number(row.code))!;
    expect(entry.replyText).toBe(row.reason_phrase);
    expect(entry.status).toBe(row.status);
    expect(entry.origin).toBe('iana');
    expect(entry.class).toBe(Number(row.code![0]));
    const reference = referenceOf(row.source!);
    // A source without a section (`RFC 8297`) is matched by any section of that RFC.
    if (reference?.includes('§')) expect(entry.references[0]).toBe(reference);
    else if (reference) expect(entry.references[0]).toMatch(new RegExp(`^${reference}( §|$)`));
    const former = (row.former_names ?? '')
      .split(';')
      .map((name) => name.replace(/\s*\(.*\)\s*$/, '').trim())
      .filter((name) => name && !/^(deprecated|temporary registration|extension registered|expires)/.test(name));
    expect(entry.formerNames ?? [], row.code).toEqual(former);
  });

  it.each(vendors)('$code: the vendor code names its vendor and its reason phrase', (row) => {
    const entry = byCode.get(Number(row.code))!;
    const vendor = VENDOR_IDS.find(([pattern]) => pattern.test(row.origin!))?.[1];
    expect(vendor, row.origin).toBeDefined();
    const origins = [entry.origin, ...(entry.vendorMeanings ?? []).map((v) => v.origin)];
    expect(origins).toContain(vendor);
    const names = [entry.replyText, ...(entry.formerNames ?? []), ...(entry.vendorMeanings ?? []).map((v) => v.name)];
    expect(names.some((name) => name.startsWith(row.reason_phrase!.replace(/ \(.*\)$/, ''))), `${row.code} ${row.reason_phrase}`).toBe(true);
    if (!registry.some((r) => r.code === row.code)) expect(entry.status).toBe('unregistered');
  });

  it('gives 420 both of its vendor meanings', () => {
    expect(byCode.get(420)!.vendorMeanings?.map((v) => [v.origin, v.name])).toEqual([
      ['twitter', 'Enhance Your Calm'],
      ['spring', 'Method Failure'],
    ]);
  });
});

describe('FTP reply codes against ftp-reply-codes.csv', () => {
  const ftp = catalogue.protocols.find((p) => p.id === 'ftp')!;
  const byCode = new Map(ftp.codes.map(({ value }) => [value.code, value]));
  const list = readCsv('ftp-reply-codes.csv');

  it('has every code of the list, and no other', () => {
    expect(list).toHaveLength(58);
    expect([...byCode.keys()].sort((a, b) => a - b)).toEqual(list.map((r) => Number(r.code)).sort((a, b) => a - b));
  });

  it.each(list)('$code: reply text, class, category and defining reference agree', (row) => {
    const entry = byCode.get(Number(row.code))!;
    expect(entry.replyText).toBe(row.reply_text);
    expect(entry.class).toBe(Number(row.code![0]));
    expect(entry.category).toBe(Number(row.code![1]));
    const reference = referenceOf(row.source!)!;
    // The list cites RFC 959 4.2 for every code; an entry may cite the subsection (4.2.2) instead.
    const escaped = reference.replace(/\./g, '\\.');
    expect(entry.references[0]).toMatch(new RegExp(reference.includes('§') ? `^${escaped}(\\.\\d+)*$` : `^${escaped}( §|$)`));
  });
});

describe('HTTP names against peers: Node\'s http.STATUS_CODES and the statuses package', () => {
  const http = catalogue.protocols.find((p) => p.id === 'http')!;
  /** Where RFC 9110 renamed a code and the peers keep the older name. */
  const RENAMED_BY_RFC_9110: Record<number, { rfc: string; older: string }> = {
    413: { rfc: 'RFC 9110 §15.5.14', older: 'Payload Too Large' },
    422: { rfc: 'RFC 9110 §15.5.21', older: 'Unprocessable Entity' },
  };

  it('agree on every registered code, except where RFC 9110 renamed it', async () => {
    const statuses = (await import('statuses')).default;
    const { STATUS_CODES } = await import('node:http');
    const registered = http.codes.map(({ value }) => value).filter((entry) => entry.origin === 'iana' && entry.status === 'registered');
    expect(registered.length).toBeGreaterThan(55);
    for (const entry of registered) {
      const renamed = RENAMED_BY_RFC_9110[entry.code];
      const expected = renamed ? renamed.older : entry.replyText;
      expect(STATUS_CODES[entry.code], `${entry.code} in node:http`).toBe(expected);
      expect(statuses.message[entry.code], `${entry.code} in statuses`).toBe(expected);
      if (renamed) {
        expect(entry.references[0]).toBe(renamed.rfc);
        expect(entry.formerNames).toContain(renamed.older);
      }
    }
  });
});

describe('SMTP enhanced status codes against smtp-enhanced-status-codes.csv', () => {
  const rows = readCsv('smtp-enhanced-status-codes.csv');
  const entries = new Map(smtp.enhanced.map(({ value }) => [value.code, value]));
  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

  it('has an entry for every registered code, and none that is not registered', () => {
    expect([...entries.keys()].sort()).toEqual(rows.map((r) => r.Code!).sort());
  });

  it.each(rows)('$Code: sample text, basic codes, references and status agree', (row) => {
    const entry = entries.get(row.Code!);
    expect(entry, `catalogue/protocols/smtp/enhanced/${row.Code}.yaml`).toBeDefined();
    expect(entry!.sampleText).toBe(collapse(row['Sample Text']!));
    // "451, 550" lists codes; "Not given", "Any", "5XX" and prose list none.
    const listed = /^[\d\s,]+(?:or\s+\d+)?\s*(?:\(.*)?$/.test(row['Associated basic status code']!)
      ? [...row['Associated basic status code']!.replace(/\(.*$/s, '').matchAll(/\b[245]\d\d\b/g)].map((m) => Number(m[0])).sort()
      : [];
    expect(entry!.basicCodes).toEqual(listed);
    for (const [, rfc] of row.Reference!.matchAll(/\[RFC(\d+)\]/g)) {
      expect(entry!.references.some((r) => r === `RFC ${rfc}` || r.startsWith(`RFC ${rfc} §`)), `cites RFC ${rfc}`).toBe(true);
    }
    expect(entry!.status).toBe(/deprecated/i.test(row.Description!) ? 'deprecated' : 'registered');
  });

  it('defines each subject X.0 to X.7 in protocol.yaml, and every code uses a defined subject', () => {
    expect(smtp.protocol.value.subjects?.map((s) => s.digit)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
