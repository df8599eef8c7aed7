// Search over codes, titles and texts in one language, accents folded (`khac phuc` finds
// `khắc phục`). Every word of the query must match; better fields and whole words rank higher.
import { listCodes, protocolList, type ProtocolId } from '@protocodes/core';
import type { Fallback } from './model.js';
import { resolveRequest } from './render.js';
import { prepareQuery, scoreSearchDocument, searchField, type SearchDocumentField, type SearchField } from './search-core.js';

interface Document {
  protocol: ProtocolId;
  code: number;
  title: string;
  summary: string;
  fields: SearchDocumentField[];
}

export interface SearchHit {
  protocol: string;
  code: number;
  title: string;
  summary: string;
  score: number;
  /** Which fields matched, best first. */
  matched: SearchField[];
}

export interface SearchResult {
  query: string;
  locale: string;
  requestedLocale: string;
  fallbacks: Fallback[];
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

/** The documents of one protocol in one locale, as searchCodes ranks them (the web site ships them). */
export function searchDocuments(protocol: ProtocolId, locale: string): readonly { code: number; title: string; summary: string; fields: readonly SearchDocumentField[] }[] {
  return index(protocol, locale);
}

const indexes = new Map<string, Document[]>();

function index(protocol: ProtocolId, locale: string): Document[] {
  const key = `${protocol}:${locale}`;
  let documents = indexes.get(key);
  if (!documents) {
    const s = resolveRequest(protocol, { locale, format: 'text' });
    const own = s.tools.translations(protocol)?.codeTexts;
    documents = listCodes(protocol).map((entry) => {
      const texts = own?.[entry.code] ?? entry;
      const field = (name: SearchField, ...values: string[]) => searchField(name, values.join(' '));
      return {
        protocol,
        code: entry.code,
        title: texts.title,
        summary: texts.summary,
        fields: [
          field('code', String(entry.code)),
          field('title', texts.title),
          field('replyText', entry.replyText, ...(entry.alternateReplyTexts ?? []).map((a) => a.text)),
          field('enhanced', ...(entry.enhancedCodes ?? [])),
          field('summary', texts.summary),
          field('body', texts.description, texts.whenYouSeeIt, texts.howToFix.sender, texts.howToFix.operator, texts.whenToSend),
        ],
      };
    });
    indexes.set(key, documents);
  }
  return documents;
}

/** Ranked codes whose number, title or texts (in the chosen language) match every word of the query. */
export function searchCodes(request: SearchRequest): SearchResult {
  const protocols = request.protocol === undefined ? protocolList : [resolveRequest(request.protocol, {}).protocol];
  const s = resolveRequest(protocols[0]!, { locale: request.locale ?? 'en', format: 'text' });
  const query = request.query.slice(0, MAX_QUERY_LENGTH);
  const { words, phrase } = prepareQuery(query);
  const hits: SearchHit[] = [];
  if (words.length > 0) {
    for (const protocol of protocols) {
      for (const document of index(protocol, s.locale)) {
        const result = scoreSearchDocument(document.fields, words, phrase);
        if (result) hits.push({ protocol, code: document.code, title: document.title, summary: document.summary, ...result });
      }
    }
  }
  hits.sort((x, y) => y.score - x.score || x.code - y.code);
  return { query, locale: s.locale, requestedLocale: s.requestedLocale, fallbacks: s.fallbacks, hits: hits.slice(0, request.limit ?? 20) };
}
