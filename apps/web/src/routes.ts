// The site's address space: every route as data, and the parser from a path back to a route.
import { listCodes, protocolList, type ProtocolId } from '@protocodes/core';
import { availableLocales } from '@protocodes/texts';

export type Route =
  | { kind: 'root' }
  | { kind: 'not-found' }
  | { kind: 'robots' }
  | { kind: 'sitemap-index' }
  | { kind: 'sitemap'; locale: string }
  | { kind: 'asset'; name: 'site.css' | 'search.js' }
  | { kind: 'search-index'; locale: string }
  | { kind: 'home'; locale: string }
  | { kind: 'protocol'; locale: string; protocol: ProtocolId }
  | { kind: 'code'; locale: string; protocol: ProtocolId; code: number }
  | { kind: 'compare'; locale: string; protocol: ProtocolId; a: number; b: number }
  /** The reverse order of a pair: answered with a redirect to the canonical order. */
  | { kind: 'compare-reverse'; locale: string; protocol: ProtocolId; a: number; b: number };

export function pathOf(route: Route): string {
  switch (route.kind) {
    case 'root':
      return '/';
    case 'not-found':
      return '/404.html';
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
  }
}

/** Every route of the site, in a stable order: what the static build writes. */
export function* allRoutes(): Generator<Route> {
  yield { kind: 'root' };
  yield { kind: 'not-found' };
  yield { kind: 'robots' };
  yield { kind: 'sitemap-index' };
  yield { kind: 'asset', name: 'site.css' };
  yield { kind: 'asset', name: 'search.js' };
  for (const locale of availableLocales) {
    yield { kind: 'sitemap', locale };
    yield { kind: 'search-index', locale };
    yield* pageRoutes(locale);
    for (const protocol of protocolList) {
      for (const [a, b] of pairsOf(protocol)) yield { kind: 'compare-reverse', locale, protocol, a, b };
    }
  }
}

/** The pages of one locale (no redirects): what its sitemap lists. */
export function* pageRoutes(locale: string): Generator<Route & { locale: string }> {
  yield { kind: 'home', locale };
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
  }
  const sitemap = /^\/sitemaps\/([A-Za-z-]+)\.xml$/.exec(path);
  if (sitemap && availableLocales.includes(sitemap[1]!)) return { kind: 'sitemap', locale: sitemap[1]! };
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
