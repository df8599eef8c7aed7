// What the client asked for: language (query, then Accept-Language with q-values, then English)
// and representation (`format`).
import { availableLocales, bestAcceptedLanguage, canonicalLocale, DEFAULT_LOCALE, negotiateLocale } from '@protocodes/texts';
import { echo, ProblemError } from './problems.js';

export type ResponseFormat = 'json' | 'text' | 'markdown' | 'html';
export const RESPONSE_FORMATS: readonly ResponseFormat[] = ['json', 'text', 'markdown', 'html'];

export const CONTENT_TYPES: Record<ResponseFormat, string> = {
  json: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * The language to render in, normalized so that a cache key has few possible values: the
 * available locale that `?lang=` (400 if malformed) or else Accept-Language (malformed entries
 * ignored) negotiates to, or, when none matches, the requested language's primary subtag (the
 * whole tag where that subtag alone would match, as `zh-TW`), so that the text can still say
 * which language it fell back from.
 */
export function chooseLanguage(lang: string | undefined, acceptLanguage: string | undefined): string {
  if (lang !== undefined) {
    let tag: string;
    try {
      tag = canonicalLocale(lang);
    } catch {
      throw new ProblemError('invalid-language', `lang=${echo(lang)} is not a BCP 47 language tag; use one such as en, vi or pt-BR`, { allowed: availableLocales });
    }
    const negotiated = negotiateLocale(tag, availableLocales);
    if (!negotiated.fellBack) return negotiated.locale;
    // `zh-TW` falls back, but `zh` alone would be served as zh-CN: keep the whole tag then.
    const language = tag.split('-')[0]!;
    return negotiateLocale(language, availableLocales).fellBack ? language : tag;
  }
  const accepted = bestAcceptedLanguage(acceptLanguage, availableLocales);
  return accepted === undefined ? DEFAULT_LOCALE : negotiateLocale(accepted, availableLocales).locale;
}

export function chooseFormat(format: string | undefined): ResponseFormat {
  if (format === undefined) return 'json';
  if ((RESPONSE_FORMATS as readonly string[]).includes(format)) return format as ResponseFormat;
  throw new ProblemError('invalid-query', `format=${echo(format)} is not a format`, { allowed: RESPONSE_FORMATS });
}
