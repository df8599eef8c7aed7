// The Node entry: serves the app on PORT (default 3000) and prints where.
import { serve } from '@hono/node-server';
import { createApi } from './app.js';

export function startApiServer(port: number, hostname = '127.0.0.1') {
  return serve({ fetch: createApi().fetch, port, hostname });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`protocodes api: PORT=${process.env.PORT} is not a port number (0–65535)`);
    process.exit(2);
  }
  const server = startApiServer(port, process.env.HOST ?? '127.0.0.1');
  server.on('listening', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`protocodes API on http://127.0.0.1:${actual}/docs  (example: http://127.0.0.1:${actual}/v1/smtp/compare/235/554?lang=vi&format=text)`);
  });
  // Finish the requests in flight, then exit, on Ctrl-C or a service manager's stop.
  const stop = () => {
    server.close(() => process.exit(0));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`protocodes api: cannot listen on port ${port}: ${error.code === 'EADDRINUSE' ? 'it is in use; set PORT to another port' : error.message}`);
    process.exit(1);
  });
}
