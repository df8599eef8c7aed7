import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCatalogue, draftFileTest } from './compile.js';
import { RULES } from './diagnostics.js';
import { withFieldDocs } from './docs.js';
import { fixFile } from './fix.js';
import { loadCatalogue } from './load.js';
import { codeEntrySchema } from './schema.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(packageRoot, 'test', 'fixtures');
const cli = join(packageRoot, 'dist', 'cli.js');
const temporary: string[] = [];

function copyOfFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'protocodes-catalogue-'));
  temporary.push(dir);
  cpSync(join(fixtures, name), dir, { recursive: true });
  return dir;
}

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a broken catalogue', () => {
  const { diagnostics } = loadCatalogue(join(fixtures, 'broken'), join(fixtures, 'broken'));
  const where = diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);

  it('reports every problem at its file, line, column and rule', () => {
    expect(where).toEqual([
      'protocols/smtp/codes/251.yaml:3:8 yaml-syntax',
      'protocols/smtp/codes/252.yaml:14:1 duplicate-key',
      'protocols/smtp/codes/253.yaml:1:1 missing-field',
      'protocols/smtp/codes/253.yaml:4:1 unknown-field',
      'protocols/smtp/codes/450.yaml:19:16 related-exists',
      'protocols/smtp/codes/451.yaml:1:1 missing-field',
      'protocols/smtp/codes/452.yaml:5:33 template-syntax',
      'protocols/smtp/codes/455.yaml:12:8 class-digit',
      'protocols/smtp/codes/550.yaml:2:1 key-order',
      'protocols/smtp/codes/550.yaml:6:21 doubled-word',
      'protocols/smtp/codes/550.yaml:22:5 reference-format',
    ]);
  });

  it('says what is wrong and how to fix it', () => {
    const byRule = Object.fromEntries(diagnostics.map((d) => [d.rule + (d.file.includes('253') ? ':253' : ''), d]));
    expect(byRule['unknown-field:253']?.message).toBe('unknown field "sumary" in the entry');
    expect(byRule['unknown-field:253']?.hint).toMatch(/^did you mean "summary"\?/);
    expect(byRule['class-digit']?.hint).toBe('set class: 4');
    expect(byRule['related-exists']?.message).toBe('related code 459 has no entry in smtp/codes/');
    expect(byRule['doubled-word']?.message).toBe('"the the" repeats a word');
    expect(byRule['reference-format']?.hint).toBe('write "RFC 5321 §4.2.3"');
    expect(byRule['key-order']?.message).toBe('"code" should come before "replyText"');
    for (const d of diagnostics) {
      expect(RULES, `rule ${d.rule} is documented`).toHaveProperty(d.rule);
      expect(d.hint, `${d.rule} has a hint`).toBeTruthy();
    }
  });

  it('leaves broken files out of the loaded data but keeps the valid ones', () => {
    const catalogue = loadCatalogue(join(fixtures, 'broken'));
    const codes = catalogue.protocols[0]!.codes.map((c) => c.value.code);
    expect(codes).toContain(250);
    expect(codes).not.toContain(251);
    expect(codes).not.toContain(253);
  });
});

describe('--fix', () => {
  it('repairs key order and reference spelling, keeps everything else, and leaves the rest reported', () => {
    const dir = copyOfFixture('broken');
    const before = loadCatalogue(dir, dir);
    const { file } = before.files.find(({ file }) => file.path.endsWith('550.yaml'))!;
    expect(fixFile(file, codeEntrySchema)).toBe(true);

    const fixedText = readFileSync(join(dir, file.path), 'utf8');
    expect(fixedText.split('\n').slice(0, 2)).toEqual(['code: 550', 'replyText: Requested mail action okay, completed']);
    expect(fixedText).toContain('  - RFC 5321 §4.2.3');
    expect(fixedText.split('\n').sort()).toEqual(file.text.replace('rfc5321 section 4.2.3', 'RFC 5321 §4.2.3').split('\n').sort());

    const after = loadCatalogue(dir, dir).diagnostics.filter((d) => d.file.endsWith('550.yaml')).map((d) => d.rule);
    expect(after).toEqual(['doubled-word']);
  });

  it('changes nothing in a file without mechanical problems', () => {
    const dir = copyOfFixture('broken');
    const catalogue = loadCatalogue(dir, dir);
    const { file } = catalogue.files.find(({ file }) => file.path.endsWith('250.yaml'))!;
    expect(fixFile(file, codeEntrySchema)).toBe(false);
  });
});

const realCatalogue = loadCatalogue(join(packageRoot, '..', '..', 'catalogue'));
// A draft locale is still being translated: its missing texts and glossary slips are warnings to
// work through, but nothing in it may be an error, and nothing outside drafts may warn.
const inDraft = draftFileTest(realCatalogue);

describe('the real catalogue', () => {
  const catalogue = realCatalogue;

  it('has no problems outside draft locales, and no errors in them', () => {
    const problems = catalogue.diagnostics.filter((d) => !(inDraft(d.file) && d.level === 'warning'));
    expect(problems.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([]);
  });

  it('has a generated field reference that matches the schema', () => {
    const readme = readFileSync(join(catalogue.root, 'README.md'), 'utf8');
    expect(withFieldDocs(readme)).toBe(readme);
  });

  it('compiles to the same bytes every time', () => {
    const out = mkdtempSync(join(tmpdir(), 'protocodes-compiled-'));
    temporary.push(out);
    const first = compileCatalogue(catalogue, out);
    const firstText = readFileSync(join(out, 'smtp.ts'), 'utf8');
    const second = compileCatalogue(catalogue, out);
    expect(first.written.length).toBeGreaterThan(0);
    expect(second.written).toEqual([]);
    expect(readFileSync(join(out, 'smtp.ts'), 'utf8')).toBe(firstText);
  });
});

describe('the protocodes-catalogue binary', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: packageRoot });

  it('exits 1 and prints path:line:col rule message for a broken catalogue', () => {
    const result = run('check', '--catalogue', join(fixtures, 'broken'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('test/fixtures/broken/protocols/smtp/codes/455.yaml:12:8 class-digit class is 5, but code 455 starts with 4\n    hint: set class: 4');
    expect(result.stderr).toMatch(/^\n11 problems in 8 files \(2 fixable with --fix\)\n$/);
  });

  it('exits 0 for the real catalogue', () => {
    const result = run('check');
    // Only warnings of draft locales, each with its hint line.
    const warnings = result.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('    hint: '));
    expect(warnings.filter((line) => !/^\S+:\d+:\d+ \S+ \(warning\) /.test(line) || !inDraft(line.split(' ')[0]!))).toEqual([]);
    const [ok, ...statuses] = result.stderr.trimEnd().split('\n').reverse();
    expect(ok).toMatch(
      /^catalogue ok: \d+ files, 58 ftp codes, \d+ ftp pair notes, 88 http codes, \d+ http pair notes, 38 smtp codes, \d+ smtp pair notes, 81 smtp enhanced codes, \d+ provider rules from \d+ providers(?:, \d+ warnings?)? \(\d+ ms\)$/,
    );
    // Every published locale complete; drafts counted as far as they go.
    expect(statuses).toContainEqual(expect.stringMatching(/^vi: messages (\d+)\/\1, ftp (\d+)\/\2, http (\d+)\/\3, smtp (\d+)\/\4$/));
    for (const line of statuses) expect(line).toMatch(/^[a-zA-Z-]+(?:: messages (\d+)\/\1, ftp (\d+)\/\2, http (\d+)\/\3, smtp (\d+)\/\4| \(draft, not compiled\): messages \d+\/\d+, ftp \d+\/\d+, http \d+\/\d+, smtp \d+\/\d+.*)$/);
    expect(result.status).toBe(0);
  });

  it('exits 2 with usage for a mistaken command line', () => {
    for (const args of [['chek'], [], ['check', '--fx'], ['compile']]) {
      const result = run(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^protocodes-catalogue: .+\n/);
      expect(result.stderr).toContain('usage: protocodes-catalogue');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' })).toContain('check [--fix]');
  });
});
