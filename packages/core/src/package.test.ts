// What a consumer gets from the built package: the import graph of each entry, and the types.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));

/** Every module an entry loads, following static and dynamic imports through the built files. */
function importGraph(entry: string): { files: string[]; external: string[] } {
  const files = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else external.add(specifier);
    }
  };
  visit(join(packageRoot, entry));
  return { files: [...files].map((f) => f.slice(packageRoot.length)), external: [...external] };
}

describe('the published package', () => {
  it('has no runtime dependencies, and only the root entry has a side effect: it holds every protocol', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.sideEffects).toEqual(['./dist/index.js']);
    // One pattern serves every protocol's entry (`@protocodes/core/smtp`, `/http`, `/ftp`), generated from the catalogue.
    expect(manifest.exports['./*']).toEqual({ types: './dist/generated/entries/*.d.ts', default: './dist/generated/entries/*.js' });
  });

  it('loads nothing but its own SMTP modules for @protocodes/core/smtp', () => {
    const graph = importGraph(manifest.exports['./*'].default.replace('*', 'smtp'));
    expect(graph.external).toEqual([]);
    expect(graph.files.sort()).toEqual(['dist/compare.js', 'dist/errors.js', 'dist/generated/entries/smtp.js', 'dist/generated/smtp.js', 'dist/lookup.js']);
    expect(graph.files.some((f) => f.includes('locales'))).toBe(false);
  });

  it('loads no other protocol for @protocodes/core/http or /ftp', () => {
    for (const protocol of ['http', 'ftp']) {
      const graph = importGraph(manifest.exports['./*'].default.replace('*', protocol));
      expect(graph.external).toEqual([]);
      expect(graph.files.sort()).toEqual(['dist/compare.js', 'dist/errors.js', `dist/generated/entries/${protocol}.js`, `dist/generated/${protocol}.js`, 'dist/lookup.js'].sort());
    }
  });

  it('ships each locale as its own module that loads nothing else', () => {
    expect(manifest.exports['./locales/*'].default).toBe('./dist/generated/locales/*.js');
    const graph = importGraph('dist/generated/locales/vi/smtp.js');
    expect(graph).toEqual({ files: ['dist/generated/locales/vi/smtp.js'], external: [] });
  });

  it('loads no tooling, YAML parser or Node built-in from the root entry either', () => {
    const graph = importGraph(manifest.exports['.'].default);
    expect(graph.external).toEqual([]);
    expect(graph.files.every((f) => f.startsWith('dist/'))).toBe(true);
  });

  it('rejects an unknown literal code at compile time, for a consumer of the built types', () => {
    const consumer = join(packageRoot, 'test', 'fixtures', 'consumer.ts');
    const program = ts.createProgram([consumer], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: false,
      types: [],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start!);
      return `${line + 1}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]}`;
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^9: TS2345 Argument of type '999' is not assignable to parameter of type '(\d{3} \| )+.*\d{3}'\.$/);
  });
});
