// The site's address space: every route as data, and the parser from a path back to a route.
import { findEnhancedEntry, findProviderRule, listCodes, listCuratedPairs, listEnhancedEntries, listProviders, protocolList, type ProtocolId } from '@protocodes/core';
import { availableLocales } from '@protocodes/texts';

export type Route =
  | { kind: 'root' }
  | { kind: 'not-found' }
  /** One language's 404 page; `path` is what was asked for, when known (suggestions come from it). */
  | { kind: 'localized-not-found'; locale: string; path?: string }
  | { kind: 'manifest' }
  /** For static hosts only (Cloudflare's assets, Netlify): the headers the handler would send. */
  | { kind: 'host-headers' }
  | { kind: 'robots' }
  | { kind: 'sitemap-index' }
  | { kind: 'sitemap'; locale: string }
  | { kind: 'asset'; name: 'site.css' | 'search.js' | 'explain.js' | 'favicon.svg' }
  | { kind: 'search-index'; locale: string }
  | { kind: 'explain-texts'; locale: string }
  | { kind: 'home'; locale: string }
  | { kind: 'protocol'; locale: string; protocol: ProtocolId }
  | { kind: 'code'; locale: string; protocol: ProtocolId; code: number }
  | { kind: 'compare'; locale: string; protocol: ProtocolId; a: number; b: number }
  | { kind: 'explain'; locale: string }
  /** SMTP enhanced status codes, by registry id (`X.1.1`), and pairs of related ones. */
  | { kind: 'enhanced'; locale: string; id: string }
  | { kind: 'enhanced-compare'; locale: string; a: string; b: string }
  | { kind: 'providers'; locale: string }
  | { kind: 'provider-rule'; locale: string; rule: string }
  /** The reverse order of a pair: answered with a redirect to the canonical order. */
  | { kind: 'compare-reverse'; locale: string; protocol: ProtocolId; a: number; b: number };

export function pathOf(route: Route): string {
  switch (route.kind) {
    case 'root':
      return '/';
    case 'not-found':
      return '/404.html';
    case 'localized-not-found':
      return `/${route.locale}/404.html`;
    case 'manifest':
      return '/manifest.webmanifest';
    case 'host-headers':
      return '/_headers';
    case 'robots':
      return '/robots.txt';
    case 'sitemap-index':
      return '/sitemap.xml';
    case 'sitemap':
      return `/sitemaps/${route.locale}.xml`;
    case 'asset':
      return `/assets/${route.name}`;
    case 'search-index':
      return `/${route.locale}/search-index.json`;
    case 'explain-texts':
      return `/${route.locale}/explain-texts.json`;
    case 'home':
      return `/${route.locale}/`;
    case 'protocol':
      return `/${route.locale}/${route.protocol}/`;
    case 'code':
      return `/${route.locale}/${route.protocol}/${route.code}/`;
    case 'compare':
      return `/${route.locale}/${route.protocol}/${route.a}-vs-${route.b}/`;
    case 'compare-reverse':
      return `/${route.locale}/${route.protocol}/${route.b}-vs-${route.a}/`;
    case 'explain':
      return `/${route.locale}/explain/`;
    case 'enhanced':
      return `/${route.locale}/smtp/${route.id}/`;
    case 'enhanced-compare':
      return `/${route.locale}/smtp/${route.a}-vs-${route.b}/`;
    case 'providers':
      return `/${route.locale}/smtp/providers/`;
    case 'provider-rule':
      return `/${route.locale}/smtp/providers/${route.rule}/`;
  }
}

/** Every route of the site, in a stable order: what the static build writes with `--all`. */
export function allRoutes(): Generator<Route> {
  return siteRoutes(() => true);
}

/**
 * What the static build writes by default: every page except code pairs that are neither curated
 * (a hand-written note) nor related. The handler renders the rest on demand, so a deploy stays
 * small as pairs grow with the square of the codes.
 */
export function prerenderedRoutes(): Generator<Route> {
  return siteRoutes(isNotablePair);
}

/** A pair of codes with a hand-written note, or one that either code lists as related. */
export function isNotablePair(protocol: ProtocolId, a: number, b: number): boolean {
  return notablePairs(protocol).has(`${a}-${b}`);
}

function* siteRoutes(includePair: (protocol: ProtocolId, a: number, b: number) => boolean): Generator<Route> {
  yield { kind: 'root' };
  yield { kind: 'not-found' };
  yield { kind: 'robots' };
  yield { kind: 'sitemap-index' };
  yield { kind: 'asset', name: 'site.css' };
  yield { kind: 'asset', name: 'search.js' };
  yield { kind: 'asset', name: 'explain.js' };
  yield { kind: 'asset', name: 'favicon.svg' };
  yield { kind: 'manifest' };
  yield { kind: 'host-headers' };
  for (const locale of availableLocales) {
    yield { kind: 'localized-not-found', locale };
    yield { kind: 'sitemap', locale };
    yield { kind: 'search-index', locale };
    yield { kind: 'explain-texts', locale };
    for (const route of pageRoutes(locale)) if (route.kind !== 'compare' || includePair(route.protocol, route.a, route.b)) yield route;
    for (const protocol of protocolList) {
      for (const [a, b] of pairsOf(protocol)) if (includePair(protocol, a, b)) yield { kind: 'compare-reverse', locale, protocol, a, b };
    }
  }
}

/** The pages of one locale (no redirects): what its sitemap lists. */
export function* pageRoutes(locale: string): Generator<Route & { locale: string }> {
  yield { kind: 'home', locale };
  yield { kind: 'explain', locale };
  for (const entry of listEnhancedEntries()) yield { kind: 'enhanced', locale, id: entry.code };
  for (const [a, b] of enhancedPairs()) yield { kind: 'enhanced-compare', locale, a, b };
  yield { kind: 'providers', locale };
  for (const provider of listProviders()) for (const rule of provider.rules) yield { kind: 'provider-rule', locale, rule: rule.id };
  for (const protocol of protocolList) {
    yield { kind: 'protocol', locale, protocol };
    for (const entry of listCodes(protocol)) yield { kind: 'code', locale, protocol, code: entry.code };
    for (const [a, b] of pairsOf(protocol)) yield { kind: 'compare', locale, protocol, a, b };
  }
}

const pairs = new Map<ProtocolId, [number, number][]>();

/** Every pair of a protocol's codes, smaller first, in ascending order. */
export function pairsOf(protocol: ProtocolId): [number, number][] {
  let list = pairs.get(protocol);
  if (!list) {
    const codes = listCodes(protocol).map((e) => e.code);
    list = codes.flatMap((a, i) => codes.slice(i + 1).map((b) => [a, b] as [number, number]));
    pairs.set(protocol, list);
  }
  return list;
}

const notable = new Map<ProtocolId, Set<string>>();

function notablePairs(protocol: ProtocolId): Set<string> {
  let set = notable.get(protocol);
  if (!set) {
    const codes = new Set(listCodes(protocol).map((e) => e.code));
    const keys = listCuratedPairs(protocol).map(([a, b]) => `${a}-${b}`);
    for (const entry of listCodes(protocol)) {
      for (const other of entry.related) if (codes.has(other) && other !== entry.code) keys.push(entry.code < other ? `${entry.code}-${other}` : `${other}-${entry.code}`);
    }
    set = new Set(keys);
    notable.set(protocol, set);
  }
  return set;
}

let enhancedPairList: [string, string][] | undefined;

/** Each enhanced code with the codes its entry lists as related, in registry order. */
export function enhancedPairs(): [string, string][] {
  if (!enhancedPairList) {
    const order = new Map(listEnhancedEntries().map((e, i) => [e.code as string, i]));
    const seen = new Set<string>();
    enhancedPairList = [];
    for (const entry of listEnhancedEntries()) {
      for (const other of ('related' in entry ? (entry.related as readonly string[]) : [])) {
        if (!order.has(other)) continue;
        const pair: [string, string] = order.get(entry.code)! < order.get(other)! ? [entry.code, other] : [other, entry.code];
        const key = pair.join('|');
        if (!seen.has(key)) {
          seen.add(key);
          enhancedPairList.push(pair);
        }
      }
    }
  }
  return enhancedPairList;
}

const codeSet = new Map(protocolList.map((p) => [p, new Set(listCodes(p).map((e) => e.code))]));

/** The route at a path, or undefined. Only paths the site really has match: nothing maps to files. */
export function routeOf(path: string): Route | undefined {
  switch (path) {
    case '/':
      return { kind: 'root' };
    case '/404.html':
      return { kind: 'not-found' };
    case '/robots.txt':
      return { kind: 'robots' };
    case '/sitemap.xml':
      return { kind: 'sitemap-index' };
    case '/assets/site.css':
      return { kind: 'asset', name: 'site.css' };
    case '/assets/search.js':
      return { kind: 'asset', name: 'search.js' };
    case '/assets/explain.js':
      return { kind: 'asset', name: 'explain.js' };
    case '/assets/favicon.svg':
      return { kind: 'asset', name: 'favicon.svg' };
    case '/manifest.webmanifest':
      return { kind: 'manifest' };
  }
  const smtpPage = /^\/([A-Za-z-]+)\/(?:explain\/|smtp\/(?:(X\.\d{1,3}\.\d{1,3})\/|(X\.\d{1,3}\.\d{1,3})-vs-(X\.\d{1,3}\.\d{1,3})\/|providers\/(?:([a-z0-9-]+)\/)?))$/.exec(path);
  if (smtpPage) {
    const [, locale, id, a, b, rule] = smtpPage;
    if (!availableLocales.includes(locale!)) return undefined;
    if (path.endsWith('/explain/')) return { kind: 'explain', locale: locale! };
    if (id !== undefined) return findEnhancedEntry(id) ? { kind: 'enhanced', locale: locale!, id } : undefined;
    if (a !== undefined && b !== undefined) return enhancedPairs().some(([x, y]) => x === a && y === b) ? { kind: 'enhanced-compare', locale: locale!, a, b } : undefined;
    if (rule !== undefined) return findProviderRule(rule) ? { kind: 'provider-rule', locale: locale!, rule } : undefined;
    return { kind: 'providers', locale: locale! };
  }
  const sitemap = /^\/sitemaps\/([A-Za-z-]+)\.xml$/.exec(path);
  if (sitemap && availableLocales.includes(sitemap[1]!)) return { kind: 'sitemap', locale: sitemap[1]! };
  const notFound = /^\/([A-Za-z-]+)\/404\.html$/.exec(path);
  if (notFound && availableLocales.includes(notFound[1]!)) return { kind: 'localized-not-found', locale: notFound[1]! };
  const texts = /^\/([A-Za-z-]+)\/explain-texts\.json$/.exec(path);
  if (texts && availableLocales.includes(texts[1]!)) return { kind: 'explain-texts', locale: texts[1]! };
  const match = /^\/([A-Za-z-]+)\/(?:(search-index\.json)|([a-z]+)\/(?:(\d{3})\/|(\d{3})-vs-(\d{3})\/)?)?$/.exec(path);
  if (!match) return undefined;
  const [, locale, searchIndex, protocol, code, a, b] = match;
  if (!availableLocales.includes(locale!)) return undefined;
  if (searchIndex) return { kind: 'search-index', locale: locale! };
  if (protocol === undefined) return path.endsWith('/') ? { kind: 'home', locale: locale! } : undefined;
  const codes = codeSet.get(protocol as ProtocolId);
  if (!codes) return undefined;
  const p = protocol as ProtocolId;
  if (code !== undefined) return codes.has(Number(code)) ? { kind: 'code', locale: locale!, protocol: p, code: Number(code) } : undefined;
  if (a !== undefined && b !== undefined) {
    const [x, y] = [Number(a), Number(b)];
    if (!codes.has(x) || !codes.has(y) || x === y) return undefined;
    return x < y ? { kind: 'compare', locale: locale!, protocol: p, a: x, b: y } : { kind: 'compare-reverse', locale: locale!, protocol: p, a: y, b: x };
  }
  return { kind: 'protocol', locale: locale!, protocol: p };
}
