// The Node entry: serves the app on PORT (default 3000) and prints where. `runNodeServer` is
// shared with the web app's local server, which adds the site in front of the same API.
import { serve } from '@hono/node-server';
import { createApi } from './app.js';

type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * Limits for a public server, so that slow or idle clients cannot hold it: a request's headers
 * must arrive within 10 s and the whole request within 30 s, an idle keep-alive connection is
 * closed after 5 s, and at most MAX_CONNECTIONS (default 1,024) are open at once.
 */
export const SERVER_LIMITS = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  /** How often Node checks the two timeouts above; its default, 30 s, would let them overrun. */
  connectionsCheckingInterval: 1_000,
  maxHeaderSize: 16 * 1024,
  maxConnections: 1_024,
} as const;

export type ServerLimits = { -readonly [K in keyof typeof SERVER_LIMITS]: number };

/** Serves a fetch handler with SERVER_LIMITS applied; tests may shorten them. */
export function serveWithLimits(fetch: FetchHandler, port: number, hostname: string, overrides: Partial<ServerLimits> = {}) {
  const limits: ServerLimits = { ...SERVER_LIMITS, ...overrides };
  const { headersTimeout, requestTimeout, keepAliveTimeout, connectionsCheckingInterval, maxHeaderSize } = limits;
  const server = serve({ fetch, port, hostname, serverOptions: { headersTimeout, requestTimeout, keepAliveTimeout, connectionsCheckingInterval, maxHeaderSize } });
  if ('maxConnections' in server) server.maxConnections = limits.maxConnections;
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = keepAliveTimeout;
  return server;
}

export function startApiServer(port: number, hostname = '127.0.0.1', limits: Partial<ServerLimits> = {}) {
  return serveWithLimits(createApi().fetch, port, hostname, limits);
}

export interface NodeServerOptions {
  /** Prefix of every message, e.g. `protocodes api`. */
  name: string;
  fetch: FetchHandler;
  /** What to print once listening, given the origin (`http://127.0.0.1:3000`). */
  announce: (origin: string) => string;
}

/** Serves a fetch handler on PORT/HOST, prints where, and stops cleanly on SIGINT or SIGTERM. */
export function runNodeServer({ name, fetch, announce }: NodeServerOptions) {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name}: PORT=${process.env.PORT} is not a port number (0–65535)`);
    process.exit(2);
  }
  const maxConnections = Number(process.env.MAX_CONNECTIONS ?? SERVER_LIMITS.maxConnections);
  if (!Number.isInteger(maxConnections) || maxConnections < 1) {
    console.error(`${name}: MAX_CONNECTIONS=${process.env.MAX_CONNECTIONS} is not a positive whole number`);
    process.exit(2);
  }
  const server = serveWithLimits(fetch, port, process.env.HOST ?? '127.0.0.1', { maxConnections });
  server.on('listening', () => {
    const address = server.address();
    console.log(announce(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`));
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`${name}: cannot listen on port ${port}: ${error.code === 'EADDRINUSE' ? 'it is in use; set PORT to another port' : error.message}`);
    process.exit(1);
  });
  // Finish the requests in flight, then exit, on Ctrl-C or a service manager's stop.
  const stop = () => {
    server.close(() => process.exit(0));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runNodeServer({
    name: 'protocodes api',
    fetch: createApi().fetch,
    announce: (origin) => `protocodes API on ${origin}/docs  (example: ${origin}/v1/smtp/compare/235/554?lang=vi&format=text)`,
  });
}
