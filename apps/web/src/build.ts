// The static build: the prerendered routes (or, with --all, every route) written as files under
// dist/site (or OUT_DIR). The fetch handler renders anything else on demand. Files whose
// bytes did not change are left alone, and files no route produces are removed, so the output is
// deterministic and a rebuild with no change rewrites nothing. A large build (--all) shares the
// routes among worker threads, one per core.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
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

/** Which routes a thread renders: every `of`-th one, from `index`. One thread renders them all. */
interface Share {
  index: number;
  of: number;
}

interface ShareResult {
  produced: string[];
  files: number;
  pages: number;
  bytes: number;
  written: number;
}

function routesOf({ all = false, locales }: Pick<BuildOptions, 'all' | 'locales'>) {
  return [...(all ? allRoutes() : prerenderedRoutes())].filter((route) => !locales || !('locale' in route) || locales.includes(route.locale));
}

/** Renders and writes one thread's share of the routes; `fresh` says the output folder was empty. */
function buildShare(options: Omit<BuildOptions, 'onProgress'>, fresh: boolean, share: Share, onRendered?: (count: number) => void): ShareResult {
  const routes = routesOf(options);
  const produced: string[] = [];
  const createdDirs = new Set<string>();
  const result: ShareResult = { produced, files: 0, pages: 0, bytes: 0, written: 0 };
  let sinceReport = 0;
  for (let i = share.index; i < routes.length; i += share.of) {
    const route = routes[i]!;
    const response = renderRoute(route, options.config, true);
    const path = join(options.outDir, fileOf(route));
    produced.push(path);
    const data = Buffer.from(response.body, 'utf8');
    result.files++;
    result.bytes += data.length;
    if (response.contentType.startsWith('text/html')) result.pages++;
    const dir = dirname(path);
    if (!createdDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      createdDirs.add(dir);
    }
    if (fresh || !existsSync(path) || !readFileSync(path).equals(data)) {
      writeFileSync(path, data);
      result.written++;
    }
    if (++sinceReport === 200) {
      onRendered?.(sinceReport);
      sinceReport = 0;
    }
  }
  if (sinceReport > 0) onRendered?.(sinceReport);
  return result;
}

/** Removes every file under `outDir` that no route produced: the output holds exactly the build. */
function removeStale(outDir: string, produced: ReadonlySet<string>): number {
  let removed = 0;
  for (const file of walk(outDir)) {
    if (!produced.has(file)) {
      rmSync(file);
      removed++;
    }
  }
  return removed;
}

/** The build on this thread alone. */
export function buildSite({ onProgress, ...options }: BuildOptions): BuildResult {
  const started = performance.now();
  // Into a new folder there is nothing to compare with, so skip reading before each write.
  const fresh = !existsSync(options.outDir);
  const total = routesOf(options).length;
  let done = 0;
  const result = buildShare(options, fresh, { index: 0, of: 1 }, (count) => {
    done += count;
    onProgress?.(done, total, (performance.now() - started) / 1000);
  });
  const removed = fresh ? 0 : removeStale(options.outDir, new Set(result.produced));
  return { files: result.files, pages: result.pages, bytes: result.bytes, written: result.written, removed, seconds: (performance.now() - started) / 1000 };
}

/** Below this many routes, starting threads (each loads every locale's texts) costs more than it saves. */
const ROUTES_PER_EXTRA_THREAD = 20_000;

/** How many threads a build of `routes` routes uses: one per core, or `PROTOCODES_BUILD_THREADS`. */
export function buildThreads(routes: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.PROTOCODES_BUILD_THREADS;
  if (asked !== undefined && asked !== '') {
    if (!/^[1-9]\d{0,2}$/.test(asked)) throw new Error(`PROTOCODES_BUILD_THREADS=${JSON.stringify(asked)} must be a whole number of threads from 1 to 999`);
    return Number(asked);
  }
  return Math.max(1, Math.min(availableParallelism(), Math.floor(routes / ROUTES_PER_EXTRA_THREAD)));
}

/**
 * The build across `threads` worker threads (by default `buildThreads`), each rendering every n-th
 * route, so that the cores share the rendering; with one thread it is `buildSite`. The output is
 * the same file for file.
 */
export async function buildSiteInParallel({ onProgress, threads, ...options }: BuildOptions & { threads?: number }): Promise<BuildResult & { threads: number }> {
  const total = routesOf(options).length;
  const count = threads ?? buildThreads(total);
  if (count <= 1) return { ...buildSite({ ...options, ...(onProgress ? { onProgress } : {}) }), threads: 1 };
  const started = performance.now();
  const fresh = !existsSync(options.outDir);
  let done = 0;
  const shares = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      new Promise<ShareResult>((resolveShare, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { buildShare: { options, fresh, share: { index, of: count } } } });
        worker.on('message', (message: { rendered?: number; result?: ShareResult }) => {
          if (message.rendered) {
            done += message.rendered;
            onProgress?.(done, total, (performance.now() - started) / 1000);
          }
          if (message.result) resolveShare(message.result);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`build thread ${index + 1} of ${count} stopped with exit code ${code}`));
        });
      }),
    ),
  );
  const produced = new Set(shares.flatMap((share) => share.produced));
  const removed = fresh ? 0 : removeStale(options.outDir, produced);
  const sum = (field: 'files' | 'pages' | 'bytes' | 'written') => shares.reduce((total, share) => total + share[field], 0);
  return { files: sum('files'), pages: sum('pages'), bytes: sum('bytes'), written: sum('written'), removed, seconds: (performance.now() - started) / 1000, threads: count };
}

// A build thread: renders its share and reports back.
if (!isMainThread && workerData?.buildShare) {
  const { options, fresh, share } = workerData.buildShare as { options: Omit<BuildOptions, 'onProgress'>; fresh: boolean; share: Share };
  const result = buildShare(options, fresh, share, (rendered) => parentPort!.postMessage({ rendered }));
  parentPort!.postMessage({ result });
}

if (isMainThread && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
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
  const all = args.includes('--all');
  let threads: number;
  try {
    threads = buildThreads(routesOf({ all }).length);
  } catch (error) {
    console.error(`protocodes web build: ${(error as Error).message}`);
    process.exit(2);
  }
  const result = await buildSiteInParallel({
    outDir,
    config,
    all,
    threads,
    ...(tty ? { onProgress: (done, total, s) => process.stdout.write(`\rbuilding ${done}/${total} files · ${Math.round(done / Math.max(s, 0.001))} files/s   `) } : {}),
  });
  if (tty) process.stdout.write('\r\u001b[K');
  const where = relative(process.cwd(), outDir).split(sep).join('/') || '.';
  console.log(
    `built ${result.pages} pages (${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB; ${all ? 'every route' : 'the prerendered set, the rest render on demand'}) in ${result.seconds.toFixed(1)} s on ${result.threads} thread${result.threads === 1 ? '' : 's'} → ${where}; ${result.written} written, ${result.files - result.written} unchanged, ${result.removed} removed`,
  );
}
