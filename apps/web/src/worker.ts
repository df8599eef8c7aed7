// The Workers entry: the whole site (pages, assets, search indexes, the API) as a module worker,
// for Cloudflare Workers and workerd. Its settings are the worker's variables (wrangler.toml).
import { siteConfig } from './config.js';
import { createHandler } from './handler.js';

export interface WorkerEnv {
  /** The public origin, e.g. https://protocodes.example.org: canonical links, hreflang, sitemaps. */
  SITE_URL?: string;
  /** Bytes of rendered pages each isolate keeps (default 16 MiB; an isolate has 128 MB in all). */
  PAGE_CACHE_BYTES?: string;
}

const DEFAULT_PAGE_CACHE_BYTES = 16 * 1024 * 1024;
let handler: ReturnType<typeof createHandler> | undefined;
let handlerKey: string | undefined;

export default {
  fetch(request: Request, env: WorkerEnv = {}): Response | Promise<Response> {
    let config;
    try {
      config = siteConfig({ SITE_URL: env.SITE_URL });
    } catch (error) {
      // A deploy mistake, not the visitor's: say what to fix, in the log and the response.
      console.error(`protocodes worker: ${(error as Error).message}`);
      return new Response(`protocodes is misconfigured: ${(error as Error).message}. Set it in wrangler.toml [vars].\n`, {
        status: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    const bytes = Number(env.PAGE_CACHE_BYTES);
    const pageCacheBytes = bytes > 0 ? bytes : DEFAULT_PAGE_CACHE_BYTES;
    const key = `${config.siteUrl} ${pageCacheBytes}`;
    if (!handler || handlerKey !== key) {
      handler = createHandler(config, { pageCacheBytes });
      handlerKey = key;
    }
    return handler(request);
  },
};
