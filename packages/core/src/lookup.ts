// Protocol-independent lookups over one protocol's data. The protocol modules and the root entry
// wrap these with precise types.
import { NotLoadedError, UnknownCodeError } from './errors.js';
import type { CodeEntry, CodeFilter, DigitDefinition, ProtocolData } from './model.js';

const CODE_TEXT = /^\s*([1-9][0-9]{2})\s*$/;

/** The code as a number when `input` is written like one (`554`, `"554"`), else undefined. */
export function parseCodeInput(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isInteger(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const match = CODE_TEXT.exec(input);
  return match ? Number(match[1]) : undefined;
}

export function findCodeIn(data: ProtocolData, input: unknown): CodeEntry | undefined {
  const code = parseCodeInput(input);
  if (code === undefined) return undefined;
  const entry = data.codes[code];
  if (entry === undefined && data.notLoaded?.codes.has(code)) throw new NotLoadedError(data.protocol.id, [String(code)]);
  return entry;
}

/** Every entry of a protocol; data held on demand must have loaded them all first. */
function allEntries(data: ProtocolData): CodeEntry[] {
  if (data.notLoaded?.codes.size) throw new NotLoadedError(data.protocol.id, [], true);
  return Object.values(data.codes);
}

export function hasCodeIn(data: ProtocolData, input: unknown): boolean {
  return typeof input === 'number' && (data.codes[input] !== undefined || data.notLoaded?.codes.has(input) === true);
}

/** Whether a code is defined by one of `origins`: its own origin, or a vendor that gives it a meaning too. */
function fromOrigin(entry: CodeEntry, origins: readonly string[]): boolean {
  return origins.includes(entry.origin) || (entry.vendorMeanings ?? []).some((vendor) => origins.includes(vendor.origin));
}

export function listCodesIn(data: ProtocolData, filter: CodeFilter = {}): CodeEntry[] {
  const origins = filter.origin === undefined ? undefined : typeof filter.origin === 'string' ? [filter.origin] : filter.origin;
  return allEntries(data)
    .filter(
      (entry) =>
        (filter.class === undefined || entry.class === filter.class) &&
        (filter.category === undefined || entry.category === filter.category) &&
        (filter.phase === undefined || (entry.phases ?? []).includes(filter.phase)) &&
        (filter.retry === undefined || entry.retry === filter.retry) &&
        (filter.actor === undefined || (entry.actors ?? []).includes(filter.actor)) &&
        (origins === undefined || fromOrigin(entry, origins)),
    )
    .sort((a, b) => a.code - b.code);
}

/** The origins a protocol's codes come from (`iana`, `nginx`, …), vendors' meanings included. */
export function originsIn(data: ProtocolData): string[] {
  const origins = new Set<string>();
  for (const entry of allEntries(data)) {
    origins.add(entry.origin);
    for (const vendor of entry.vendorMeanings ?? []) origins.add(vendor.origin);
  }
  return [...origins].sort();
}

function differingDigits(a: string, b: string): number {
  if (a.length !== b.length) return Math.abs(a.length - b.length) + 3;
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
  return count;
}

/**
 * Existing codes near what was typed: those differing in one digit (`557` → 556, 555, 554),
 * then a prefix (`55` → 550…), nearest in value first.
 */
export function suggestCodesIn(data: ProtocolData, input: string | number, count = 3): number[] {
  const typed = String(input).trim();
  if (!/^\d{1,4}$/.test(typed)) return [];
  const codes = [...Object.values(data.codes).map((entry) => entry.code), ...(data.notLoaded?.codes ?? [])];
  const value = Number(typed.padEnd(3, '0'));
  const scored = codes
    .map((code) => {
      const text = String(code);
      const distance = typed.length < 3 && text.startsWith(typed) ? 1 : differingDigits(typed, text);
      return { code, distance };
    })
    .filter(({ distance }) => distance <= 1)
    .sort((x, y) => x.distance - y.distance || Math.abs(x.code - value) - Math.abs(y.code - value) || x.code - y.code);
  return scored.slice(0, count).map(({ code }) => code);
}

export function classDefinitionIn(data: ProtocolData, code: number): DigitDefinition | undefined {
  const digit = Math.floor(code / 100);
  return data.protocol.classes.find((c) => c.digit === digit);
}

export function categoryDefinitionIn(data: ProtocolData, code: number): DigitDefinition | undefined {
  const digit = Math.floor(code / 10) % 10;
  return data.protocol.categories?.find((c) => c.digit === digit);
}

/** The entry for untrusted input, or UnknownCodeError naming the nearest codes. */
export function requireCodeIn(data: ProtocolData, input: unknown): CodeEntry {
  const entry = findCodeIn(data, input);
  if (!entry) throw new UnknownCodeError(data.protocol.id, String(input), suggestCodesIn(data, String(input)));
  return entry;
}
