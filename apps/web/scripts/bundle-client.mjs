#!/usr/bin/env node
// Bundles the client scripts for browsers: search (sharing its ranking with the server) and the
// reply explainer (the same parser as the CLI and the API, run in the page).
import { build } from 'esbuild';

try {
  await build({
    entryPoints: ['search', 'explain'].map((name) => new URL(`../src/client/${name}.ts`, import.meta.url).pathname),
    outdir: new URL('../dist/assets/', import.meta.url).pathname,
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
