// BCP 47 negotiation over the locales the build compiled: `vi-VN` → `vi` → `en`.
import { ProtocodesError } from '@protocodes/core';

export class InvalidLocaleError extends ProtocodesError {
  override name = 'InvalidLocaleError';
  constructor(readonly tag: string) {
    super(`"${tag.length > 40 ? `${tag.slice(0, 40)}…` : tag}" is not a valid BCP 47 language tag (examples: en, vi, pt-BR)`);
  }
}

export interface NegotiatedLocale {
  /** The available locale chosen. */
  readonly locale: string;
  /** The canonical form of the requested tag. */
  readonly requested: string;
  /** True when the chosen locale is not the requested language (the default was used). */
  readonly fellBack: boolean;
}

export const DEFAULT_LOCALE = 'en';

const ALREADY_CANONICAL = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;
/** Longer tags are refused before any parsing: no language needs more. */
export const MAX_TAG_LENGTH = 64;

/**
 * Canonicalizes a tag to its language, script and region (`EN-us-u-ca-x` → `en-US`), throwing
 * InvalidLocaleError for anything that is not BCP 47. Extensions, variants and private-use
 * subtags do not choose a text, so they are dropped: that also keeps the result canonical when
 * it is canonicalized again, which ICU's own output is not (`vi-x-yes` → `vi-x`, which it refuses).
 */
export function canonicalLocale(tag: string): string {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > MAX_TAG_LENGTH) throw new InvalidLocaleError(String(tag));
  // Already canonical (`vi`, `pt-BR`, `zh-Hant-TW`): skip Intl, whose first use loads ICU data.
  if (ALREADY_CANONICAL.test(tag)) return tag;
  try {
    const { language, script, region } = new Intl.Locale(tag);
    return Intl.getCanonicalLocales([language, script, region].filter(Boolean).join('-'))[0]!;
  } catch {
    throw new InvalidLocaleError(tag);
  }
}

/**
 * Picks the best available locale for a tag by BCP 47 lookup: strip subtags from the right
 * until one is available (`zh-Hant-TW` → `zh-Hant` → `zh`), else the default.
 */
export function negotiateLocale(tag: string, available: readonly string[]): NegotiatedLocale {
  const key = `${tag}\0${available.join()}`;
  const cached = negotiated.get(key);
  if (cached) return cached;
  const result = lookup(tag, available);
  // Tags come from users (headers, flags); keep the cache small rather than let it grow.
  if (negotiated.size >= 256) negotiated.clear();
  negotiated.set(key, result);
  return result;
}

const negotiated = new Map<string, NegotiatedLocale>();

function lookup(tag: string, available: readonly string[]): NegotiatedLocale {
  const requested = canonicalLocale(tag);
  const subtags = requested.split('-');
  for (let n = subtags.length; n > 0; n--) {
    const candidate = subtags.slice(0, n).join('-');
    const match = available.find((locale) => locale.toLowerCase() === candidate.toLowerCase());
    if (match) return { locale: match, requested, fellBack: false };
  }
  return { locale: DEFAULT_LOCALE, requested, fellBack: subtags[0]!.toLowerCase() !== DEFAULT_LOCALE };
}
