// The published packages as a consumer gets them: packed (which runs each package's prepack build),
// checked by publint and attw, then installed from the tarballs into a project outside the
// workspace and used from ESM (TypeScript nodenext and bundler), require(), a CommonJS .cts
// file, and the CLI through npx.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bin = (name: string) => join(root, 'packages', 'package-check', 'node_modules', '.bin', name);
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const PUBLISHED = [
  { name: '@protocodes/core', dir: 'packages/core' },
  { name: '@protocodes/texts', dir: 'packages/texts' },
  { name: 'protocodes', dir: 'apps/cli' },
];

// The pnpm that runs this test when there is one (turbo under pnpm), else the pinned one through npx.
function pnpm(): [string, string[]] {
  const execpath = process.env.npm_execpath ?? '';
  if (/pnpm/.test(execpath)) return [process.execPath, [execpath]];
  const pin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager as string;
  return ['npx', ['--yes', pin]];
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', npm_config_loglevel: 'error' }, timeout: 200_000 });
  if (result.error) throw result.error;
  return result;
}

function succeed(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

let work: string;
const tarballs = new Map<string, string>();
let project: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'protocodes-packed-'));
  const [command, prefix] = pnpm();
  for (const { name, dir } of PUBLISHED) {
    const before = new Set(readdirSync(work));
    succeed(command, [...prefix, 'pack', '--pack-destination', work], join(root, dir));
    const made = readdirSync(work).find((file) => file.endsWith('.tgz') && !before.has(file));
    if (!made) throw new Error(`pnpm pack made no tarball for ${name}`);
    tarballs.set(name, join(work, made));
  }
  project = join(work, 'consumer');
  // Overrides too: texts depends on core by version, which is not published yet.
  const local = Object.fromEntries([...tarballs].map(([name, path]) => [name, `file:${path}`]));
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: local, pnpm: { overrides: local } }, null, 2),
  );
  // Outside the workspace, so the tarballs are installed as a consumer's registry install would be.
  succeed(command, [...prefix, 'install', '--prefer-offline', '--ignore-workspace', '--config.confirmModulesPurge=false'], project);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packed tarballs', () => {
  it.each(PUBLISHED)('$name ships its build and a manifest a consumer can install', ({ name }) => {
    const listing = execFileSync('tar', ['-tzf', tarballs.get(name)!], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('package/README.md');
    expect(listing.some((file) => file.startsWith('package/dist/'))).toBe(true);
    expect(listing.some((file) => /\.test\.(js|d\.ts)$/.test(file))).toBe(false);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarballs.get(name)!, 'package/package.json'], { encoding: 'utf8' }));
    expect(manifest.devDependencies, 'devDependencies (the private catalogue) stay behind').toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
    expect(JSON.stringify(manifest.dependencies ?? {})).not.toMatch(/workspace:/);
    for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'license', 'engines']) expect(manifest[field], field).toBeDefined();
  });

  it.each(PUBLISHED)('$name passes publint', ({ name }) => {
    const result = run(bin('publint'), [tarballs.get(name)!, '--strict'], root);
    expect(`${result.stdout}${result.stderr}`, 'publint output').not.toMatch(/error|warning/i);
    expect(result.status).toBe(0);
  });

  // The packages are ESM only (see their READMEs): the esm-only profile leaves out the node10 and
  // CommonJS resolution modes, where require() of ESM is Node's own feature from 20.19 on.
  it.each(PUBLISHED.filter(({ name }) => name !== 'protocodes'))('$name passes attw with the esm-only profile', ({ name }) => {
    const result = run(bin('attw'), [tarballs.get(name)!, '--profile', 'esm-only', '--format', 'ascii', '--no-color'], root);
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  });
});

describe('a consumer project', () => {
  const esm = `import { getCode, findCode } from '@protocodes/core';
import { getSmtpFacts, isSmtpReplyCode } from '@protocodes/core/smtp/facts';
import { renderComparison } from '@protocodes/texts/en';
import { renderComparison as renderInVietnamese } from '@protocodes/texts/vi';

const entry = getCode('smtp', 421);
const retry: 'later' = entry.retry;
const facts = getSmtpFacts(554);
const untrusted = findCode('smtp', '554');
console.log(JSON.stringify({
  retry,
  facts: facts.class,
  known: isSmtpReplyCode(554),
  untrusted: untrusted?.code,
  en: renderComparison({ protocol: 'smtp', codes: [235, 554] }).title,
  vi: renderInVietnamese({ protocol: 'smtp', codes: [235, 554], locale: 'vi' }).locale,
}));
`;

  it.each([
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
  ])('type-checks an ESM consumer under TypeScript %s resolution', (mode, options) => {
    const dir = join(project, `ts-${mode}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.mts'), esm);
    writeFileSync(join(dir, 'wrong.mts'), `import { renderComparison } from '@protocodes/texts/en';\nrenderComparison({ protocol: 'smpt', codes: [235, 999] });\n`);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...options, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['index.mts'] }));
    expect(run(process.execPath, [tsc, '-p', dir], dir).stdout).toBe('');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...options, target: 'es2022', strict: true, noEmit: true, types: [] }, files: ['wrong.mts'] }));
    const wrong = run(process.execPath, [tsc, '-p', dir], dir);
    expect(wrong.status, 'a misspelt protocol and a missing code fail to compile').not.toBe(0);
    expect(wrong.stdout).toMatch(/smpt/);
  });

  it('runs the ESM consumer under Node', () => {
    writeFileSync(join(project, 'index.mjs'), esm.replace("const retry: 'later' = entry.retry;", 'const retry = entry.retry;'));
    const out = JSON.parse(succeed(process.execPath, ['index.mjs'], project));
    expect(out).toEqual({ retry: 'later', facts: 5, known: true, untrusted: 554, en: expect.stringMatching(/^SMTP 235 .* 554 /), vi: 'vi' });
  });

  it('runs an on-demand consumer under Node: nothing held before loadCodes, the same text after', () => {
    writeFileSync(
      join(project, 'on-demand.mjs'),
      `import { loadCodes, NotLoadedError, renderComparison } from '@protocodes/texts/on-demand';
let before;
try { renderComparison({ protocol: 'smtp', codes: [235, 554] }); } catch (error) { before = error instanceof NotLoadedError; }
await loadCodes('smtp', [235, 554]);
console.log(JSON.stringify({ before, title: renderComparison({ protocol: 'smtp', codes: [235, 554] }).title }));
`,
    );
    const out = JSON.parse(succeed(process.execPath, ['on-demand.mjs'], project));
    expect(out).toEqual({ before: true, title: expect.stringMatching(/^SMTP 235 .* 554 /) });
  });

  it('loads the packages with require() on Node >= 20.19', () => {
    writeFileSync(join(project, 'index.cjs'), `const { getCode } = require('@protocodes/core');\nconst { renderExplanation } = require('@protocodes/texts/en');\nconsole.log(getCode('smtp', 554).retry, renderExplanation({ protocol: 'smtp', code: 554 }).locale);\n`);
    const result = run(process.execPath, ['--disable-warning=ExperimentalWarning', 'index.cjs'], project);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('after-change en');
  });

  it('type-checks and runs a CommonJS .cts consumer', () => {
    const dir = join(project, 'cts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.cts'), `import core = require('@protocodes/core');\nconst entry = core.getCode('smtp', 235);\nconst retry: 'not-needed' = entry.retry;\nconsole.log(retry);\n`);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, outDir: 'out', types: [] }, files: ['index.cts'] }));
    succeed(process.execPath, [tsc, '-p', dir], dir);
    const result = run(process.execPath, ['--disable-warning=ExperimentalWarning', join(dir, 'out', 'index.cjs')], dir);
    expect(result.stdout.trim()).toBe('not-needed');
    expect(result.status).toBe(0);
  });

  it('runs the CLI through npx', () => {
    const result = run('npx', ['--no-install', 'protocodes', 'show', 'smtp', '554'], project);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/554/);
    expect(result.stdout).toMatch(/Transaction failed/);
  });
});
