// Export to XLIFF and PO, and import back: a round trip changes nothing, an edited target lands in
// the locale's file with its hash, and stale or unknown units are refused with nothing written.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copySmallCatalogue } from '../test/copy-catalogue.js';
import { exportUnits, importUnits, readExchangeFile, toPo, toXliff } from './exchange.js';
import { loadCatalogue } from './load.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'protocodes-exchange-'));
const root = join(work, 'catalogue');
copySmallCatalogue(join(packageRoot, '..', '..', 'catalogue'), root);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const snapshot = (folder: string) => Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
const cli = (...args: string[]) => spawnSync(process.execPath, [join(packageRoot, 'dist', 'cli.js'), ...args, '--catalogue', root], { cwd: work, encoding: 'utf8', env: { ...process.env, INIT_CWD: work } });

describe('export and import', () => {
  it('exports every English text of a locale with its translation and its hash', () => {
    const units = exportUnits(loadCatalogue(root), 'vi');
    expect(units.length).toBeGreaterThan(3000);
    expect(units.every((u) => u.target !== undefined && /^[0-9a-f]{12}$/.test(u.hash))).toBe(true);
    expect(units.find((u) => u.file === 'smtp' && u.id === 'codes/554/title')).toMatchObject({ source: 'Transaction failed', target: 'Giao dịch thất bại' });
    expect(units.find((u) => u.file === 'messages' && u.id === 'title.comparison')?.source).toContain('{{b.title}}');
  });

  it.each(['xliff', 'po'])('round-trips %s without changing a byte', async (format) => {
    const before = snapshot(join(root, 'locales', 'vi'));
    const exported = cli('export', '--locale', 'vi', '--format', format);
    expect(exported.status, exported.stderr).toBe(0);
    const file = join(work, `protocodes-vi.${format === 'po' ? 'po' : 'xlf'}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(format === 'po' ? /^msgid ""\nmsgstr ""\n"Project-Id-Version/ : /^<xliff xmlns="urn:oasis:names:tc:xliff:document:2\.0" version="2\.0" srcLang="en" trgLang="vi">/);
    const imported = cli('import', file);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('imported vi: 0 entries new or changed, no file changed');
    expect(snapshot(join(root, 'locales', 'vi'))).toEqual(before);
  });

  it('writes an edited translation with the hash of its English, and nothing else', async () => {
    const catalogue = loadCatalogue(root);
    const units = exportUnits(catalogue, 'vi').map((u) => (u.file === 'smtp' && u.id === 'codes/554/title' ? { ...u, target: 'Giao dịch bị từ chối' } : u));
    const { locale, units: read } = await readExchangeFile(toPo(units, 'vi'));
    const before = readFileSync(join(root, 'locales', 'vi', 'smtp.yaml'), 'utf8');
    const result = importUnits(catalogue, locale, read);
    expect([result.changed, result.written]).toEqual([1, ['locales/vi/smtp.yaml']]);
    const after = readFileSync(join(root, 'locales', 'vi', 'smtp.yaml'), 'utf8');
    expect(after).toContain('  554:\n    source: ');
    expect(after.slice(0, before.indexOf('  554:'))).toBe(before.slice(0, before.indexOf('  554:')));
    const reloaded = loadCatalogue(root);
    expect(reloaded.diagnostics.filter((d) => d.file.includes('locales/vi/'))).toEqual([]);
    expect(exportUnits(reloaded, 'vi').find((u) => u.id === 'codes/554/title')?.target).toBe('Giao dịch bị từ chối');
    writeFileSync(join(root, 'locales', 'vi', 'smtp.yaml'), before);
  });

  it('refuses stale and unknown units and writes nothing', async () => {
    const catalogue = loadCatalogue(root);
    const units = exportUnits(catalogue, 'vi');
    const stale = units.map((u) => (u.id === 'codes/554/title' ? { ...u, hash: '000000000000' } : u));
    const unknown = [...units, { file: 'smtp', id: 'codes/999/title', source: 'Nope', target: 'Không', hash: '000000000000' }];
    const before = snapshot(join(root, 'locales', 'vi'));
    expect(() => importUnits(catalogue, 'vi', stale)).toThrow(/nothing imported: 1 unit cannot be used\n {2}smtp:codes\/554\/title is stale: the English of smtp codes\/554 changed since the export/);
    expect(() => importUnits(catalogue, 'vi', unknown)).toThrow(/smtp:codes\/999\/title is not in the catalogue/);
    const refused = cli('import', (writeFileSync(join(work, 'stale.xlf'), await toXliff(stale, 'vi')), 'stale.xlf'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^protocodes-catalogue: nothing imported/);
    expect(snapshot(join(root, 'locales', 'vi'))).toEqual(before);
  });

  it('fills a new draft locale, entry by entry, and says which entries are incomplete', async () => {
    mkdirSync(join(root, 'locales', 'eo'));
    writeFileSync(join(root, 'locales', 'eo', 'messages.yaml'), 'locale:\n  name: Esperanto\n  englishName: Esperanto\n  dir: ltr\n  draft: true\nmessages: {}\n');
    const catalogue = loadCatalogue(root);
    const units = exportUnits(catalogue, 'eo');
    expect(units.every((u) => u.target === undefined)).toBe(true);
    const filled = units.map((u) =>
      u.id === 'heading.description' ? { ...u, target: 'Priskribo' } : u.file === 'smtp' && u.id.startsWith('codes/250/') ? { ...u, target: `eo: ${u.source}` } : u.id === 'codes/251/title' ? { ...u, target: 'Ne loka uzanto' } : u,
    );
    const result = importUnits(catalogue, 'eo', filled);
    expect(result.incomplete).toEqual(['smtp:codes/251']);
    expect(result.written.sort()).toEqual(['locales/eo/messages.yaml', 'locales/eo/smtp.yaml']);
    const reloaded = loadCatalogue(root);
    expect(reloaded.diagnostics.filter((d) => d.file.includes('locales/eo/') && d.level !== 'warning')).toEqual([]);
    const eo = reloaded.locales.find((l) => l.id === 'eo')!;
    expect(eo.status.find((s) => s.scope === 'messages')!.fresh).toBe(1);
    expect(eo.status.find((s) => s.scope === 'smtp')!.fresh).toBe(1);
  });

  it('says what is wrong with a file it cannot use', async () => {
    await expect(readExchangeFile('hello')).rejects.toThrow(/neither an XLIFF 2\.0 file nor a gettext PO file/);
    await expect(readExchangeFile('msgid ""\nmsgstr ""\n')).rejects.toThrow(/no Language header/);
    expect(cli('export', '--locale', 'xx', '--format', 'po').stderr).toMatch(/there is no locale "xx" in the catalogue/);
    expect(cli('export', '--locale', 'vi', '--format', 'csv').stderr).toContain('export needs --format xliff or po');
  });
});
