// Search over codes, titles and texts in one language, accents folded (`khac phuc` finds
// `khắc phục`). Every word of the query must match; better fields and whole words rank higher.
import { listCodes, protocolList, type ProtocolId } from '@protocodes/core';
import type { Fallback } from './model.js';
import { resolveRequest } from './render.js';

/** Lower case, accents removed (`Đ` → `d` too): the form both the index and queries use. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

const TOKEN = /[\p{L}\p{N}]+(?:\.\p{N}+)*/gu;

export function searchTokens(text: string): string[] {
  return foldForSearch(text).match(TOKEN) ?? [];
}

const WEIGHTS = { code: 100, title: 8, replyText: 6, enhanced: 5, summary: 4, body: 1 } as const;
type Field = keyof typeof WEIGHTS;

interface Document {
  protocol: ProtocolId;
  code: number;
  title: string;
  summary: string;
  fields: { field: Field; tokens: Set<string>; folded: string }[];
}

export interface SearchHit {
  protocol: string;
  code: number;
  title: string;
  summary: string;
  score: number;
  /** Which fields matched, best first. */
  matched: Field[];
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

const indexes = new Map<string, Document[]>();

function index(protocol: ProtocolId, locale: string): Document[] {
  const key = `${protocol}:${locale}`;
  let documents = indexes.get(key);
  if (!documents) {
    const s = resolveRequest(protocol, { locale, format: 'text' });
    const own = s.tools.translations(protocol)?.codeTexts;
    documents = listCodes(protocol).map((entry) => {
      const texts = own?.[entry.code] ?? entry;
      const field = (name: Field, ...values: string[]) => {
        const text = values.join(' ');
        return { field: name, tokens: new Set(searchTokens(text)), folded: foldForSearch(text) };
      };
      return {
        protocol,
        code: entry.code,
        title: texts.title,
        summary: texts.summary,
        fields: [
          field('code', String(entry.code)),
          field('title', texts.title),
          field('replyText', entry.replyText, ...(entry.alternateReplyTexts ?? []).map((a) => a.text)),
          field('enhanced', ...entry.enhancedCodes),
          field('summary', texts.summary),
          field('body', texts.description, texts.whenYouSeeIt, texts.howToFix.sender, texts.howToFix.operator, texts.whenToSend),
        ],
      };
    });
    indexes.set(key, documents);
  }
  return documents;
}

function score(document: Document, words: string[], phrase: string): { score: number; matched: Field[] } | undefined {
  let total = 0;
  const matched = new Set<Field>();
  for (const word of words) {
    let best = 0;
    let bestField: Field | undefined;
    for (const { field, tokens } of document.fields) {
      let weight = 0;
      if (tokens.has(word)) weight = WEIGHTS[field];
      else if (word.length >= 2 && [...tokens].some((t) => t.startsWith(word))) weight = WEIGHTS[field] / 2;
      if (weight > best) (best = weight), (bestField = field);
    }
    if (!bestField) return undefined;
    total += best;
    matched.add(bestField);
  }
  if (words.length > 1) {
    for (const { field, folded } of document.fields) if (folded.includes(phrase)) total += WEIGHTS[field];
  }
  return { score: total, matched: [...matched].sort((x, y) => WEIGHTS[y] - WEIGHTS[x]) };
}

/** Ranked codes whose number, title or texts (in the chosen language) match every word of the query. */
export function searchCodes(request: SearchRequest): SearchResult {
  const protocols = request.protocol === undefined ? protocolList : [resolveRequest(request.protocol, {}).protocol];
  const s = resolveRequest(protocols[0]!, { locale: request.locale ?? 'en', format: 'text' });
  const query = request.query.slice(0, MAX_QUERY_LENGTH);
  const words = [...new Set(searchTokens(query))];
  const phrase = foldForSearch(query).trim().replace(/\s+/g, ' ');
  const hits: SearchHit[] = [];
  if (words.length > 0) {
    for (const protocol of protocols) {
      for (const document of index(protocol, s.locale)) {
        const result = score(document, words, phrase);
        if (result) hits.push({ protocol, code: document.code, title: document.title, summary: document.summary, ...result });
      }
    }
  }
  hits.sort((x, y) => y.score - x.score || x.code - y.code);
  return { query, locale: s.locale, requestedLocale: s.requestedLocale, fallbacks: s.fallbacks, hits: hits.slice(0, request.limit ?? 20) };
}
