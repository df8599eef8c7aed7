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
      for (const code of entry.enhancedCodes) {
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
  });
});

describe('the vendored reference lists', () => {
  it.runIf(existsSync(sharedReference))('are identical to ../shared/reference (when it is beside the checkout)', () => {
    for (const name of readdirSync(sharedReference)) {
      expect(readFileSync(join(referenceDir, name), 'utf8'), name).toBe(readFileSync(join(sharedReference, name), 'utf8'));
    }
  });

});
