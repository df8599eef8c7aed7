#!/usr/bin/env node
// protocodes-catalogue: check (and --fix), compile and document the catalogue.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileBlockers, compileCatalogue } from './compile.js';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { EXCHANGE_FORMATS, ExchangeError, exportUnits, importUnits, readExchangeFile, toPo, toXliff } from './exchange.js';
import { withFieldDocs } from './docs.js';
import { fixFile, stampTranslations } from './fix.js';
import { loadCatalogue } from './load.js';
import { newEntry, NewEntryError } from './new.js';

const USAGE = `usage: protocodes-catalogue <command> [options]

commands:
  check [--fix]        validate and lint every file; --fix repairs what is mechanical
  compile --out <dir>  check, then write @protocodes/core's data modules into <dir>
  docs                 regenerate the field reference in catalogue/README.md
  new <protocol> <code>
                       start a new code: write protocols/<protocol>/codes/<code>.yaml with every
                       field and what to write in it, and a commented stub in each locale file;
                       for SMTP, a code such as X.7.30 starts an enhanced status code
  export --locale <id> --format xliff|po [--out <file>]
                       write a locale's texts for a translation tool (XLIFF 2.0 or gettext PO):
                       every English text, its translation when it is current, and the hash of
                       its English; --out - writes to stdout (default: protocodes-<id>.xlf or .po)
  import <file>        read such a file back into locales/<id>/, with the hashes of the English;
                       refuses the whole file when a unit is stale or not in the catalogue

options:
  --catalogue <dir>    the catalogue folder (default: the repository's catalogue/)
  --help               show this help`;

const defaultCatalogue = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'catalogue');

function fail(message: string, code = 2): never {
  process.stderr.write(`protocodes-catalogue: ${message}\n`);
  process.exit(code);
}

function docsDiagnostic(root: string, fix: boolean): Diagnostic[] {
  const readmePath = join(root, 'README.md');
  // A catalogue without a README (a test fixture, say) has no generated docs to keep in step.
  if (!existsSync(readmePath)) return [];
  const current = readFileSync(readmePath, 'utf8');
  const expected = withFieldDocs(current);
  const file = relative(process.cwd(), readmePath).split(sep).join('/');
  if (expected === undefined) {
    return [{ file, line: 1, column: 1, rule: 'docs-drift', message: 'the generated field reference markers are missing', hint: 'restore the <!-- fields:start … --> and <!-- fields:end --> lines' }];
  }
  if (expected === current) return [];
  if (fix) {
    writeFileSync(readmePath, expected);
    return [];
  }
  const line = current.slice(0, current.indexOf('<!-- fields:start')).split('\n').length;
  return [{ file, line, column: 1, rule: 'docs-drift', message: 'the field reference is out of date with the schema', hint: 'edit packages/catalogue/src/schema.ts, never this section; then run npm run catalogue:docs', fixable: true }];
}

function check(root: string, fix: boolean): number {
  const started = performance.now();
  let catalogue = loadCatalogue(root);
  if (fix) {
    let fixed = 0;
    for (const { file, schema } of catalogue.files) {
      if (fixFile(file, schema)) fixed++;
    }
    if (fixed > 0) catalogue = loadCatalogue(root);
    const stamped = stampTranslations(catalogue);
    if (stamped.length > 0) catalogue = loadCatalogue(root);
    fixed += stamped.length;
    if (fixed > 0) process.stderr.write(`fixed ${fixed} file${fixed === 1 ? '' : 's'}\n`);
  }
  const diagnostics = [...catalogue.diagnostics, ...docsDiagnostic(root, fix)];
  for (const d of diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
  const ms = Math.round(performance.now() - started);
  const extra = (p: (typeof catalogue.protocols)[number]) => (p.enhanced.length ? `, ${p.enhanced.length} ${p.id} enhanced codes` : '') + (p.providers.length ? `, ${p.providers.reduce((n, f) => n + f.value.rules.length, 0)} provider rules from ${p.providers.length} providers` : '');
  const contents = catalogue.protocols.map((p) => `${p.codes.length} ${p.id} codes, ${p.pairs.length} ${p.id} pair notes${extra(p)}`).join(', ');
  for (const locale of catalogue.locales) {
    if (locale.status.length === 0) continue;
    const parts = locale.status.map((s) => `${s.scope} ${s.fresh}/${s.total}${s.stale.length ? ` (${s.stale.length} stale)` : ''}`);
    process.stderr.write(`${locale.id}${locale.draft ? ' (draft, not compiled)' : ''}: ${parts.join(', ')}\n`);
  }
  const errors = diagnostics.filter((d) => d.level !== 'warning');
  const warnings = diagnostics.length - errors.length;
  if (errors.length > 0) {
    const files = new Set(errors.map((d) => d.file)).size;
    const fixable = errors.filter((d) => d.fixable).length;
    process.stderr.write(
      `\n${errors.length} problem${errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}` +
        `${fixable ? ` (${fixable} fixable with --fix)` : ''}${warnings ? `, and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`,
    );
    return 1;
  }
  process.stderr.write(`catalogue ok: ${catalogue.files.length} files, ${contents}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''} (${ms} ms)\n`);
  return 0;
}

function compile(root: string, out: string | undefined): number {
  if (!out) fail('compile needs --out <dir>\n\n' + USAGE);
  const catalogue = loadCatalogue(root);
  const errors = compileBlockers(catalogue);
  if (errors.length > 0) {
    for (const d of errors) process.stdout.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(`\nnot compiled: fix the ${errors.length} problem(s) above first (npm run catalogue:check)\n`);
    return 1;
  }
  const result = compileCatalogue(catalogue, resolve(out));
  process.stderr.write(`compiled ${catalogue.protocols.length} protocol(s): ${result.written.length} written, ${result.unchanged.length} unchanged\n`);
  return 0;
}

async function exportLocale(root: string, locale: string | undefined, format: string | undefined, out: string | undefined): Promise<number> {
  if (!locale) fail('export needs --locale <id>, such as --locale fr');
  if (!format || !(EXCHANGE_FORMATS as readonly string[]).includes(format)) fail(`export needs --format ${EXCHANGE_FORMATS.join(' or ')}`);
  const catalogue = loadCatalogue(root);
  const units = exportUnits(catalogue, locale);
  const text = format === 'po' ? toPo(units, locale) : await toXliff(units, locale);
  const translated = units.filter((u) => u.target !== undefined).length;
  if (out === '-') process.stdout.write(text);
  else {
    // pnpm runs scripts at the repository's root; INIT_CWD is where the user typed the command.
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), out ?? `protocodes-${locale}.${format === 'po' ? 'po' : 'xlf'}`);
    writeFileSync(path, text);
    process.stderr.write(`wrote ${path}: ${units.length} units, ${translated} translated\n`);
  }
  return 0;
}

async function importFile(root: string, file: string | undefined): Promise<number> {
  if (!file) fail('import needs a file: protocodes-catalogue import protocodes-fr.xlf');
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!existsSync(path)) fail(`no file at ${path}`, 1);
  const { locale, units } = await readExchangeFile(readFileSync(path, 'utf8'));
  const result = importUnits(loadCatalogue(root), locale, units);
  for (const entry of result.incomplete) process.stderr.write(`skipped ${entry}: some of its texts have no translation yet\n`);
  process.stderr.write(`imported ${locale}: ${result.changed} entr${result.changed === 1 ? 'y' : 'ies'} new or changed${result.written.length ? ` in ${result.written.join(', ')}` : ', no file changed'}\n`);
  return 0;
}

function startEntry(root: string, protocol: string | undefined, code: string | undefined): number {
  if (!protocol || !code) fail('new needs a protocol and a code: protocodes-catalogue new smtp 557');
  try {
    const shown = (file: string) => relative(process.env.INIT_CWD ?? process.cwd(), join(root, file)).split(sep).join('/');
    const { entryFile, localeFiles } = newEntry(root, protocol, code, shown);
    process.stderr.write(
      `wrote ${shown(entryFile)}\n` +
        `added a commented translation stub to ${localeFiles.length} locale file${localeFiles.length === 1 ? '' : 's'}\n` +
        `next: fill in every empty value of ${shown(entryFile)}, then run catalogue:check; it names each field still empty\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof NewEntryError) fail(error.message);
    throw error;
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        fix: { type: 'boolean', default: false },
        out: { type: 'string' },
        catalogue: { type: 'string' },
        locale: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const root = resolve(values.catalogue ?? defaultCatalogue);
  if (!existsSync(join(root, 'protocols'))) fail(`no catalogue at ${root} (expected a protocols/ folder there); pass --catalogue <dir>`);
  const [command, ...extra] = positionals;
  const allowed = command === 'import' ? 1 : command === 'new' ? 2 : 0;
  if (extra.length > allowed) fail(`unexpected argument "${extra[allowed]}"\n\n${USAGE}`);
  switch (command) {
    case 'check':
      return check(root, values.fix);
    case 'compile':
      return compile(root, values.out);
    case 'docs': {
      const problems = docsDiagnostic(root, true);
      for (const d of problems) process.stdout.write(`${formatDiagnostic(d)}\n`);
      if (problems.length === 0) process.stderr.write('catalogue/README.md: field reference regenerated from the schema\n');
      return problems.length === 0 ? 0 : 1;
    }
    case 'new':
      return startEntry(root, extra[0], extra[1]);
    case 'export':
    case 'import':
      try {
        return command === 'export' ? await exportLocale(root, values.locale, values.format, values.out) : await importFile(root, extra[0]);
      } catch (error) {
        if (error instanceof ExchangeError) fail(error.message, 1);
        throw error;
      }
    case undefined:
      fail(`missing command\n\n${USAGE}`);
    default:
      fail(`unknown command "${command}"; commands: check, compile, docs, new, export, import\n\n${USAGE}`);
  }
}

process.exitCode = await main(process.argv.slice(2));
