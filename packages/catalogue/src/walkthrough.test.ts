// The contributor walk-through of CONTRIBUTING.md, run in a copy of the repository: start a code
// with `new`, fill it in, `check`, build catalogue → core → texts → cli, and find the code in the
// built CLI and in catalogue:preview. Every code of the reference lists is already in the
// catalogue, so the copy gets SMTP 557, which no list has; the reference tests never run on it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const BUILT_PACKAGES = ['packages/catalogue', 'packages/core', 'packages/texts', 'apps/cli'];
/** Generated or installed on the way, or not needed for the CLI: never copied. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.turbo', '.git', 'generated', 'test-artifacts']);
const NOT_NEEDED = new Set(['apps/web', 'apps/api', 'bench']);
/** A hang guard for each step; builds take seconds to a minute. */
const STEP_TIMEOUT_MS = 5 * 60_000;

const TITLE = 'Walk-through refusal';
const SUMMARY = 'The server refuses the recipient because of a rule that only this walk-through test knows.';

let copy = '';

function run(command: string, args: string[], cwd = copy) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: STEP_TIMEOUT_MS, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1', INIT_CWD: cwd } });
  if (result.error) throw result.error;
  return result;
}

function succeed(command: string, args: string[], cwd = copy): string {
  const result = run(command, args, cwd);
  expect(result.status, `${command} ${args.join(' ')} in ${relative(copy, cwd) || '.'}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** What a contributor writes in place of each empty value of the skeleton. */
const FILLED: Record<string, string> = {
  replyText: 'Recipient refused by walk-through rule',
  title: TITLE,
  summary: SUMMARY,
  description: 'The test invents this code to follow a contributor from a new file to the built CLI. It means nothing on a real server, and it never leaves the copy of the repository the test works in.',
  whenYouSeeIt: 'Only in the copy of the repository that the walk-through test builds, right after RCPT TO.',
  sender: 'Nothing: the code exists only inside a test.',
  operator: 'Nothing: no real server sends it.',
  whenToSend: 'Never on a real server; the walk-through test alone sends it.',
  onReceive: 'A client would treat it as a permanent refusal of one recipient and go on with the others.',
  retry: 'after-change',
  scope: 'recipient',
  connection: 'open',
  phases: '[rcpt]',
  actors: '[sender]',
  references: ['', '  - RFC 5321 §4.2.3'].join('\n'),
  origin: 'rfc',
  status: 'registered',
};

function fillIn(skeleton: string): string {
  return skeleton.replace(/^(\s*)(\w+): (""|\[\])$/gm, (line, indent: string, field: string) => {
    const value = FILLED[field];
    if (value === undefined) return line;
    if (value.startsWith('\n') || value.startsWith('[')) return `${indent}${field}:${value.startsWith('[') ? ' ' : ''}${value}`;
    return `${indent}${field}: ${/[:#]/.test(value) ? JSON.stringify(value) : value}`;
  });
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'protocodes-walkthrough-'));
  cpSync(repoRoot, copy, {
    recursive: true,
    filter: (source) => {
      const path = relative(repoRoot, source).split(sep).join('/');
      return !NOT_COPIED.has(basename(source)) && !NOT_NEEDED.has(path);
    },
  });
  // Third-party packages are shared with the checkout; each package's own node_modules holds
  // relative links to its workspace neighbours, which must point into the copy, so it is copied.
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
  for (const pkg of BUILT_PACKAGES) {
    cpSync(join(repoRoot, pkg, 'node_modules'), join(copy, pkg, 'node_modules'), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !/[/\\]\.vite(-temp)?$/.test(source),
    });
  }
}, 5 * 60_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('the contributor walk-through, in a copy of the repository', () => {
  const codeFile = 'catalogue/protocols/smtp/codes/557.yaml';

  it('goes from `new smtp 557` to `protocodes show smtp 557`', { timeout: 15 * 60_000 }, () => {
    const catalogueCli = join(copy, 'packages', 'catalogue', 'dist', 'cli.js');
    succeed('npm', ['run', '--silent', 'build'], join(copy, 'packages', 'catalogue'));

    // A throwaway history in the copy, so that catalogue:preview has a base to compare with.
    const gitIdentity = ['-c', 'user.name=walkthrough', '-c', 'user.email=walkthrough@example.invalid', '-c', 'commit.gpgsign=false'];
    succeed('git', ['init', '--quiet', '--initial-branch=main']);
    succeed('git', ['add', '--all']);
    succeed('git', [...gitIdentity, 'commit', '--quiet', '--no-verify', '--message', 'before the walk-through']);

    succeed(process.execPath, [catalogueCli, 'new', 'smtp', '557']);
    const skeleton = readFileSync(join(copy, codeFile), 'utf8');
    const unfilled = run(process.execPath, [catalogueCli, 'check']);
    expect(unfilled.status).toBe(1);
    expect(unfilled.stdout).toMatch(/557\.yaml:\d+:\d+ empty-value title is empty\n\s+hint: Our short name for the code/);
    expect(run(process.execPath, [catalogueCli, 'new', 'smtp', '557']).stderr).toMatch(/557\.yaml already exists/);

    writeFileSync(join(copy, codeFile), fillIn(skeleton));
    const checked = succeed(process.execPath, [catalogueCli, 'check']);
    expect(checked).toMatch(/locales\/fr\/smtp\.yaml:\d+:\d+ translation-missing \(warning\) 1 code not translated yet: 557/);
    succeed(process.execPath, [catalogueCli, 'check', '--fix']);
    expect(readFileSync(join(copy, 'catalogue/locales/fr/smtp.yaml'), 'utf8')).toMatch(/^ {2}# "?557"?:$/m);

    for (const pkg of BUILT_PACKAGES.slice(1)) succeed('npm', ['run', '--silent', 'build'], join(copy, pkg));
    const shown = succeed(process.execPath, [join(copy, 'apps', 'cli', 'dist', 'protocodes.js'), 'show', 'smtp', '557', '--lang', 'en']);
    expect(shown).toContain(`SMTP 557 ${TITLE}`);
    expect(shown).toContain(SUMMARY);
    const inFrench = succeed(process.execPath, [join(copy, 'apps', 'cli', 'dist', 'protocodes.js'), 'show', 'smtp', '557', '--lang', 'fr']);
    expect(inFrench).toContain(SUMMARY);

    const preview = succeed(process.execPath, [join(copy, 'scripts', 'catalogue-preview.mjs')]);
    expect(preview).toContain(`## SMTP 557 ${TITLE} (explanation)`);
    expect(preview).toMatch(/<details><summary>fr \(French\): /);
    expect(preview).toContain('```html\n<article');
  });

  it('leaves the real repository alone', () => {
    expect(existsSync(join(repoRoot, codeFile))).toBe(false);
    expect(readFileSync(join(repoRoot, 'catalogue/locales/fr/smtp.yaml'), 'utf8')).not.toMatch(/^ {2}(# )?"?557"?:/m);
  });
});
