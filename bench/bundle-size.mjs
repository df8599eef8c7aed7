// Bundles one import the way an application's bundler would (esbuild, ESM, minified, code
// splitting so that dynamic imports stay out of the entry chunk) and reports its size and the
// catalogue data it pulls in. The packages' bundle-budget tests use it to catch a locale or a
// protocol leaking into an entry that did not ask for it.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @param {string} source an ES module, e.g. `import { renderComparison } from '@protocodes/texts/en'; …`
 * @param {string} resolveDir where package names are resolved from
 * @param {{ alsoLoaded?: (data: string) => boolean }} [options] `alsoLoaded` counts, besides the
 *   entry, each chunk reached through import() that holds a data module it accepts: the parts that
 *   `loadCodes` fetches for the codes the source renders.
 * @returns {Promise<{ bytes: number, gzipBytes: number, gzipBytesPerChunk: number, chunks: number, data: string[] }>} `data` names each generated
 *   catalogue module counted: `prose:smtp`, `facts:smtp`, `locale:vi/smtp`, `messages:vi`,
 *   `matching:smtp`, `outline:smtp`, `part:smtp/code-554`.
 */
export async function bundleSize(source, resolveDir, options = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'protocodes-bundle-'));
  try {
    const result = await build({
      stdin: { contents: source, resolveDir, loader: 'js' },
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      outdir,
      metafile: true,
      charset: 'utf8',
      logLevel: 'silent',
    });
    // The entry chunk and the chunks it imports statically: what loads before the first line runs.
    // Chunks reached only through import() (esbuild makes each an entry point of its own) are left out.
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint === '<stdin>');
    const loaded = new Set();
    const visit = (path) => {
      if (loaded.has(path)) return;
      loaded.add(path);
      for (const next of outputs[path].imports) if (next.kind === 'import-statement' && outputs[next.path]) visit(next.path);
    };
    visit(entry);
    if (options.alsoLoaded) {
      for (const path of Object.keys(outputs)) {
        if (Object.keys(outputs[path].inputs).some((input) => { const data = dataModule(input); return data !== undefined && options.alsoLoaded(data); })) visit(path);
      }
    }
    const chunks = [...loaded].map((path) => readFileSync(path));
    const code = Buffer.concat(chunks);
    const inputs = [...loaded].flatMap((path) => Object.keys(outputs[path].inputs));
    return {
      bytes: code.length,
      gzipBytes: gzipSync(code).length,
      // What a browser transfers: each chunk is a file of its own, compressed on its own.
      gzipBytesPerChunk: chunks.reduce((sum, chunk) => sum + gzipSync(chunk).length, 0),
      chunks: chunks.length,
      data: [...new Set(inputs.map(dataModule).filter(Boolean))].sort(),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

// Generated modules are named alike in both packages' dist/generated/: core's protocol prose,
// facts, locale prose and parser tables, and texts' messages per locale.
function dataModule(input) {
  const part = /(?:^|\/)dist\/generated\/parts\/(\w+)(?:\/([\w.-]+))?\.js$/.exec(input);
  if (part) return part[2] ? `part:${part[1]}/${part[2]}` : `outline:${part[1]}`;
  const m = /(?:^|\/)dist\/generated\/(?:locales\/([\w-]+)\/(\w+)|facts\/(\w+)|(\w+)-matching|messages\/([\w-]+)|(smtp|http|ftp))\.js$/.exec(input);
  if (!m) return undefined;
  if (m[1]) return `locale:${m[1]}/${m[2]}`;
  if (m[3]) return `facts:${m[3]}`;
  if (m[4]) return `matching:${m[4]}`;
  if (m[5]) return `messages:${m[5]}`;
  return `prose:${m[6]}`;
}

export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
