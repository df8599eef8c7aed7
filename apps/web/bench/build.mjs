// The full static build (--all) against its floor: writing the same number of files, of the same sizes,
// with plain fs in the same run, on one thread and on one worker thread per core. Then a rebuild with
// nothing changed; then Hugo (Debian's hugo, all cores) on generated Markdown pages of the same count
// and sizes, against our build on all cores.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buildSite, buildSiteInParallel } from '../dist/build.js';
import { median, printMachine, report } from '../../../bench/report.mjs';

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

const CORES = availableParallelism();

async function ours(where, copies, threads = 1) {
  const out = join(mkdtempSync(join(where, 'protocodes-build-')), 'site');
  let files = 0;
  let bytes = 0;
  let pages = 0;
  const started = performance.now();
  for (let copy = 0; copy < copies; copy++) {
    const result = await buildSiteInParallel({ outDir: join(out, String(copy)), config, all: true, threads });
    files += result.files;
    bytes += result.bytes;
    pages += result.pages;
  }
  const seconds = (performance.now() - started) / 1000;
  return { out, files, bytes, pages, seconds };
}

// In memory (tmpfs), where no disk hides the cost of rendering (the shared disk here can take
// minutes for what tmpfs does in seconds); the OS temp folder where there is no /dev/shm.
// The build and its floor alternate and the medians are compared.
printMachine();
const places = existsSync('/dev/shm') ? [['/dev/shm', 'in memory (tmpfs)']] : [[tmpdir(), 'on disk (the OS temp folder; no /dev/shm here)']];
for (const [where, label] of places) {
  // --all is already some 130,000 files with ten locales and three protocols: ten times that would not fit in memory here.
  for (const threads of [...new Set([1, CORES])]) {
    const copies = 1;
    const rounds = 3;
    const builds = [];
    const floors = [];
    for (let round = 0; round < rounds; round++) {
      const build = await ours(where, copies, threads);
      floors.push(floor(where, join(build.out, '0'), copies));
      rmSync(dirname(build.out), { recursive: true, force: true });
      builds.push(build);
    }
    const build = { ...builds[0], seconds: median(builds.map((b) => b.seconds)) };
    const base = { ...floors[0], seconds: median(floors.map((f) => f.seconds)) };
    const rate = (n, s) => Math.round(n / s).toLocaleString('en');
    const cores = threads === 1 ? 'one core' : `${threads} cores (${threads} worker threads)`;
    console.log(`\n${label}, every route (--all), ${cores}: ${build.files.toLocaleString('en')} files (${build.pages.toLocaleString('en')} HTML), ${(build.bytes / 1e6).toFixed(1)} MB; median of ${rounds} alternating runs`);
    console.log(`floor   plain fs writes of the same files (one thread)   ${base.seconds.toFixed(2)} s   ${rate(base.files, base.seconds)} files/s`);
    console.log(`build   protocodes static build, ${cores.padEnd(28)} ${build.seconds.toFixed(2)} s   ${rate(build.files, build.seconds)} files/s`);
    const ratio = build.seconds / base.seconds;
    console.log(`ratio   ${ratio.toFixed(2)} (target ≤ 2)`);
    report({
      what: `static build, every route (--all), ${where === '/dev/shm' ? 'tmpfs' : 'disk'}, ${cores}`,
      floor: `plain fs writes of the same ${base.files.toLocaleString('en')} files: ${base.seconds.toFixed(2)} s`,
      figure: `${build.seconds.toFixed(2)} s, ${rate(build.pages, build.seconds)} pages/s`,
      ratio: ratio.toFixed(2),
      target: '≤ 2',
      met: ratio <= 2,
    });
  }
}

// A rebuild into the same folder: every page is rendered again and compared, none is written.
{
  const where = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const first = await ours(where, 1);
  const started = performance.now();
  const again = buildSite({ outDir: join(first.out, '0'), config, all: true });
  const seconds = (performance.now() - started) / 1000;
  rmSync(dirname(first.out), { recursive: true, force: true });
  const share = seconds / first.seconds;
  console.log(`\nrebuild with nothing changed: ${seconds.toFixed(2)} s (${again.written} written, ${again.files - again.written} unchanged), ${(share * 100).toFixed(0)} % of the full build's ${first.seconds.toFixed(2)} s (target for a rebuild after one catalogue file changes: ≤ 10 %)`);
  report({
    what: 'rebuild after no change (every page rendered and compared)',
    floor: `full build: ${first.seconds.toFixed(2)} s`,
    figure: `${seconds.toFixed(2)} s, ${again.written} files written`,
    ratio: `${(share * 100).toFixed(0)} % of a full build`,
    target: 'after one catalogue file changes: only affected pages rewritten, ≤ 10 % of a full build',
    met: false,
  });
}

// Hugo on as many Markdown pages as our build has HTML pages, each as large as one of ours, in the
// same place; both rates are pages per second of a full build from empty.
const HUGO_ROUNDS = Number(process.env.BENCH_HUGO_ROUNDS ?? 1);
{
  const where = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  if (spawnSync('hugo', ['version']).error) {
    console.log('\nhugo is not installed (apt-get install hugo): the comparison with Hugo is skipped');
    report({ what: 'static build vs Hugo, same page count', floor: 'Hugo: not installed', figure: '—', target: '≥ 2× Hugo\'s pages/s', met: undefined });
  } else {
    const build = await ours(where, 1);
    const htmlPages = files(join(build.out, '0')).filter((path) => path.endsWith('.html'));
    const site = mkdtempSync(join(where, 'protocodes-hugo-'));
    mkdirSync(join(site, 'content'), { recursive: true });
    mkdirSync(join(site, 'layouts', '_default'), { recursive: true });
    writeFileSync(join(site, 'hugo.toml'), 'baseURL = "https://protocodes.example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n');
    writeFileSync(join(site, 'layouts', '_default', 'single.html'), '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n');
    writeFileSync(join(site, 'layouts', '_default', 'list.html'), '<!doctype html><html><body>{{ .Content }}</body></html>\n');
    htmlPages.forEach((path, i) => {
      const size = statSync(path).size;
      const words = readFileSync(path, 'utf8').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
      const body = `# Page ${i}\n\n${words.replace(/([.!?]) /g, '$1\n\n')}`;
      const text = body.length >= size ? body.slice(0, size) : body + '\n\n' + 'word '.repeat(Math.ceil((size - body.length) / 5));
      writeFileSync(join(site, 'content', `page-${i}.md`), `---\ntitle: "Page ${i}"\n---\n${text}`);
    });
    rmSync(dirname(build.out), { recursive: true, force: true });
    const hugoRuns = [];
    const ourRuns = [];
    for (let round = 0; round < HUGO_ROUNDS; round++) {
      const started = performance.now();
      const run = spawnSync('hugo', ['--quiet', '--source', site, '--destination', join(site, `public-${round}`)], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`hugo failed: ${run.stderr}`);
      hugoRuns.push((performance.now() - started) / 1000);
      const mine = await ours(where, 1, CORES);
      ourRuns.push(mine.seconds);
      rmSync(dirname(mine.out), { recursive: true, force: true });
    }
    rmSync(site, { recursive: true, force: true });
    const hugoRate = htmlPages.length / median(hugoRuns);
    const ourRate = build.pages / median(ourRuns);
    const times = ourRate / hugoRate;
    console.log(`\n${htmlPages.length.toLocaleString('en')} pages; ${HUGO_ROUNDS === 1 ? 'one run each' : `median of ${HUGO_ROUNDS} alternating runs`}, ${where === '/dev/shm' ? 'tmpfs' : 'disk'}`);
    console.log(`floor   hugo (${spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.split(' ')[1]}) on Markdown pages of the same sizes   ${median(hugoRuns).toFixed(2)} s   ${Math.round(hugoRate).toLocaleString('en')} pages/s`);
    console.log(`build   protocodes --all (${CORES} cores)                          ${median(ourRuns).toFixed(2)} s   ${Math.round(ourRate).toLocaleString('en')} pages/s`);
    console.log(`ratio   ${times.toFixed(2)}× Hugo's pages/s (target ≥ 2)`);
    report({
      what: 'static build vs Hugo, same page count and sizes, tmpfs',
      floor: `Hugo: ${Math.round(hugoRate).toLocaleString('en')} pages/s (all cores)`,
      figure: `${Math.round(ourRate).toLocaleString('en')} pages/s (${CORES} cores)`,
      ratio: `${times.toFixed(2)}×`,
      target: '≥ 2× Hugo\'s pages/s',
      met: times >= 2,
    });
  }
}
