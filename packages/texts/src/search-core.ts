// The search's folding, tokens and ranking, with no imports, so that the web site's client
// script ranks exactly as the CLI and the API do.

/** Lower case, accents removed (`Đ` → `d` too): the form both the index and queries use. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

const TOKEN = /[\p{L}\p{N}]+(?:\.\p{N}+)*/gu;

export function searchTokens(text: string): string[] {
  return foldForSearch(text).match(TOKEN) ?? [];
}

export const SEARCH_WEIGHTS = { code: 100, title: 8, replyText: 6, enhanced: 5, summary: 4, body: 1 } as const;
export type SearchField = keyof typeof SEARCH_WEIGHTS;

export interface SearchDocumentField {
  field: SearchField;
  tokens: ReadonlySet<string>;
  /** The folded text, for whole-phrase matches. */
  folded: string;
}

export function searchField(field: SearchField, text: string): SearchDocumentField {
  return { field, tokens: new Set(searchTokens(text)), folded: foldForSearch(text) };
}

/** The query as the ranking uses it: distinct folded words, and the folded phrase. */
export function prepareQuery(query: string): { words: string[]; phrase: string } {
  return { words: [...new Set(searchTokens(query))], phrase: foldForSearch(query).trim().replace(/\s+/g, ' ') };
}

/**
 * Every word must match a field (whole token, or a prefix at half weight); each word counts its
 * best field, and a multi-word query found as a phrase adds that field's weight again.
 */
export function scoreSearchDocument(fields: readonly SearchDocumentField[], words: readonly string[], phrase: string): { score: number; matched: SearchField[] } | undefined {
  let total = 0;
  const matched = new Set<SearchField>();
  for (const word of words) {
    let best = 0;
    let bestField: SearchField | undefined;
    for (const { field, tokens } of fields) {
      let weight = 0;
      if (tokens.has(word)) weight = SEARCH_WEIGHTS[field];
      else if (word.length >= 2) {
        for (const token of tokens) {
          if (token.startsWith(word)) {
            weight = SEARCH_WEIGHTS[field] / 2;
            break;
          }
        }
      }
      if (weight > best) (best = weight), (bestField = field);
    }
    if (!bestField) return undefined;
    total += best;
    matched.add(bestField);
  }
  if (words.length > 1) {
    for (const { field, folded } of fields) if (folded.includes(phrase)) total += SEARCH_WEIGHTS[field];
  }
  return { score: total, matched: [...matched].sort((x, y) => SEARCH_WEIGHTS[y] - SEARCH_WEIGHTS[x]) };
}
