#!/usr/bin/env node
// Bundles the CLI and everything it uses (core, texts, the Handlebars runtime) into one file, so
// the published package has no dependencies and starts without resolving a module tree.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

try {
  await build({
  entryPoints: [new URL('../src/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/protocodes.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node' },
  define: { PROTOCODES_VERSION: JSON.stringify(manifest.version) },
  logLevel: 'warning',
  });
} catch {
  // esbuild has already printed each error with its file and line.
  process.exit(1);
}
