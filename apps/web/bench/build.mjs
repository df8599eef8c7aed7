// The full static build (--all) against its floor: writing the same number of files, of the same sizes,
// with plain fs in the same run. Then the same at ten times the pages.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buildSite } from '../dist/build.js';

const config = { siteUrl: 'https://protocodes.example.org' };

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Writes `copies` × the given files (same relative paths, same bytes) with nothing but fs. */
function floor(where, reference, copies) {
  const sources = files(reference).map((path) => ({ path: relative(reference, path), data: readFileSync(path) }));
  const out = mkdtempSync(join(where, 'protocodes-floor-'));
  const started = performance.now();
  for (let copy = 0; copy < copies; copy++) {
    const made = new Set();
    for (const { path, data } of sources) {
      const target = join(out, String(copy), path);
      const dir = dirname(target);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
      writeFileSync(target, data);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  rmSync(out, { recursive: true, force: true });
  return { files: sources.length * copies, seconds };
}

function ours(where, copies) {
  const out = join(mkdtempSync(join(where, 'protocodes-build-')), 'site');
  let files = 0;
  let bytes = 0;
  let pages = 0;
  const started = performance.now();
  for (let copy = 0; copy < copies; copy++) {
    const result = buildSite({ outDir: join(out, String(copy)), config, all: true });
    files += result.files;
    bytes += result.bytes;
    pages += result.pages;
  }
  const seconds = (performance.now() - started) / 1000;
  return { out, files, bytes, pages, seconds };
}

// The disk here is shared and noisy: alternate the two and compare medians. Then the same in
// memory (tmpfs), where no disk hides the cost of rendering.
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const places = [[tmpdir(), 'on disk (the OS temp folder)'], ...(existsSync('/dev/shm') ? [['/dev/shm', 'in memory (tmpfs)']] : [])];
for (const [where, label] of places) {
  for (const [copies, rounds] of [[1, 5], [10, 3]]) {
    const builds = [];
    const floors = [];
    for (let round = 0; round < rounds; round++) {
      const build = ours(where, copies);
      floors.push(floor(where, join(build.out, '0'), copies));
      rmSync(dirname(build.out), { recursive: true, force: true });
      builds.push(build);
    }
    const build = { ...builds[0], seconds: median(builds.map((b) => b.seconds)) };
    const base = { ...floors[0], seconds: median(floors.map((f) => f.seconds)) };
    const rate = (n, s) => Math.round(n / s).toLocaleString('en');
    console.log(`\n${label}, ${copies === 1 ? 'every route (--all)' : `${copies}× every route`}: ${build.files.toLocaleString('en')} files (${build.pages.toLocaleString('en')} HTML), ${(build.bytes / 1e6).toFixed(1)} MB; median of ${rounds} alternating runs`);
    console.log(`floor   plain fs writes of the same files   ${base.seconds.toFixed(2)} s   ${rate(base.files, base.seconds)} files/s`);
    console.log(`build   protocodes static build             ${build.seconds.toFixed(2)} s   ${rate(build.files, build.seconds)} files/s`);
    console.log(`ratio   ${(build.seconds / base.seconds).toFixed(2)} (target ≤ 2)`);
  }
}
