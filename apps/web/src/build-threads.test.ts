// The static build shared among worker threads writes exactly what one thread writes. Worker
// threads run JavaScript, so this drives the built module (dist/build.js), as `npm start` does.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

type BuildModule = typeof import('./build.js');
const { buildSite, buildSiteInParallel, buildThreads } = (await import(new URL('../dist/build.js', import.meta.url).href)) as BuildModule;

const config = { siteUrl: 'https://protocodes.example.org' };
const root = mkdtempSync(join(tmpdir(), 'protocodes-threads-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function contents(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), 'utf8')]));
}

describe('the static build on several threads', () => {
  it('writes the same files as one thread, reports progress to the end, and rewrites nothing when run again', async () => {
    const one = join(root, 'one');
    const two = join(root, 'two');
    const single = buildSite({ outDir: one, config, locales: ['vi'] });
    const progress: number[] = [];
    const shared = await buildSiteInParallel({ outDir: two, config, locales: ['vi'], threads: 2, onProgress: (done, total) => progress.push(done, total) });
    expect(shared.threads).toBe(2);
    expect([shared.files, shared.pages, shared.bytes, shared.written]).toEqual([single.files, single.pages, single.bytes, single.written]);
    expect(contents(two)).toEqual(contents(one));
    expect(progress.slice(-2)).toEqual([single.files, single.files]);

    writeFileSync(join(two, 'stale.html'), 'left over from an older build');
    const again = await buildSiteInParallel({ outDir: two, config, locales: ['vi'], threads: 2 });
    expect([again.written, again.removed]).toEqual([0, 1]);
  });

  it('uses one thread per core for a large build, one for a small one, and the number asked for', () => {
    expect(buildThreads(100, {})).toBe(1);
    expect(buildThreads(1_000_000, {})).toBeGreaterThanOrEqual(1);
    expect(buildThreads(100, { PROTOCODES_BUILD_THREADS: '3' })).toBe(3);
    expect(() => buildThreads(100, { PROTOCODES_BUILD_THREADS: 'all' })).toThrow('PROTOCODES_BUILD_THREADS="all" must be a whole number of threads from 1 to 999');
    expect(() => buildThreads(100, { PROTOCODES_BUILD_THREADS: '0' })).toThrow(/must be a whole number/);
  });
});
