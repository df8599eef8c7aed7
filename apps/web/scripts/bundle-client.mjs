#!/usr/bin/env node
// Bundles the one client script (search) for browsers; it shares its ranking with the server.
import { build } from 'esbuild';

try {
  await build({
    entryPoints: [new URL('../src/client/search.ts', import.meta.url).pathname],
    outfile: new URL('../dist/assets/search.js', import.meta.url).pathname,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
} catch {
  process.exit(1);
}
