// The static build: the prerendered routes (or, with --all, every route) written as files under
// dist/site (or OUT_DIR). The fetch handler renders anything else on demand. Files whose
// bytes did not change are left alone, and files no route produces are removed, so the output is
// deterministic and a rebuild with no change rewrites nothing.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig, type SiteConfig } from './config.js';
import { allRoutes, prerenderedRoutes } from './routes.js';
import { fileOf, renderRoute } from './site.js';

export interface BuildResult {
  files: number;
  pages: number;
  bytes: number;
  written: number;
  removed: number;
  seconds: number;
}

export interface BuildOptions {
  outDir: string;
  config: SiteConfig;
  /** Every route, every pair included; by default only the prerendered set (see prerenderedRoutes). */
  all?: boolean;
  /** Only these locales' pages (and the shared files); by default every locale. */
  locales?: readonly string[];
  onProgress?: (done: number, total: number, elapsedSeconds: number) => void;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

export function buildSite({ outDir, config, all = false, locales, onProgress }: BuildOptions): BuildResult {
  const started = performance.now();
  // Into a new folder there is nothing to compare with, so skip reading before each write.
  const fresh = !existsSync(outDir);
  const routes = [...(all ? allRoutes() : prerenderedRoutes())].filter((route) => !locales || !('locale' in route) || locales.includes(route.locale));
  const produced = new Set<string>();
  const createdDirs = new Set<string>();
  let bytes = 0;
  let written = 0;
  let pages = 0;
  routes.forEach((route, i) => {
    const response = renderRoute(route, config, true);
    const path = join(outDir, fileOf(route));
    produced.add(path);
    const data = Buffer.from(response.body, 'utf8');
    bytes += data.length;
    if (response.contentType.startsWith('text/html')) pages++;
    const dir = dirname(path);
    if (!createdDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      createdDirs.add(dir);
    }
    if (fresh || !existsSync(path) || !readFileSync(path).equals(data)) {
      writeFileSync(path, data);
      written++;
    }
    if (onProgress && (i % 200 === 0 || i === routes.length - 1)) onProgress(i + 1, routes.length, (performance.now() - started) / 1000);
  });
  let removed = 0;
  for (const file of fresh ? [] : walk(outDir)) {
    if (!produced.has(file)) {
      rmSync(file);
      removed++;
    }
  }
  return { files: routes.length, pages, bytes, written, removed, seconds: (performance.now() - started) / 1000 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.env.OUT_DIR ?? join(dirname(fileURLToPath(import.meta.url)), 'site'));
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--all');
  if (unknown.length > 0) {
    console.error(`protocodes web build: unknown argument ${JSON.stringify(unknown[0])}. Use --all to write every pair too, or nothing for the prerendered set.`);
    process.exit(2);
  }
  let config: SiteConfig;
  try {
    config = siteConfig();
  } catch (error) {
    console.error(`protocodes web build: ${(error as Error).message}`);
    process.exit(2);
  }
  const tty = process.stdout.isTTY === true;
  const result = buildSite({
    outDir,
    config,
    all: args.includes('--all'),
    ...(tty ? { onProgress: (done, total, s) => process.stdout.write(`\rbuilding ${done}/${total} files · ${Math.round(done / Math.max(s, 0.001))} files/s   `) } : {}),
  });
  if (tty) process.stdout.write('\r\u001b[K');
  const where = relative(process.cwd(), outDir).split(sep).join('/') || '.';
  console.log(
    `built ${result.pages} pages (${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB; ${args.includes('--all') ? 'every route' : 'the prerendered set, the rest render on demand'}) in ${result.seconds.toFixed(1)} s → ${where}; ${result.written} written, ${result.files - result.written} unchanged, ${result.removed} removed`,
  );
}
