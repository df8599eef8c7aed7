// Core's API without any data of its own: it reads what the program holds (store.ts). The
// root entry holds every protocol before this runs; `@protocodes/core/on-demand` holds parts.
import { UnknownCodeError, UnknownProtocolError } from './errors.js';
import { locales } from './generated/locales.js';
import { catalogueVersion, protocolIds } from './generated/version.js';
import { compareIn, type CodeComparison } from './compare.js';
import { categoryDefinitionIn, classDefinitionIn, findCodeIn, hasCodeIn, listCodesIn, originsIn, requireCodeIn, suggestCodesIn } from './lookup.js';
import type { CodeEntry, CodeFilter, DigitDefinition, ProtocolData } from './model.js';
import type { Protocols } from './generated/registry.js';
import { heldProtocol } from './store.js';

export * from './errors.js';
export type * from './model.js';
export { parseCodeInput } from './lookup.js';
export { catalogueVersion, locales };
export type { CodeComparison, FactContrast } from './compare.js';
export { factValues, outcomeOf } from './compare.js';
export { parseEnhancedCode, isEnhancedCode, findEnhancedEntry, enhancedTitle, describeEnhancedCode, listEnhancedEntries, compareEnhancedCodes } from './enhanced.js';
export type { EnhancedId, EnhancedEntry, EnhancedClass, EnhancedCodeParts, EnhancedCodeInfo, EnhancedComparison } from './enhanced.js';

/** The locales the catalogue has messages for, e.g. `'en' | 'vi'`. */
export type LocaleId = keyof typeof locales;

export type ProtocolId = keyof Protocols;
/** The codes of a protocol as a literal union: `ReplyCode<'smtp'>` is `211 | 214 | … | 556`. */
export type ReplyCode<P extends ProtocolId> = keyof Protocols[P]['codes'];
export type CodeEntryOf<P extends ProtocolId, C extends ReplyCode<P>> = Protocols[P]['codes'][C];

export const protocolList: readonly ProtocolId[] = protocolIds;

export function isProtocolId(value: unknown): value is ProtocolId {
  return typeof value === 'string' && (protocolIds as readonly string[]).includes(value);
}

function dataFor(protocol: string): ProtocolData {
  if (!isProtocolId(protocol)) throw new UnknownProtocolError(protocol, protocolList);
  return heldProtocol(protocol);
}

/** The protocol's definition: name, references, classes, categories and session phases. */
export function getProtocol<P extends ProtocolId>(protocol: P): Protocols[P]['protocol'] {
  return dataFor(protocol).protocol as Protocols[P]['protocol'];
}

/**
 * One code, precisely typed: `getCode('smtp', 554).class` is `5`, and `getCode('smtp', 999)`
 * does not compile. At run time an unknown code throws UnknownCodeError (with suggestions);
 * use findCode for untrusted input.
 */
export function getCode<P extends ProtocolId, C extends ReplyCode<P>>(protocol: P, code: C): CodeEntryOf<P, C> {
  const data = dataFor(protocol);
  const entry = findCodeIn(data, code);
  if (!entry || typeof code !== 'number') {
    throw new UnknownCodeError(protocol, String(code), suggestCodesIn(data, String(code)));
  }
  return entry as CodeEntryOf<P, C>;
}

/** The entry for untrusted input (`"554"` or `554`), or UnknownCodeError with the nearest codes. */
export function requireCode(protocol: string, code: unknown): CodeEntry {
  return requireCodeIn(dataFor(protocol), code);
}

/** A code's title for a link to it; on demand, also for a code whose texts are not loaded. */
export function codeTitle(protocol: string, code: number): string | undefined {
  const data = dataFor(protocol);
  return data.codes[code]?.title ?? data.notLoaded?.titles[code];
}

/** The entry for untrusted input (`"554"` or `554`), or undefined. Throws only for an unknown protocol. */
export function findCode(protocol: string, code: unknown): CodeEntry | undefined {
  return findCodeIn(dataFor(protocol), code);
}

export function isReplyCode<P extends ProtocolId>(protocol: P, value: unknown): value is ReplyCode<P> {
  return hasCodeIn(dataFor(protocol), value);
}

/** The protocol's codes in ascending order, optionally filtered by class, category, phase, retry or actor. */
export function listCodes(protocol: ProtocolId, filter?: CodeFilter): CodeEntry[] {
  return listCodesIn(dataFor(protocol), filter);
}

/** Who defines the protocol's codes: `iana` or `rfc`, and vendors such as `nginx`. */
export function listOrigins(protocol: ProtocolId): string[] {
  return originsIn(dataFor(protocol));
}

/** Existing codes near a mistyped one, closest first. */
export function suggestCodes(protocol: ProtocolId, input: string | number, count?: number): number[] {
  return suggestCodesIn(dataFor(protocol), input, count);
}

/** The class (first digit) a code belongs to, as defined by its protocol. */
export function classOf(protocol: ProtocolId, code: number): DigitDefinition | undefined {
  return classDefinitionIn(dataFor(protocol), code);
}

/** The category (second digit) a code belongs to, as defined by its protocol. */
export function categoryOf(protocol: ProtocolId, code: number): DigitDefinition | undefined {
  return categoryDefinitionIn(dataFor(protocol), code);
}

/**
 * Locale-free facts about two codes of a protocol: classes, retry semantics, the phases where
 * each occurs and their overlap, who acts, and the hand-written note for the pair if there is
 * one. Order does not matter: the result is in canonical order (smaller code first).
 */
export function compareCodes(protocol: string, a: number | string, b: number | string): CodeComparison {
  return compareIn(dataFor(protocol), a, b);
}

/** The pairs of a protocol's codes that have a hand-written note, smaller code first, in ascending order. */
export function listCuratedPairs(protocol: ProtocolId): [number, number][] {
  return Object.keys(dataFor(protocol).pairs)
    .map((id) => id.split('-').map(Number) as [number, number])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
