#!/usr/bin/env node
// Runs a root script with the pnpm version pinned in package.json's `packageManager`, after a
// frozen install. This is what lets `npm start` and `npm test` work on a machine that has only
// Node.js: pnpm comes from the pin (through npx), never from whatever happens to be installed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run-with-pinned-pnpm.mjs <root script> [args…]');
  process.exit(2);
}

const pin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager;
const match = /^pnpm@(\d+\.\d+\.\d+)$/.exec(pin ?? '');
if (!match) {
  console.error(`package.json "packageManager" must be "pnpm@x.y.z", found ${JSON.stringify(pin)}`);
  process.exit(2);
}
const version = match[1];

// Already running under the pinned pnpm (e.g. `pnpm test`): call it directly, skip npx.
const userAgent = process.env.npm_config_user_agent ?? '';
const underPinnedPnpm = userAgent.startsWith(`pnpm/${version} `) && process.env.npm_execpath;
const pnpm = underPinnedPnpm
  ? [process.execPath, process.env.npm_execpath]
  : [process.platform === 'win32' ? 'npx.cmd' : 'npx', '--yes', `pnpm@${version}`];

function run(args) {
  const result = spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`could not start pnpm ${version}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(['install', '--frozen-lockfile', '--reporter=silent']);
run(['run', script, ...rest]);
