// What the client asked for: language (query, then Accept-Language with q-values, then English)
// and representation (`format`).
import { availableLocales, canonicalLocale, negotiateLocale } from '@protocodes/texts';
import { echo, ProblemError } from './problems.js';

export type ResponseFormat = 'json' | 'text' | 'markdown' | 'html';
export const RESPONSE_FORMATS: readonly ResponseFormat[] = ['json', 'text', 'markdown', 'html'];

export const CONTENT_TYPES: Record<ResponseFormat, string> = {
  json: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

const LANGUAGE_RANGE = /^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/;

/** Accept-Language ranges, best first; malformed entries are skipped, as browsers send odd ones. */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { range: range.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ range, q }) => LANGUAGE_RANGE.test(range) && range !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ range }) => range);
}

/** The tag to render with: `?lang=` if given (400 if malformed), else the best Accept-Language match. */
export function chooseLanguage(lang: string | undefined, acceptLanguage: string | undefined): string {
  if (lang !== undefined) {
    try {
      return canonicalLocale(lang);
    } catch {
      throw new ProblemError('invalid-language', `lang=${echo(lang)} is not a BCP 47 language tag; use one such as en, vi or pt-BR`, { allowed: availableLocales });
    }
  }
  const ranges = parseAcceptLanguage(acceptLanguage);
  for (const range of ranges) {
    try {
      if (!negotiateLocale(range, availableLocales).fellBack) return canonicalLocale(range);
    } catch {
      // A range that is well-formed for HTTP but not for BCP 47: skip it like a malformed one.
    }
  }
  try {
    return ranges[0] ? canonicalLocale(ranges[0]) : 'en';
  } catch {
    return 'en';
  }
}

export function chooseFormat(format: string | undefined): ResponseFormat {
  if (format === undefined) return 'json';
  if ((RESPONSE_FORMATS as readonly string[]).includes(format)) return format as ResponseFormat;
  throw new ProblemError('invalid-query', `format=${echo(format)} is not a format`, { allowed: RESPONSE_FORMATS });
}
