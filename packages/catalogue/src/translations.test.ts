import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { copySmallCatalogue } from '../test/copy-catalogue.js';
import { compileBlockers, compileCatalogue, publishedLocales } from './compile.js';
import { stampTranslations } from './fix.js';
import { loadCatalogue } from './load.js';
import { protocolWords, sourceHash } from './translations.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const fixture = join(packageRoot, 'test', 'fixtures', 'translations');
const copies: string[] = [];
afterEach(() => copies.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('translation checks', () => {
  const catalogue = loadCatalogue(fixture, fixture);
  const where = catalogue.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}${d.level ? ` (${d.level})` : ''}`);

  it('reports missing, extra, stale and unstamped translations, placeholders and protocol words', () => {
    expect(where).toEqual([
      'locales/en_US:1:1 locale-tag',
      'locales/vi/messages.yaml:8:5 translation-unstamped',
      'locales/vi/messages.yaml:9:5 translation-extra',
      'locales/vi/messages.yaml:11:5 placeholder-mismatch',
      'locales/vi/smtp.yaml:1:1 translation-missing (warning)',
      'locales/vi/smtp.yaml:1:1 translation-missing (warning)',
      'locales/vi/smtp.yaml:6:5 protocol-words',
      'locales/vi/smtp.yaml:14:5 translation-stale (warning)',
      'locales/vi/smtp.yaml:24:3 translation-extra',
      'protocols/smtp/pairs/450-251.yaml:1:8 pair-codes',
      'protocols/smtp/pairs/450-251.yaml:1:8 pair-codes',
      'protocols/smtp/pairs/450-251.yaml:1:8 pair-codes',
    ]);
  });

  it('gives the new hash for a stale translation, and counts per locale', () => {
    const stale = catalogue.diagnostics.find((d) => d.rule === 'translation-stale')!;
    const english = catalogue.protocols[0]!.codes.find((c) => c.value.code === 450)!.value;
    expect(stale.hint).toContain(`set source: ${sourceHash({
      title: english.title,
      summary: english.summary,
      description: english.description,
      whenYouSeeIt: english.whenYouSeeIt,
      howToFix: english.howToFix,
      whenToSend: english.whenToSend,
      onReceive: english.onReceive,
    })}`);
    const vi = catalogue.locales.find((l) => l.id === 'vi')!;
    expect(vi.status).toEqual([
      { scope: 'messages', total: 3, fresh: 2, stale: [], missing: [] },
      { scope: 'smtp', total: 4, fresh: 1, stale: ['450'], missing: ['protocol', 'pairs/250-450'] },
    ]);
  });

  it('names the placeholders that differ and the words that were dropped', () => {
    const byRule = Object.fromEntries(catalogue.diagnostics.map((d) => [d.rule, d]));
    expect(byRule['placeholder-mismatch']?.message).toBe('message sentence.outcome uses {{a.cod}}, {{a.outcome}} but the English uses {{a.code}}, {{a.outcome}}');
    expect(byRule['protocol-words']?.message).toBe('the English has "RCPT", "TO", which the translation does not');
    expect(protocolWords('Send 550 5.1.1 after RCPT TO, not SMTP.')).toEqual(['550', '5.1.1', 'RCPT', 'TO', 'SMTP']);
  });

  it('--fix stamps unstamped translations and leaves stale ones for a person', () => {
    const dir = mkdtempSync(join(tmpdir(), 'protocodes-translations-'));
    copies.push(dir);
    cpSync(fixture, dir, { recursive: true });
    const changed = stampTranslations(loadCatalogue(dir, dir));
    expect(changed).toEqual(['locales/vi/messages.yaml']);
    expect(readFileSync(join(dir, 'locales/vi/messages.yaml'), 'utf8')).toMatch(/\nsources:\n  heading\.description: \w{12}\n  heading\.howToFix: \w{12}\n  sentence\.outcome: \w{12}\n$/);
    const after = loadCatalogue(dir, dir).diagnostics.map((d) => d.rule);
    expect(after).not.toContain('translation-unstamped');
    expect(after).toContain('translation-stale');
  });
});

describe('a draft locale', () => {
  it('is checked and counted, but compiles to exactly what the catalogue compiles to without it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'protocodes-draft-'));
    copies.push(dir);
    // Two copies in the same layout, so that the paths the version hashes are the same.
    const real = join(packageRoot, '..', '..', 'catalogue');
    for (const copy of ['with', 'without']) copySmallCatalogue(real, join(dir, copy, 'catalogue'));
    // Esperanto: a language nobody is translating, so the folder is new.
    mkdirSync(join(dir, 'with', 'catalogue', 'locales', 'eo'));
    writeFileSync(
      join(dir, 'with', 'catalogue', 'locales', 'eo', 'messages.yaml'),
      'locale:\n  name: Esperanto\n  englishName: Esperanto\n  dir: ltr\n  draft: true\nmessages:\n  heading:\n    description: Priskribo\n',
    );
    const withDraft = loadCatalogue(join(dir, 'with', 'catalogue'), join(dir, 'with'));
    const eo = withDraft.locales.find((l) => l.id === 'eo')!;
    expect(eo.draft).toBe(true);
    expect(eo.status.find((s) => s.scope === 'messages')!.fresh).toBe(0);
    const eoProblems = withDraft.diagnostics.filter((d) => d.file.includes('locales/eo/'));
    expect(eoProblems.map((d) => d.rule)).toContain('translation-unstamped');
    expect(eoProblems.filter((d) => d.rule === 'translation-missing').every((d) => d.level === 'warning')).toBe(true);
    // The draft's errors are catalogue:check's business; they do not stop a compile.
    expect(compileBlockers(withDraft)).toEqual([]);
    const without = loadCatalogue(join(dir, 'without', 'catalogue'), join(dir, 'without'));
    const outWith = join(dir, 'compiled-with');
    const outWithout = join(dir, 'compiled-without');
    compileCatalogue(withDraft, outWith);
    compileCatalogue(without, outWithout);
    const files = (root: string) => readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
    expect(files(outWith)).toEqual(files(outWithout));
    for (const name of ['locales.ts', 'version.ts']) expect(readFileSync(join(outWith, name), 'utf8'), name).toBe(readFileSync(join(outWithout, name), 'utf8'));
    expect(publishedLocales(withDraft).map((l) => l.id)).toEqual(publishedLocales(without).map((l) => l.id));
  });
});

describe('the real catalogue\'s translations', () => {
  const catalogue = loadCatalogue(join(packageRoot, '..', '..', 'catalogue'));

  it('has Vietnamese complete and fresh: every message, protocol text, code and pair note', () => {
    const vi = catalogue.locales.find((l) => l.id === 'vi');
    expect(vi, 'catalogue/locales/vi').toBeDefined();
    for (const status of vi!.status) {
      expect(status.missing, `${status.scope} missing`).toEqual([]);
      expect(status.stale, `${status.scope} stale`).toEqual([]);
      expect(status.fresh, status.scope).toBe(status.total);
    }
    expect(vi!.status.map((s) => s.scope)).toEqual(['messages', 'ftp', 'http', 'smtp']);
  });

  it('follows the Vietnamese glossary, and reports a discouraged variant at its line and column', () => {
    expect(catalogue.diagnostics.filter((d) => d.rule === 'glossary' && d.file.includes('locales/vi/'))).toEqual([]);
    const vi = catalogue.locales.find((l) => l.id === 'vi')!;
    expect(vi.glossary?.value.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['relay', 'forwarding', 'client', 'reply text']));

    const dir = mkdtempSync(join(tmpdir(), 'protocodes-glossary-'));
    copies.push(dir);
    copySmallCatalogue(join(packageRoot, '..', '..', 'catalogue'), dir);
    const path = join(dir, 'locales', 'vi', 'smtp.yaml');
    const lines = readFileSync(path, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('    title: ')) + 1;
    lines[line - 1] = '    title: Máy chủ Chuyển tiếp từ chối';
    writeFileSync(path, lines.join('\n'));

    const result = spawnSync(process.execPath, [join(packageRoot, 'dist', 'cli.js'), 'check', '--catalogue', dir], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `locales/vi/smtp.yaml:${line}:12 glossary (warning) "máy chủ chuyển tiếp" is a discouraged rendering of "relay"\n    hint: write "relay (máy chủ relay)", as locales/vi/glossary.yaml says`,
    );
  });
});
