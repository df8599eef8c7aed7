// Search over every protocol's codes, SMTP's enhanced status codes and the provider rules, in one
// language, accents folded (`khac phuc` finds `khắc phục`). Any word may match; the ranking is
// search-core's, the same one the web site runs in the browser on the entries searchEntries gives.
import { explainReply, findEnhancedEntry, listCodes, listEnhancedEntries, listProviders, protocolList, type ReplyFinding } from '@protocodes/core';
import type { Fallback } from './model.js';
import { resolveRequest } from './render.js';
import { buildSearchIndex, looksLikeReply, rankSearch, type SearchEntry, type SearchField, type SearchIndex } from './search-core.js';

export interface SearchHit extends Omit<SearchEntry, 'fields'> {
  /** The page on the web site, with its locale: `/en/smtp/554/`. */
  path: string;
  score: number;
  /** Which fields matched, best first. */
  matched: SearchField[];
}

export interface SearchResult {
  query: string;
  locale: string;
  requestedLocale: string;
  fallbacks: Fallback[];
  /** Present when the query reads as a mail server's reply: what the explain feature makes of it. */
  reply?: ReplyFinding;
  hits: SearchHit[];
}

export interface SearchRequest {
  query: string;
  locale?: string;
  /** Limit the search to one protocol; all protocols by default. */
  protocol?: string;
  /** At most this many hits (default 20). */
  limit?: number;
}

export const MAX_QUERY_LENGTH = 200;

const entryLists = new Map<string, SearchEntry[]>();

/** Everything search can find in one locale, in the form the web site ships to browsers. */
export function searchEntries(locale: string): readonly SearchEntry[] {
  let entries = entryLists.get(locale);
  if (!entries) {
    entries = buildEntries(locale);
    entryLists.set(locale, entries);
  }
  return entries;
}

function buildEntries(locale: string): SearchEntry[] {
  const entries: SearchEntry[] = [];
  const smtp = resolveRequest('smtp', { locale, format: 'text' }).tools.translations('smtp');
  // A basic code is also known by the meanings of the enhanced codes it usually carries: 452 by
  // "Mailbox full" (4.2.2) as well as by its own "insufficient system storage".
  const enhancedTitle = (code: string) => {
    const entry = findEnhancedEntry(code);
    return entry ? (smtp?.enhancedTexts?.[entry.code]?.title ?? entry.title) : '';
  };
  for (const protocol of protocolList) {
    const own = resolveRequest(protocol, { locale, format: 'text' }).tools.translations(protocol)?.codeTexts;
    for (const entry of listCodes(protocol)) {
      const texts = own?.[entry.code] ?? entry;
      entries.push({
        kind: 'code',
        protocol,
        code: String(entry.code),
        title: texts.title,
        summary: texts.summary,
        path: `${protocol}/${entry.code}/`,
        fields: [
          ['code', String(entry.code)],
          ['title', [texts.title, ...(entry.formerNames ?? [])].join(' ')],
          ['replyText', [entry.replyText, ...(entry.alternateReplyTexts ?? []).map((a) => a.text)].join(' ')],
          ['seenAs', seenTexts(entry)],
          ['codes', (entry.enhancedCodes ?? []).map((code) => `${code} ${enhancedTitle(code)}`).join(' ')],
          ['summary', texts.summary],
          ['body', [texts.description, texts.whenYouSeeIt, texts.howToFix.sender, texts.howToFix.operator, texts.whenToSend].join(' ')],
        ],
      });
    }
  }
  for (const entry of listEnhancedEntries()) {
    const texts = smtp?.enhancedTexts?.[entry.code] ?? entry;
    const classes = entry.inClass.map((c) => entry.code.replace('X', String(c.class)));
    entries.push({
      kind: 'enhanced',
      protocol: 'smtp',
      code: entry.code,
      title: texts.title,
      summary: texts.summary,
      path: `smtp/${entry.code}/`,
      fields: [
        ['code', [entry.code, ...classes].join(' ')],
        ['title', texts.title],
        ['replyText', entry.sampleText],
        ['seenAs', seenTexts(entry)],
        ['codes', entry.basicCodes.join(' ')],
        ['summary', texts.summary],
        ['body', [texts.description, ...texts.inClass.map((c) => c.meaning), texts.whenYouSeeIt, texts.howToFix.sender, texts.howToFix.operator].join(' ')],
      ],
    });
  }
  for (const provider of listProviders()) {
    for (const rule of provider.rules) {
      const texts = smtp?.providerTexts?.[rule.id] ?? rule;
      entries.push({
        kind: 'provider',
        protocol: 'smtp',
        code: rule.id,
        title: `${provider.name}: ${texts.title}`,
        summary: texts.meaning,
        path: `smtp/providers/${rule.id}/`,
        fields: [
          ['title', `${provider.name} ${texts.title}`],
          ['replyText', rule.match.join(' ')],
          ['summary', texts.meaning],
          ['body', texts.fix],
        ],
      });
    }
  }
  return entries;
}

function seenTexts(entry: object): string {
  const seen = 'seenAs' in entry ? (entry.seenAs as readonly { text: string }[] | undefined) : undefined;
  return (seen ?? []).map((s) => s.text).join(' ');
}

const indexes = new Map<string, SearchIndex>();

function index(locale: string): SearchIndex {
  let built = indexes.get(locale);
  if (!built) {
    built = buildSearchIndex(locale, searchEntries(locale));
    indexes.set(locale, built);
  }
  return built;
}

/** Ranked codes, enhanced codes and provider rules whose number or texts match words of the query. */
export function searchCodes(request: SearchRequest): SearchResult {
  const protocol = request.protocol === undefined ? undefined : resolveRequest(request.protocol, {}).protocol;
  const s = resolveRequest(protocol ?? 'smtp', { locale: request.locale ?? 'en', format: 'text' });
  const query = request.query.slice(0, MAX_QUERY_LENGTH);
  const searchIndex = index(s.locale);
  const ranked = rankSearch(searchIndex, query, { ...(protocol ? { protocol } : {}), limit: request.limit ?? 20 });
  const hits = ranked.map(({ entry, score, matched }): SearchHit => ({
    kind: entry.kind,
    protocol: entry.protocol,
    code: entry.code,
    title: entry.title,
    summary: entry.summary,
    path: `/${s.locale}/${entry.path}`,
    score: Math.round(score * 1000) / 1000,
    matched,
  }));
  const reply = (protocol === undefined || protocol === 'smtp') && looksLikeReply(query, searchIndex) ? explainReply(query) : undefined;
  const found = reply && (reply.reply !== undefined || reply.enhanced !== undefined) ? reply : undefined;
  return { query, locale: s.locale, requestedLocale: s.requestedLocale, fallbacks: s.fallbacks, ...(found ? { reply: found } : {}), hits };
}
