// `node bench/table.mjs --reset` empties the results before `pnpm bench` runs the packages'
// benchmarks; `node bench/table.mjs` then writes their rows as a Markdown table to
// bench/RESULTS.md and into README.md between the bench markers.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { RESULTS_FILE } from './report.mjs';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

if (process.argv.includes('--reset')) {
  rmSync(RESULTS_FILE, { force: true });
  process.exit(0);
}
if (!existsSync(RESULTS_FILE)) {
  console.error(`bench/table.mjs: no results in ${RESULTS_FILE}; run npm run bench first`);
  process.exit(1);
}
const rows = readFileSync(RESULTS_FILE, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const cell = (text) => String(text ?? '').replaceAll('|', '\\|');
const verdict = (met) => (met === undefined ? '—' : met ? 'met' : '**not met**');
const table = [
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${rows[0]?.cores ?? '?'} cores, Node ${process.version}. Each floor was measured in the same run as its figure.`,
  '',
  '| what | floor | figure | ratio | target | |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${cell(r.what)} | ${cell(r.floor)} | ${cell(r.figure)} | ${cell(r.ratio ?? '—')} | ${cell(r.target)} | ${verdict(r.met)} |`),
].join('\n');
const root = new URL('..', import.meta.url).pathname;
writeFileSync(`${root}bench/RESULTS.md`, `# Benchmark results\n\n${table}\n`);
const readmePath = `${root}README.md`;
const readme = readFileSync(readmePath, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start === -1 || end < start) {
  console.error(`bench/table.mjs: README.md has no ${START} … ${END} section to fill`);
  process.exit(1);
}
writeFileSync(readmePath, `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`);
console.log(table);
