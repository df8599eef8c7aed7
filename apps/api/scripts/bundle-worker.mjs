#!/usr/bin/env node
// Bundles a Workers entry (src/worker.ts) into one ES module, dist/worker.js: what `wrangler
// deploy` or workerd loads. The API runs it for itself; the web app passes its own folder.
import { resolve } from 'node:path';
import { build } from 'esbuild';

const app = resolve(process.argv[2] ?? new URL('..', import.meta.url).pathname);
try {
  await build({
    entryPoints: [resolve(app, 'src/worker.ts')],
    outfile: resolve(app, 'dist/worker.js'),
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'import'],
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
} catch {
  process.exit(1);
}
