// The local server: the web site rendered on demand and the API, together on one port.
import { serve } from '@hono/node-server';
import { createApi } from '@protocodes/api';
import { runNodeServer } from '@protocodes/api/node';
import { availableLocales, negotiateLocale } from '@protocodes/texts';
import { siteConfig, type SiteConfig } from './config.js';
import { renderPath } from './site.js';

const API_PATHS = /^\/(?:v1\/|docs$|healthz$)/;

export function createHandler(config: SiteConfig): (request: Request) => Response | Promise<Response> {
  const api = createApi();
  return (request) => {
    const { pathname } = new URL(request.url);
    if (API_PATHS.test(pathname) || (request.method !== 'GET' && request.method !== 'HEAD')) return api.fetch(request);
    if (pathname === '/') {
      const header = request.headers.get('accept-language');
      if (header) {
        const best = header
          .split(',')
          .map((part) => part.split(';')[0]!.trim())
          .map((tag) => {
            try {
              return negotiateLocale(tag, availableLocales);
            } catch {
              return undefined;
            }
          })
          .find((n) => n && !n.fellBack);
        return new Response(null, { status: 302, headers: { location: `/${best?.locale ?? 'en'}/`, vary: 'Accept-Language', 'cache-control': 'no-cache' } });
      }
    }
    const site = renderPath(pathname, config);
    const headers: Record<string, string> = { 'content-type': site.contentType, 'cache-control': 'no-cache' };
    if (site.location) headers.location = site.location;
    return new Response(request.method === 'HEAD' ? null : site.body, { status: site.status, headers });
  };
}

export function startServer(port: number, config: SiteConfig, hostname = '127.0.0.1') {
  return serve({ fetch: createHandler(config), port, hostname });
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  let config: SiteConfig;
  try {
    config = siteConfig();
  } catch (error) {
    console.error(`protocodes: ${(error as Error).message}`);
    process.exit(2);
  }
  runNodeServer({
    name: 'protocodes',
    fetch: createHandler(config),
    announce: (origin) => `protocodes is serving on ${origin}/
  web  ${origin}/en/   ${origin}/vi/smtp/235-vs-554/
  api  ${origin}/docs   ${origin}/v1/smtp/compare/235/554?lang=vi&format=text
Press Ctrl-C to stop.`,
  });
}
