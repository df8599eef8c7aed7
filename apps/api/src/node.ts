// The Node entry: serves the app on PORT (default 3000) and prints where. `runNodeServer` is
// shared with the web app's local server, which adds the site in front of the same API.
import { serve } from '@hono/node-server';
import { createApi } from './app.js';

type FetchHandler = (request: Request) => Response | Promise<Response>;

export function startApiServer(port: number, hostname = '127.0.0.1') {
  return serve({ fetch: createApi().fetch, port, hostname });
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
  const server = serve({ fetch, port, hostname: process.env.HOST ?? '127.0.0.1' });
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
