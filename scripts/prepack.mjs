#!/usr/bin/env node
// The `prepack` of every published package: builds the package (and the workspace packages it is
// built from) with turbo, then refuses to pack if a file the manifest points to (exports, types,
// bin) is missing. A clean clone therefore packs complete tarballs, never empty ones. Private
// packages run it too, and are refused.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinnedPnpmVersion } from './pinned-pnpm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.cwd();
const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const fail = (message) => {
  console.error(`prepack ${manifest.name}: ${message}`);
  process.exit(1);
};

if (manifest.private) {
  fail(`this package is private and never published, so nothing was packed. To pack the published ones: npx pnpm@${pinnedPnpmVersion(root)} --filter @protocodes/core --filter @protocodes/texts --filter protocodes pack`);
}

// Through the root script wrapper, which runs turbo with the pinned pnpm (turbo runs each build
// with pnpm, so it must be on PATH) and installs the workspace first if it is not.
const build = spawnSync(process.execPath, [join(root, 'scripts', 'run-with-pinned-pnpm.mjs'), 'build', `--filter=${manifest.name}`, '--output-logs=errors-only'], {
  cwd: root,
  stdio: ['ignore', process.stderr, 'inherit'],
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) fail('the build failed (see above); nothing was packed');

const missing = targetsOf(manifest).filter((target) => !exists(target));
if (missing.length > 0) fail(`the build did not produce ${missing.join(', ')}; nothing was packed`);

/** Every file path the manifest promises, from `exports` (all conditions), `types`, `main` and `bin`. */
function targetsOf(pkg) {
  const found = [];
  const walk = (value) => {
    if (typeof value === 'string') found.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  walk(pkg.bin);
  for (const field of ['main', 'types', 'module']) if (typeof pkg[field] === 'string') found.push(pkg[field]);
  return [...new Set(found)].filter((path) => path !== './package.json');
}

/** A `*` pattern is kept when at least one file matches it. */
function exists(target) {
  const path = join(dir, target);
  if (!target.includes('*')) return existsSync(path);
  const [before, after] = path.split('*');
  const folder = before.endsWith('/') ? before : dirname(before);
  if (!existsSync(folder)) return false;
  const prefix = relative(folder, before);
  return readdirSync(folder, { recursive: true }).some((name) => String(name).startsWith(prefix) && String(name).endsWith(after.replace(/^\//, '')));
}
