#!/usr/bin/env node
// protocodes-catalogue: check (and --fix), compile and document the catalogue.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileCatalogue } from './compile.js';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { withFieldDocs } from './docs.js';
import { fixFile } from './fix.js';
import { loadCatalogue } from './load.js';
import { codeEntrySchema, protocolSchema } from './schema.js';

const USAGE = `usage: protocodes-catalogue <command> [options]

commands:
  check [--fix]        validate and lint every file; --fix repairs what is mechanical
  compile --out <dir>  check, then write @protocodes/core's data modules into <dir>
  docs                 regenerate the field reference in catalogue/README.md

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
  return [{ file, line, column: 1, rule: 'docs-drift', message: 'the field reference is out of date with the schema', hint: 'edit packages/catalogue/src/schema.ts, never this section; then run pnpm catalogue:docs', fixable: true }];
}

function check(root: string, fix: boolean): number {
  const started = performance.now();
  let catalogue = loadCatalogue(root);
  if (fix) {
    let fixed = 0;
    for (const file of catalogue.files) {
      const schema = file.path.endsWith('/protocol.yaml') ? protocolSchema : codeEntrySchema;
      if (fixFile(resolve(file.path), file, schema)) fixed++;
    }
    if (fixed > 0) process.stderr.write(`fixed ${fixed} file${fixed === 1 ? '' : 's'}\n`);
    catalogue = loadCatalogue(root);
  }
  const diagnostics = [...catalogue.diagnostics, ...docsDiagnostic(root, fix)];
  for (const d of diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
  const ms = Math.round(performance.now() - started);
  const codes = catalogue.protocols.map((p) => `${p.codes.length} ${p.id} codes`).join(', ');
  if (diagnostics.length > 0) {
    const files = new Set(diagnostics.map((d) => d.file)).size;
    const fixable = diagnostics.filter((d) => d.fixable).length;
    process.stderr.write(
      `\n${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}` +
        `${fixable ? ` (${fixable} fixable with --fix)` : ''}\n`,
    );
    return 1;
  }
  process.stderr.write(`catalogue ok: ${catalogue.files.length} files, ${codes} (${ms} ms)\n`);
  return 0;
}

function compile(root: string, out: string | undefined): number {
  if (!out) fail('compile needs --out <dir>\n\n' + USAGE);
  const catalogue = loadCatalogue(root);
  if (catalogue.diagnostics.length > 0) {
    for (const d of catalogue.diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(`\nnot compiled: fix the ${catalogue.diagnostics.length} problem(s) above first (pnpm catalogue:check)\n`);
    return 1;
  }
  const result = compileCatalogue(catalogue, resolve(out));
  process.stderr.write(`compiled ${catalogue.protocols.length} protocol(s): ${result.written.length} written, ${result.unchanged.length} unchanged\n`);
  return 0;
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        fix: { type: 'boolean', default: false },
        out: { type: 'string' },
        catalogue: { type: 'string' },
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
  if (extra.length > 0) fail(`unexpected argument "${extra[0]}"\n\n${USAGE}`);
  switch (command) {
    case 'check':
      return check(root, values.fix);
    case 'compile':
      return compile(root, values.out);
    case 'docs':
      return docsDiagnostic(root, true).length === 0 ? (process.stderr.write('catalogue/README.md is up to date\n'), 0) : 1;
    case undefined:
      fail(`missing command\n\n${USAGE}`);
    default:
      fail(`unknown command "${command}"; commands: check, compile, docs\n\n${USAGE}`);
  }
}

process.exitCode = main(process.argv.slice(2));
