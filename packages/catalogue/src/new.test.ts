import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copySmallCatalogue } from '../test/copy-catalogue.js';
import { withTranslationStub } from './new.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const realCatalogue = join(packageRoot, '..', '..', 'catalogue');
const cli = join(packageRoot, 'dist', 'cli.js');
const copy = mkdtempSync(join(tmpdir(), 'protocodes-new-'));
copySmallCatalogue(realCatalogue, copy);
// Without a README the check skips the generated field reference, which `new` never touches.
rmSync(join(copy, 'README.md'));

afterAll(() => rmSync(copy, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args, '--catalogue', copy], { encoding: 'utf8', cwd: copy, env: { ...process.env, INIT_CWD: copy } });

describe('new <protocol> <code>', () => {
  it('refuses, in one line and with exit code 2, what it cannot start', () => {
    const refusals: [string[], RegExp][] = [
      [['imap', '200'], /^protocodes-catalogue: unknown protocol "imap"; protocols: ftp, http, smtp\n$/],
      [['smtp', '55'], /^protocodes-catalogue: "55" is not a code: SMTP codes are three digits, such as \d{3}, or an enhanced status code such as X\.7\.1\n$/],
      [['smtp', '657'], /^protocodes-catalogue: 657: SMTP has no class 6 \(its classes in protocol.yaml: 2, 3, 4, 5\)\n$/],
      [['ftp', '560'], /^protocodes-catalogue: 560: FTP has no category 6 /],
      [['smtp', '554'], /^protocodes-catalogue: protocols\/smtp\/codes\/554\.yaml already exists; edit it instead\n$/],
      [['smtp'], /^protocodes-catalogue: new needs a protocol and a code/],
    ];
    for (const [args, message] of refusals) {
      const result = run('new', ...args);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.status, args.join(' ')).toBe(2);
    }
  });

  it('writes a skeleton whose only problems are the values left to fill in, each with what to write', () => {
    expect(run('new', 'http', '432').status).toBe(0);
    const skeleton = readFileSync(join(copy, 'protocols/http/codes/432.yaml'), 'utf8');
    expect(skeleton).toMatch(/^class: 4$/m);
    expect(skeleton).toMatch(/^# redirect: ""$/m);
    expect(skeleton).not.toMatch(/^(# )?(scope|phases|retryWhen):/m);

    const check = run('check');
    expect(check.status).toBe(1);
    const problems = check.stdout.split('\n').filter((line) => /^\S+:\d+:\d+ /.test(line));
    expect(problems.every((line) => line.startsWith('protocols/http/codes/432.yaml:'))).toBe(true);
    expect(new Set(problems.map((line) => line.split(' ')[1]))).toEqual(new Set(['empty-value', 'invalid-value', 'invalid-format', 'wrong-type']));
    expect(check.stdout).toContain('empty-value title is empty\n    hint: Our short name for the code, in sentence case.');
    expect(check.stdout).toContain('wrong-type cacheable must be true or false, found nothing');
  });

  it('leaves each locale a commented stub, in code order, that --fix does not stamp', () => {
    expect(run('new', 'smtp', '557').status).toBe(0);
    const vietnamese = readFileSync(join(copy, 'locales/vi/smtp.yaml'), 'utf8');
    expect(vietnamese).toMatch(/^ {2}# 557 is not translated yet[^]*^ {2}# 557:\n {2}# {3}title: ""\n/m);
    // In code order: after 556's entry, before the pairs.
    expect(vietnamese.indexOf('# 557:')).toBeGreaterThan(vietnamese.indexOf('\n  556:'));
    expect(vietnamese.indexOf('# 557:')).toBeLessThan(vietnamese.indexOf('\npairs:'));
    run('check', '--fix');
    expect(readFileSync(join(copy, 'locales/vi/smtp.yaml'), 'utf8')).toBe(vietnamese);
  });
});

describe('new smtp <enhanced code>', () => {
  it('starts an enhanced status code, with the class it was given, and stubs it in the enhanced section', () => {
    expect(run('new', 'smtp', '5.7.99').status).toBe(0);
    expect(readFileSync(join(copy, 'protocols/smtp/enhanced/X.7.99.yaml'), 'utf8')).toMatch(/^code: X\.7\.99\n[^]*^inClass:\n {2}- class: 5\n {4}meaning: ""$/m);
    const vietnamese = readFileSync(join(copy, 'locales/vi/smtp.yaml'), 'utf8');
    expect(vietnamese.indexOf('  # X.7.99:')).toBeGreaterThan(vietnamese.indexOf('\n  X.7.30:'));
    expect(vietnamese.indexOf('  # X.7.99:')).toBeLessThan(vietnamese.indexOf('\nproviders:'));
    expect(run('new', 'smtp', 'X.9.1').stderr).toBe('protocodes-catalogue: X.9.1: SMTP has no subject 9 (its subjects in protocol.yaml: 0, 1, 2, 3, 4, 5, 6, 7)\n');
  });
});

describe('withTranslationStub', () => {
  const code500 = { id: '500', folder: 'codes' as const, stubFields: ['title'], sortKey: (id: string) => [Number(id)] };
  const file = ['protocol:', '  title: T', 'codes:', '  "250":', '    title: A', '', '  # A note about 554.', '  "554":', '    title: B', 'pairs: {}', ''].join('\n');

  it('puts the stub before the first larger code, above that code\'s own comments', () => {
    const lines = withTranslationStub(file, code500, 'protocols/smtp/codes/500.yaml').split('\n');
    const stub = lines.indexOf('  # "500":');
    expect(lines[stub + 1]).toBe('  #   title: ""');
    expect(stub).toBeGreaterThan(lines.indexOf('    title: A'));
    expect(stub).toBeLessThan(lines.indexOf('  # A note about 554.'));
  });

  it('adds a commented codes section to a file that has none', () => {
    expect(withTranslationStub('protocol:\n  title: T\n', code500, 'x.yaml')).toMatch(/\n# codes:\n# 500 is not translated yet[^]*\n# "?500"?:\n/);
  });
});
