// Link lists shared by several pages: codes with their titles, and pairs.
import { findCode, getProtocol, listCuratedPairs, type ProtocolId } from '@protocodes/core';
import { describeCode, type CodeDescription } from '@protocodes/texts';
import { escapeHtml } from '../html.js';

const descriptions = new Map<string, CodeDescription>();

/** A code's localized facts and texts; pages ask for the same few many times, so each is built once. */
export function codeInfo(locale: string, protocol: ProtocolId, code: number): CodeDescription {
  const key = `${locale}:${protocol}:${code}`;
  let info = descriptions.get(key);
  if (!info) {
    info = describeCode({ protocol, code, locale });
    descriptions.set(key, info);
  }
  return info;
}

export function codeLink(locale: string, protocol: ProtocolId, code: number, withSummary = false): string {
  const info = codeInfo(locale, protocol, code);
  const summary = withSummary ? ` <span class="summary">${escapeHtml(info.texts.summary)}</span>` : '';
  return `<li><a href="/${locale}/${protocol}/${code}/"><span class="code c${String(code)[0]}">${code}</span> ${escapeHtml(info.texts.title)}</a>${summary}</li>`;
}

export function pairLink(locale: string, protocol: ProtocolId, a: number, b: number): string {
  const [low, high] = a < b ? [a, b] : [b, a];
  const name = getProtocol(protocol).name;
  const titleOf = (code: number) => escapeHtml(codeInfo(locale, protocol, code).texts.title);
  return `<li><a href="/${locale}/${protocol}/${low}-vs-${high}/"><span class="code c${String(low)[0]}">${name} ${low}</span> ${titleOf(low)} <span class="vs">/</span> <span class="code c${String(high)[0]}">${high}</span> ${titleOf(high)}</a></li>`;
}

/** Codes worth comparing with this one: its curated pairs first, then its related codes. */
export function relatedOf(protocol: ProtocolId, code: number): number[] {
  const entry = findCode(protocol, code)!;
  const paired = listCuratedPairs(protocol).flatMap(([a, b]) => (a === code ? [b] : b === code ? [a] : []));
  return [...new Set([...paired, ...entry.related])].filter((c) => findCode(protocol, c) !== undefined);
}
