// The local server: the web site rendered on demand and the API, together on one port.
import { runNodeServer, serveWithLimits } from '@protocodes/api/node';
import { siteConfig, type SiteConfig } from './config.js';
import { createHandler, type HandlerOptions } from './handler.js';

export { createHandler } from './handler.js';

/** PROTOCODES_PAGE_CACHE_BYTES, when set to a positive number, sizes the page cache. */
function handlerOptions(): HandlerOptions {
  const bytes = Number(process.env.PROTOCODES_PAGE_CACHE_BYTES);
  return bytes > 0 ? { pageCacheBytes: bytes } : {};
}

export function startServer(port: number, config: SiteConfig, hostname = '127.0.0.1') {
  return serveWithLimits(createHandler(config, handlerOptions()), port, hostname);
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
    fetch: createHandler(config, handlerOptions()),
    announce: (origin) => `protocodes is serving on ${origin}/
  web  ${origin}/en/   ${origin}/vi/smtp/235-vs-554/
  api  ${origin}/docs   ${origin}/v1/smtp/compare/235/554?lang=vi&format=text
Press Ctrl-C to stop.`,
  });
}
