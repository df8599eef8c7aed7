// The README's commands, run the way it tells a reader with only Node installed to run them:
// through npm, which fetches the pinned pnpm. Every `npm run` it mentions must name a root script;
// those that only read are run, and what they print is checked.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;

// npm itself, not the pnpm this suite may run under, as a reader would.
function npmRun(args) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('npm_') || key.startsWith('PNPM_')) delete env[key];
  return spawnSync('npm', ['run', ...args], { cwd: root, encoding: 'utf8', env, timeout: 300_000 });
}

describe('the README', () => {
  it('names only root scripts that exist', () => {
    const named = [...readme.matchAll(/npm run (?:-s )?([a-z][\w:-]*)/g)].map((m) => m[1]).filter((name) => name !== 'script');
    expect(named.length).toBeGreaterThan(8);
    for (const name of named) expect(Object.keys(scripts), name).toContain(name);
  });

  it('`npm run -s protocodes -- … --format json` prints JSON alone on standard output', () => {
    expect(readme).toContain('npm run -s protocodes -- list smtp --format json');
    const result = npmRun(['-s', 'protocodes', '--', 'list', 'smtp', '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const listed = JSON.parse(result.stdout);
    expect(listed.codes.map((c) => c.code)).toContain(554);
  });

  it('`npm run -s protocodes -- compare smtp 450 550` prints the comparison', () => {
    const result = npmRun(['-s', 'protocodes', '--', 'compare', 'smtp', '450', '550']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^SMTP 450 .* 550 /);
  });

  it('`npm run catalogue:check -- --fix` passes its option through to the checker', () => {
    expect(readme).toContain('npm run catalogue:check -- --fix');
    // On a copy: --fix rewrites what it repairs, and a test leaves the repository as it found it.
    const copy = mkdtempSync(join(tmpdir(), 'protocodes-readme-'));
    cpSync(join(root, 'catalogue'), copy, { recursive: true });
    const fixed = npmRun(['-s', 'catalogue:check', '--', '--fix', '--catalogue', copy]);
    rmSync(copy, { recursive: true, force: true });
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(fixed.stderr).toMatch(/^catalogue ok: /m);
    // An option the checker does not know comes back from the checker itself, so options get through.
    const unknown = npmRun(['-s', 'catalogue:check', '--', '--fixx']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--fixx/);
  });
});
