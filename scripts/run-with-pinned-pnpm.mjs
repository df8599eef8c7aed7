#!/usr/bin/env node
// Runs a root script with the pnpm version pinned in package.json's `packageManager`. This is what
// lets `npm start`, `npm test` and `npm run protocodes -- …` work on a machine that has only
// Node.js: pnpm comes from the pin (through npx), never from whatever happens to be installed.
// The workspace is installed first unless node_modules already matches the lockfile, and the
// script runs silently, so that a command whose output is data (`--format json`) prints only data.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinnedPnpmVersion } from './pinned-pnpm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...given] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run-with-pinned-pnpm.mjs <root script> [args…]');
  process.exit(2);
}
// `npm run x -- --fix` strips the `--`; `pnpm x -- --fix` passes it on. Either way the script gets `--fix`.
const separator = given.indexOf('--');
const rest = separator === -1 ? given : [...given.slice(0, separator), ...given.slice(separator + 1)];

let version;
try {
  version = pinnedPnpmVersion(root);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

// Already running under the pinned pnpm (e.g. `pnpm test`): call it directly, skip npx.
const userAgent = process.env.npm_config_user_agent ?? '';
const underPinnedPnpm = userAgent.startsWith(`pnpm/${version} `) && process.env.npm_execpath;
const pnpm = underPinnedPnpm
  ? [process.execPath, process.env.npm_execpath]
  : [process.platform === 'win32' ? 'npx.cmd' : 'npx', '--yes', `pnpm@${version}`];

function run(args, stdout = 'inherit') {
  const result = spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { cwd: root, stdio: ['inherit', stdout, 'inherit'] });
  if (result.error) {
    console.error(`could not start pnpm ${version}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// pnpm keeps a copy of the lockfile it installed from; when it matches, there is nothing to install.
const installed = join(root, 'node_modules', '.pnpm', 'lock.yaml');
const upToDate = existsSync(installed) && readFileSync(installed, 'utf8') === readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8');
if (!upToDate) run(['install', '--frozen-lockfile', '--reporter=silent'], process.stderr);
run(['--silent', 'run', script, ...rest]);
