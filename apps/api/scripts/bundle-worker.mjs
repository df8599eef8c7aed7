#!/usr/bin/env node
// Bundles the Workers entry into one ES module: what `wrangler deploy` or workerd loads.
import { build } from 'esbuild';

try {
  await build({
    entryPoints: [new URL('../src/worker.ts', import.meta.url).pathname],
    outfile: new URL('../dist/worker.js', import.meta.url).pathname,
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
