// The site as a pure function: a path in, a response out. The static build writes every route
// through it, and the Node server and the Workers entry answer requests with it, so all give the
// same bytes. Assets are embedded at build time: nothing here reads a file.
import { PAGE_POLICY, securityHeaders } from '@protocodes/api';
import type { SiteConfig } from './config.js';
import { ASSETS } from './generated/assets.js';
import { renderPage } from './layout.js';
import { codePage } from './pages/code.js';
import { comparePage } from './pages/compare.js';
import { enhancedComparePage, enhancedPage, providerRulePage, providersPage } from './pages/enhanced.js';
import { explainPage, explainTexts } from './pages/explain.js';
import { homePage } from './pages/home.js';
import { protocolPage } from './pages/protocol.js';
import { languageChooser, localizedNotFoundPage, notFoundPage, redirectPage } from './pages/special.js';
import { availableLocales } from '@protocodes/texts';
import { pathOf, routeOf, type Route } from './routes.js';
import { robotsTxt, searchIndex, sitemap, sitemapIndex } from './seo.js';

export interface SiteResponse {
  status: 200 | 301 | 404;
  contentType: string;
  body: string;
  /** For a 301: where to. */
  location?: string;
}

const HTML = 'text/html; charset=utf-8';

const ASSET_TYPES = {
  'site.css': 'text/css; charset=utf-8',
  'search.js': 'text/javascript; charset=utf-8',
  'explain.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
} as const;

/** The response for a route. `forStaticHost` turns the reverse-order redirect into an HTML page. */
export function renderRoute(route: Route, config: SiteConfig, forStaticHost = false): SiteResponse {
  switch (route.kind) {
    case 'root':
      return { status: 200, contentType: HTML, body: languageChooser(config) };
    case 'not-found':
      return { status: 404, contentType: HTML, body: notFoundPage() };
    case 'localized-not-found':
      return { status: 404, contentType: HTML, body: renderPage(localizedNotFoundPage(route.locale, route.path ?? ''), config) };
    case 'manifest':
      return { status: 200, contentType: 'application/manifest+json', body: manifest() };
    case 'host-headers':
      return { status: 200, contentType: 'text/plain; charset=utf-8', body: hostHeaders() };
    case 'robots':
      return { status: 200, contentType: 'text/plain; charset=utf-8', body: robotsTxt(config) };
    case 'sitemap-index':
      return { status: 200, contentType: 'application/xml; charset=utf-8', body: sitemapIndex(config) };
    case 'sitemap':
      return { status: 200, contentType: 'application/xml; charset=utf-8', body: sitemap(route.locale, config) };
    case 'asset':
      return { status: 200, contentType: ASSET_TYPES[route.name], body: ASSETS[route.name] };
    case 'search-index':
      return { status: 200, contentType: 'application/json; charset=utf-8', body: searchIndex(route.locale) };
    case 'explain-texts':
      return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(explainTexts(route.locale)) };
    case 'home':
      return { status: 200, contentType: HTML, body: renderPage(homePage(route.locale), config) };
    case 'protocol':
      return { status: 200, contentType: HTML, body: renderPage(protocolPage(route.locale, route.protocol), config) };
    case 'code':
      return { status: 200, contentType: HTML, body: renderPage(codePage(route.locale, route.protocol, route.code, config), config) };
    case 'compare':
      return { status: 200, contentType: HTML, body: renderPage(comparePage(route.locale, route.protocol, route.a, route.b), config) };
    case 'explain':
      return { status: 200, contentType: HTML, body: renderPage(explainPage(route.locale), config) };
    case 'enhanced':
      return { status: 200, contentType: HTML, body: renderPage(enhancedPage(route.locale, route.id), config) };
    case 'enhanced-compare':
      return { status: 200, contentType: HTML, body: renderPage(enhancedComparePage(route.locale, route.a, route.b), config) };
    case 'providers':
      return { status: 200, contentType: HTML, body: renderPage(providersPage(route.locale), config) };
    case 'provider-rule':
      return { status: 200, contentType: HTML, body: renderPage(providerRulePage(route.locale, route.rule), config) };
    case 'compare-reverse': {
      const target = pathOf({ ...route, kind: 'compare' });
      if (forStaticHost) return { status: 200, contentType: HTML, body: redirectPage(route.locale, target, config) };
      return { status: 301, contentType: HTML, body: redirectPage(route.locale, target, config), location: target };
    }
  }
}

/** The web app manifest: name, colours and icon, for a browser that installs the site. */
function manifest(): string {
  return `${JSON.stringify({ name: 'protocodes', short_name: 'protocodes', description: 'Protocol status codes explained and compared: SMTP, HTTP, FTP.', start_url: '/', display: 'standalone', background_color: '#ffffff', theme_color: '#0b57d0', icons: [{ src: '/assets/favicon.svg', sizes: 'any', type: 'image/svg+xml' }] }, null, 2)}\n`;
}

/**
 * `_headers`, read by static hosts that serve the prerendered files without the handler
 * (Cloudflare Workers' assets, Netlify): the security headers the handler sends with every page.
 */
function hostHeaders(): string {
  const headers = Object.entries(securityHeaders(PAGE_POLICY)).map(([name, value]) => `  ${name}: ${value}`);
  return `# The headers protocodes' fetch handler sends, for files a static host serves without it.\n/*\n${headers.join('\n')}\n`;
}

/** The response for a request path; unknown paths get the 404 page. */
export function renderPath(path: string, config: SiteConfig): SiteResponse {
  const route = routeOf(path);
  if (route) return renderRoute(route, config);
  // `/vi/smtp` without its slash: send the reader to the page they meant.
  const withSlash = routeOf(`${path}/`);
  if (withSlash && !path.endsWith('/')) return { status: 301, contentType: HTML, body: '', location: `${path}/` };
  // Under a language, the 404 page speaks it and suggests what the path may have meant.
  const locale = /^\/([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\//.exec(path)?.[1];
  if (locale !== undefined && availableLocales.includes(locale)) return renderRoute({ kind: 'localized-not-found', locale, path }, config);
  return renderRoute({ kind: 'not-found' }, config);
}

/** Where a route's file goes in the static build. */
export function fileOf(route: Route): string {
  const path = pathOf(route);
  return path.endsWith('/') ? `${path}index.html` : path;
}
