// The pnpm version that package.json's `packageManager` pins: the one every root script runs with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pinned version (`10.34.9`); throws, naming what it found, when the pin is not `pnpm@x.y.z`. */
export function pinnedPnpmVersion(root) {
  const pin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager;
  const match = /^pnpm@(\d+\.\d+\.\d+)$/.exec(pin ?? '');
  if (!match) throw new Error(`package.json "packageManager" must be "pnpm@x.y.z", found ${JSON.stringify(pin)}`);
  return match[1];
}
