#!/usr/bin/env node
// Bundles the CLI and everything it uses (core, texts, the Handlebars runtime), so the published
// package has no dependencies and starts without resolving a module tree. Each locale beyond
// English becomes its own chunk, loaded only when a command asks for that language.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outdir = new URL('../dist', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

try {
  await build({
    entryPoints: { protocodes: new URL('../src/main.ts', import.meta.url).pathname },
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    charset: 'utf8',
    banner: { js: '#!/usr/bin/env node' },
    define: { PROTOCODES_VERSION: JSON.stringify(manifest.version) },
    logLevel: 'warning',
  });
} catch {
  // esbuild has already printed each error with its file and line.
  process.exit(1);
}
