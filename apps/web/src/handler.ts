// The whole site as one fetch handler: pages, assets, search indexes and the API. Node
// (server.ts) and Workers (worker.ts) both serve it; it reads no file and keeps rendered pages in
// memory within a byte budget.
import { createApi, DATA_POLICY, hash, hasBody, LruCache, PAGE_POLICY, securityHeaders } from '@protocodes/api';
import { availableLocales, bestAcceptedLanguage, negotiateLocale } from '@protocodes/texts';
import type { SiteConfig } from './config.js';
import { renderPath } from './site.js';

export interface HandlerOptions {
  /** Bytes of rendered pages to keep (default 64 MiB). */
  pageCacheBytes?: number;
}

const API_PATHS = /^\/(?:v1\/|docs\/?$|healthz$)/;
const encoder = new TextEncoder();

export function createHandler(config: SiteConfig, options: HandlerOptions = {}): (request: Request) => Response | Promise<Response> {
  const api = createApi();
  // Rendered pages by path, within a byte budget: a page is a pure function of its path. Only
  // pages that exist are kept, so made-up paths cannot push them out.
  const pages = new LruCache<RenderedResponse>(options.pageCacheBytes ?? 64 * 1024 * 1024, (page) => page.body.byteLength + 400);
  return (request) => {
    const { pathname } = new URL(request.url);
    // The API refuses other methods and bodies, and says why.
    if (API_PATHS.test(pathname) || (request.method !== 'GET' && request.method !== 'HEAD') || hasBody(request)) return api.fetch(request);
    if (pathname === '/') {
      const header = request.headers.get('accept-language');
      if (header) {
        const best = bestAcceptedLanguage(header, availableLocales);
        const locale = best === undefined ? 'en' : negotiateLocale(best, availableLocales).locale;
        return new Response(null, {
          status: 302,
          headers: { location: `/${locale}/`, vary: 'Accept-Language', 'cache-control': 'no-cache', 'content-length': '0', ...securityHeaders(DATA_POLICY) },
        });
      }
    }
    let page = pages.get(pathname);
    if (!page) {
      page = renderResponse(pathname, config);
      if (page.etag !== undefined) pages.set(pathname, page);
    }
    const matches = page.etag !== undefined && request.headers.get('if-none-match')?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === page.etag);
    if (matches) return new Response(null, { status: 304, headers: { etag: page.etag!, 'cache-control': page.headers['cache-control']!, ...securityHeaders(DATA_POLICY) } });
    return new Response(request.method === 'HEAD' ? null : page.body, { status: page.status, headers: page.headers });
  };
}

interface RenderedResponse {
  status: number;
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  etag?: string;
}

function renderResponse(pathname: string, config: SiteConfig): RenderedResponse {
  const site = renderPath(pathname, config);
  const body = encoder.encode(site.body);
  // Pages change only with a new build: a CDN may keep them for a day and revalidate with the ETag.
  const cacheable = site.status === 200;
  const etag = cacheable ? `"${hash(site.body)}"` : undefined;
  const headers: Record<string, string> = {
    'content-type': site.contentType,
    'content-length': String(body.byteLength),
    'cache-control': cacheable ? 'public, max-age=300, s-maxage=86400' : 'no-cache',
    ...(etag ? { etag } : {}),
    ...securityHeaders(site.contentType.startsWith('text/html') ? PAGE_POLICY : DATA_POLICY),
  };
  if (site.location) headers.location = site.location;
  return { status: site.status, body, headers, ...(etag ? { etag } : {}) };
}
