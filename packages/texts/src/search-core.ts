// The search's folding, tokens and ranking, with no data of its own, so that the web site's
// client script ranks exactly as the CLI and the API do: each side builds a SearchIndex from the
// same entries and calls rankSearch. Ranking is BM25F: each query word is weighed by how rare it
// is (IDF) and by the fields it occurs in (title and wire text above summary, summary above
// body), and any word may match; an exact code, and the whole query found as a phrase, come first.
import { stemmer } from 'stemmer';

/** Lower case, accents removed (`Đ` → `d` too): the form both the index and queries use. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

const TOKEN = /[\p{L}\p{N}]+(?:\.\p{N}+)*/gu;

// Words that say nothing about a code, in English and (folded) Vietnamese, after stemming. A
// query made of nothing else keeps them.
const STOP_WORDS = new Set([
  ...['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'with', 'what', 'why', 'how', 'does', 'do', 'mean', 'means', 'meaning', 'error', 'code', 'status', 'get', 'got', 'getting', 'my', 'i', 'when'],
  // Words of the trade that fit nearly every mail code (stemmed, as queries are): "email bounced
  // too many recipients" is about too many recipients.
  ...['email', 'bounc', 'bounce'],
  ...['la', 'gi', 'ma', 'co', 'cua', 'va', 'khi', 'thi', 'nghia', 'bi', 'toi'],
]);

// Stemming where a maintained library does it for the language (Porter's, for English). Other
// languages are matched on folded whole words and word starts: Vietnamese words do not inflect.
const STEMMERS: Readonly<Record<string, (word: string) => string>> = { en: stemmer };

function stemmerFor(locale: string): ((word: string) => string) | undefined {
  return STEMMERS[locale.split('-')[0]!.toLowerCase()];
}

/** The folded (and, where the language has a stemmer, stemmed) words of a text. */
export function searchTokens(text: string, locale = 'en'): string[] {
  const tokens = foldForSearch(text).match(TOKEN) ?? [];
  const stem = stemmerFor(locale);
  return stem ? tokens.map((token) => (token.length > 3 && /^[a-z]+$/.test(token) ? stem(token) : token)) : tokens;
}

export const SEARCH_WEIGHTS = { code: 10, title: 6, replyText: 5, seenAs: 3.5, codes: 3, summary: 2.5, body: 1 } as const;
/** `code`: the code itself; `replyText`: the standard wire texts; `seenAs`: what servers send in practice; `codes`: the codes used together with it; the rest are its texts. */
export type SearchField = keyof typeof SEARCH_WEIGHTS;
export type SearchKind = 'code' | 'enhanced' | 'provider';

/** One thing search can find, in the form the site ships to browsers. */
export interface SearchEntry {
  kind: SearchKind;
  protocol: string;
  /** `554`, `X.7.1`, or a provider rule's id. */
  code: string;
  title: string;
  summary: string;
  /** The page's path after `/<locale>/`, e.g. `smtp/554/`. */
  path: string;
  fields: [SearchField, string][];
}

export interface SearchDocumentField {
  field: SearchField;
  /** How often each token occurs. */
  counts: ReadonlyMap<string, number>;
  length: number;
  /** How often each word with accents occurs as written (lower case), for queries typed with accents. */
  marked: ReadonlyMap<string, number>;
  /** The folded words between single spaces, for matches of words in a row. */
  folded: string;
}

const MARKED_WORD = /[\p{L}\p{N}]*[^\p{ASCII}][\p{L}\p{N}]*/gu;

/** Lower-cased words that carry accents: `đầy` and `đây` fold to the same `day`, but are not the same word. */
function markedWords(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(MARKED_WORD) ?? []).filter((word) => foldForSearch(word) !== word);
}

export function searchField(field: SearchField, text: string, locale = 'en'): SearchDocumentField {
  const counts = new Map<string, number>();
  const tokens = searchTokens(text, locale);
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  const marked = new Map<string, number>();
  for (const word of markedWords(text)) marked.set(word, (marked.get(word) ?? 0) + 1);
  return { field, counts, marked, length: tokens.length, folded: ` ${(foldForSearch(text).match(TOKEN) ?? []).join(' ')} ` };
}

/** What ranking needs of the whole set: how many documents hold each token, and field lengths. */
export interface SearchStatistics {
  documents: number;
  frequency: ReadonlyMap<string, number>;
  averageLength: Readonly<Record<SearchField, number>>;
}

export interface SearchIndex {
  locale: string;
  entries: readonly SearchEntry[];
  documents: readonly (readonly SearchDocumentField[])[];
  statistics: SearchStatistics;
}

/** Tokens, counts and statistics for a list of entries, in the order given (which breaks ties). */
export function buildSearchIndex(locale: string, entries: readonly SearchEntry[]): SearchIndex {
  const documents = entries.map((entry) => entry.fields.map(([field, text]) => searchField(field, text, locale)));
  const frequency = new Map<string, number>();
  const totals: Record<SearchField, number> = { code: 0, title: 0, replyText: 0, seenAs: 0, codes: 0, summary: 0, body: 0 };
  for (const fields of documents) {
    const seen = new Set<string>();
    for (const field of fields) {
      totals[field.field] += field.length;
      for (const token of field.counts.keys()) seen.add(token);
    }
    for (const token of seen) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  }
  const n = Math.max(1, documents.length);
  const averageLength = { ...totals };
  for (const field of Object.keys(totals) as SearchField[]) averageLength[field] = Math.max(1, totals[field] / n);
  return { locale, entries, documents, statistics: { documents: documents.length, frequency, averageLength } };
}

export interface QueryWord {
  /** The folded, stemmed word first, then the spellings that count as the same word. */
  spellings: string[];
  /** The word as typed, lower case, when it carries accents. */
  marked?: string;
}

export interface PreparedQuery {
  /** Distinct words, stop words left out (unless the query is nothing else). */
  words: QueryWord[];
  /** The whole query, folded and unstemmed, between spaces; empty for one word. */
  phrase: string;
  /** Each two words in a row, as ` a b `. */
  pairs: string[];
}

// Spellings and compounds that name the same thing, after folding and stemming.
const SAME_WORDS: ReadonlyArray<readonly string[]> = [
  ['tls', 'starttl', 'ssl'],
  ['greylist', 'graylist'],
  ['blocklist', 'blacklist', 'denylist', 'rbl', 'dnsbl'],
  ['allowlist', 'whitelist'],
  ['inbox', 'mailbox'],
  ['login', 'logon', 'signin'],
  ['spam', 'junk', 'unsolicit'],
];
const ALTERNATIVES = new Map<string, readonly string[]>();
for (const group of SAME_WORDS) for (const word of group) ALTERNATIVES.set(word, group);

export function prepareQuery(query: string, locale = 'en'): PreparedQuery {
  const folded = foldForSearch(query).match(TOKEN) ?? [];
  const stemmed = searchTokens(query, locale);
  const marked = new Map<string, string>();
  for (const word of markedWords(query)) {
    const [token] = searchTokens(word, locale);
    if (token !== undefined && !marked.has(token)) marked.set(token, word);
  }
  const all = [...new Set(stemmed)];
  const meaningful = all.filter((word) => !STOP_WORDS.has(word));
  const words = (meaningful.length > 0 ? meaningful : all).map((word): QueryWord => {
    const spellings = [word, ...(ALTERNATIVES.get(word) ?? []).filter((other) => other !== word && other.length > 1)];
    const typed = marked.get(word);
    return typed === undefined ? { spellings } : { spellings, marked: typed };
  });
  const pairs: string[] = [];
  for (let i = 1; i < folded.length; i++) pairs.push(` ${folded[i - 1]} ${folded[i]} `);
  return { words, phrase: folded.length > 1 ? ` ${folded.join(' ')} ` : '', pairs };
}

const K1 = 1.2;
const B = 0.75;
/** A document whose code is a word of the query outranks every text match. */
const EXACT_CODE = 1000;
const PHRASE = 2;
const PAIR = 0.3;
/** How much a folded match counts when the query's word had accents the text's word lacks. */
const OTHER_ACCENTS = 0.25;

/**
 * The BM25F score of one document for a query, or undefined when no word matches. A word counts
 * as a whole token, or, from three letters on, as the start of one at half weight. Documents that
 * hold more of the query (by IDF) come first, then those with its words in a row.
 */
export function scoreSearchDocument(fields: readonly SearchDocumentField[], query: PreparedQuery, statistics: SearchStatistics): { score: number; matched: SearchField[] } | undefined {
  let total = 0;
  let coveredWeight = 0;
  let queryWeight = 0;
  const matched = new Set<SearchField>();
  for (const { spellings, marked } of query.words) {
    const word = spellings[0]!;
    let weighted = 0;
    let prefixOnly = true;
    for (const field of fields) {
      let count = 0;
      for (const spelling of spellings) count += field.counts.get(spelling) ?? 0;
      if (count > 0) {
        prefixOnly = false;
        if (marked !== undefined) {
          const exact = field.marked.get(marked) ?? 0;
          count = exact + (count - exact) * OTHER_ACCENTS;
        }
      } else if (word.length >= 3 && !/\d/.test(word)) {
        for (const [token, n] of field.counts) if (token.length > word.length && token.startsWith(word)) count += n / 2;
      }
      if (count === 0) continue;
      matched.add(field.field);
      const norm = 1 - B + (B * field.length) / statistics.averageLength[field.field];
      weighted += (SEARCH_WEIGHTS[field.field] * count) / norm;
      if (field.field === 'code' && field.counts.has(word)) total += EXACT_CODE;
    }
    // A word no document holds says nothing about which document is meant.
    const known = Math.max(0, ...spellings.map((spelling) => statistics.frequency.get(spelling) ?? 0));
    // A word start is weighed as an average word.
    const frequency = known > 0 ? known : Math.max(1, statistics.documents / 10);
    const idf = Math.log(1 + (statistics.documents - frequency + 0.5) / (frequency + 0.5));
    if (known > 0 || weighted > 0) queryWeight += idf;
    if (weighted === 0) continue;
    coveredWeight += idf;
    total += (idf * weighted * (K1 + 1)) / (weighted + K1);
  }
  if (coveredWeight === 0) return undefined;
  total *= (coveredWeight / queryWeight) ** 2;
  if (query.phrase !== '') {
    let phrase = 0;
    let pairs = 0;
    for (const field of fields) {
      if (field.folded.includes(query.phrase)) phrase = Math.max(phrase, PHRASE * SEARCH_WEIGHTS[field.field]);
      let inField = 0;
      for (const pair of query.pairs) if (field.folded.includes(pair)) inField++;
      pairs = Math.max(pairs, (PAIR * SEARCH_WEIGHTS[field.field] * inField) / query.pairs.length);
    }
    total = total * (1 + phrase / 20) + pairs;
  }
  return { score: total, matched: [...matched].sort((x, y) => SEARCH_WEIGHTS[y] - SEARCH_WEIGHTS[x]) };
}

// A provider's rule is one server's wording of a code: below the codes themselves unless the
// query names the provider.
const PROVIDER_WEIGHT = 0.25;

function namesProvider(entry: SearchEntry, query: PreparedQuery, locale: string): boolean {
  const name = searchTokens(entry.title.slice(0, entry.title.indexOf(':')), locale);
  return query.words.some(({ spellings }) => name.includes(spellings[0]!));
}

export interface RankedEntry {
  entry: SearchEntry;
  score: number;
  /** Which fields matched, best first. */
  matched: SearchField[];
}

/** The entries that match any word of the query, best first; ties keep the index's order. */
export function rankSearch(index: SearchIndex, query: string, options: { protocol?: string; limit?: number } = {}): RankedEntry[] {
  const prepared = prepareQuery(query, index.locale);
  if (prepared.words.length === 0) return [];
  const ranked: (RankedEntry & { order: number })[] = [];
  index.entries.forEach((entry, order) => {
    if (options.protocol !== undefined && entry.protocol !== options.protocol) return;
    const result = scoreSearchDocument(index.documents[order]!, prepared, index.statistics);
    if (!result) return;
    const weight = entry.kind === 'provider' && !namesProvider(entry, prepared, index.locale) ? PROVIDER_WEIGHT : 1;
    ranked.push({ entry, score: result.score * weight, matched: result.matched, order });
  });
  ranked.sort((x, y) => y.score - x.score || x.order - y.order);
  // One provider's rules say much the same thing: after its best rule, the others step back so
  // that the codes themselves are not pushed off the top.
  const seen = new Set<string>();
  let demoted = false;
  for (const hit of ranked) {
    if (hit.entry.kind !== 'provider') continue;
    const provider = hit.entry.title.slice(0, hit.entry.title.indexOf(':'));
    if (seen.has(provider)) {
      hit.score /= 2;
      demoted = true;
    }
    seen.add(provider);
  }
  if (demoted) ranked.sort((x, y) => y.score - x.score || x.order - y.order);
  return ranked.slice(0, options.limit ?? 20).map(({ entry, score, matched }) => ({ entry, score, matched }));
}

const REPLY_MARKERS = /\bsaid:|\bdiagnostic-code:|\bremote-mta:|\bstatus:\s*[245]\.\d|\bsmtp;\s*[245]\d\d\b/i;
const SMTP_CODE = /(?:^|[\s:;(<"'])([245]\d\d)(?:[\s-]|$)/;
const ENHANCED_CODE = /(?:^|[\s:;(<"'])[245]\.\d{1,3}\.\d{1,3}(?![\w.])/;

/**
 * Whether a query reads as something a mail server said (a code with words, `said:`,
 * `Diagnostic-Code:`), so that search offers the explanation first. A code with words that make
 * up an HTTP or FTP title in the index, such as `502 bad gateway`, is a search, not a reply.
 */
export function looksLikeReply(query: string, index: SearchIndex): boolean {
  if (REPLY_MARKERS.test(query)) return true;
  const code = SMTP_CODE.exec(query)?.[1];
  if (code === undefined) return ENHANCED_CODE.test(query) && /\p{L}{3}/u.test(query.replace(ENHANCED_CODE, ' '));
  if (ENHANCED_CODE.test(query)) return true;
  const words = (foldForSearch(query).match(TOKEN) ?? []).filter((token) => !/\d/.test(token));
  if (words.length < 2) return false;
  return !index.entries.some((entry, order) => {
    if (entry.kind !== 'code' || entry.protocol === 'smtp' || entry.code !== code) return false;
    const title = index.documents[order]!.find((field) => field.field === 'title')!;
    return words.every((word) => title.folded.includes(` ${word} `));
  });
}
