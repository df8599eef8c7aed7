// Accept-Language (RFC 9110 §12.5.4), parsed once for every app: bounded work whatever a client
// sends, q-values honoured, and anything malformed dropped rather than guessed at.
import { canonicalLocale, impliedScript, negotiateLocale } from './locale.js';

/** Only this much of the header is read; real browsers send well under 200 characters. */
export const MAX_ACCEPT_LANGUAGE_LENGTH = 512;
/** At most this many ranges are considered. */
export const MAX_LANGUAGE_RANGES = 16;

const LANGUAGE_RANGE = /^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/;
const QUALITY = /^q=(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

export interface LanguageRange {
  range: string;
  q: number;
}

/** The ranges of an Accept-Language header, best first; entries with q=0, a bad q or a bad range are dropped. */
export function parseAcceptLanguage(header: string | null | undefined): LanguageRange[] {
  if (!header) return [];
  const ranges: (LanguageRange & { index: number })[] = [];
  const parts = header.slice(0, MAX_ACCEPT_LANGUAGE_LENGTH).split(',', MAX_LANGUAGE_RANGES + 1).slice(0, MAX_LANGUAGE_RANGES);
  parts.forEach((part, index) => {
    const [rawRange = '', ...params] = part.split(';');
    const range = rawRange.trim();
    if (!LANGUAGE_RANGE.test(range)) return;
    let q = 1;
    for (const param of params) {
      const value = param.trim();
      if (/^q=/i.test(value)) {
        if (!QUALITY.test(value)) return;
        q = Number(value.slice(2));
      }
    }
    if (q > 0) ranges.push({ range, q, index });
  });
  return ranges.sort((a, b) => b.q - a.q || a.index - b.index).map(({ range, q }) => ({ range, q }));
}

/**
 * The canonical tag of the best range that one of `available` serves (`vi-VN;q=0.9` → `vi-VN`),
 * or undefined when none does. `*` and ranges that are not BCP 47 never match.
 */
export function bestAcceptedLanguage(header: string | null | undefined, available: readonly string[]): string | undefined {
  // A browser set to Traditional Chinese sends `zh-TW, zh;q=0.9`: its bare `zh` means Traditional too.
  const scripts = new Map<string, string>();
  for (const { range } of parseAcceptLanguage(header)) {
    if (range === '*') continue;
    let tag: string;
    try {
      tag = canonicalLocale(range);
    } catch {
      continue;
    }
    const script = impliedScript(tag);
    if (script && !scripts.has(tag.split('-')[0]!)) scripts.set(tag.split('-')[0]!, script);
    const asScript = !tag.includes('-') && scripts.has(tag) ? `${tag}-${scripts.get(tag)}` : tag;
    if (!negotiateLocale(asScript, available).fellBack) return tag;
  }
  return undefined;
}
