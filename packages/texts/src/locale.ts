// BCP 47 negotiation over the locales the build compiled: `vi-VN` → `vi` → `en`.
import { ProtocodesError } from '@protocodes/core/runtime';

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
 * Picks the best available locale for a tag. First BCP 47 lookup: strip subtags from the right
 * until one is available (`de-AT` → `de`, `es-419` → `es`, `ar-EG` → `ar`). Then, when none is,
 * the likely subtags decide (`Intl.Locale#maximize`): an available locale of the same language
 * and script serves it, its region preferred (`pt` → `pt-BR`, `zh` and `zh-Hans` → `zh-CN`).
 * A different script never does: `zh-TW` and `zh-Hant` get the default, marked as a fallback,
 * never Simplified Chinese.
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

/** Languages written in more than one script, where dropping a subtag may change the script. */
const MULTI_SCRIPT = new Set(['zh', 'sr', 'uz', 'az', 'bs', 'pa', 'mn', 'ks', 'sd', 'ha', 'ff', 'shi', 'vai']);

const likely = new Map<string, Intl.Locale>();

/** The tag with its likely script and region (`zh-TW` → `zh-Hant-TW`); Intl loads ICU data on first use. */
function maximized(tag: string): Intl.Locale {
  let locale = likely.get(tag);
  if (!locale) {
    locale = new Intl.Locale(tag).maximize();
    if (likely.size < 256) likely.set(tag, locale);
  }
  return locale;
}

/**
 * For a language written in several scripts, the script a tag with a region or script implies
 * (`zh-TW` → `Hant`); undefined for a bare language or a language with one script.
 */
export function impliedScript(tag: string): string | undefined {
  const subtags = tag.split('-');
  if (subtags.length < 2 || !MULTI_SCRIPT.has(subtags[0]!.toLowerCase())) return undefined;
  try {
    return maximized(tag).script;
  } catch {
    // A tag our canonicalization accepts but Intl does not: it implies nothing.
    return undefined;
  }
}

function lookup(tag: string, available: readonly string[]): NegotiatedLocale {
  const requested = canonicalLocale(tag);
  const subtags = requested.split('-');
  const language = subtags[0]!.toLowerCase();
  for (let n = subtags.length; n > 0; n--) {
    const candidate = subtags.slice(0, n).join('-');
    const match = available.find((locale) => locale.toLowerCase() === candidate.toLowerCase());
    if (!match) continue;
    // `zh-Hant-TW` → `zh` would hand Simplified to a Traditional reader: check the script first.
    if (n < subtags.length && MULTI_SCRIPT.has(language) && maximized(match).script !== maximized(requested).script) continue;
    return { locale: match, requested, fellBack: false };
  }
  const sameLanguage = available.filter((locale) => locale.split('-')[0]!.toLowerCase() === language);
  if (sameLanguage.length > 0) {
    const wanted = maximized(requested);
    const sameScript = sameLanguage.filter((locale) => maximized(locale).script === wanted.script);
    const match = sameScript.find((locale) => maximized(locale).region === wanted.region) ?? sameScript[0];
    if (match) return { locale: match, requested, fellBack: false };
  }
  return { locale: DEFAULT_LOCALE, requested, fellBack: language !== DEFAULT_LOCALE };
}
