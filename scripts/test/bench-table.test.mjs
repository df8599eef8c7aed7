// bench/table.mjs: the rows the benchmarks record become the README's table and bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = [];
afterEach(() => work.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of bench/ beside a README, with the results file in the copy. */
function sandbox(readme) {
  const dir = mkdtempSync(join(tmpdir(), 'protocodes-bench-table-'));
  work.push(dir);
  mkdirSync(join(dir, 'bench'));
  for (const file of ['report.mjs', 'table.mjs']) cpSync(join(root, 'bench', file), join(dir, 'bench', file));
  writeFileSync(join(dir, 'README.md'), readme);
  const env = { ...process.env, PROTOCODES_BENCH_RESULTS: join(dir, 'results.jsonl') };
  const run = (script, args = []) => spawnSync(process.execPath, ['-e', script, ...args], { cwd: dir, env, encoding: 'utf8' });
  const table = (...args) => spawnSync(process.execPath, [join(dir, 'bench', 'table.mjs'), ...args], { cwd: dir, env, encoding: 'utf8' });
  return { dir, run, table };
}

const record = (row) => `import('./bench/report.mjs').then((m) => m.report(${JSON.stringify(row)}))`;

describe('bench/table.mjs', () => {
  it('writes each recorded row into the README between the markers, and into bench/RESULTS.md', () => {
    const box = sandbox('# Title\n\n<!-- bench:start -->\nold table\n<!-- bench:end -->\n\nAfter.\n');
    expect(box.table('--reset').status).toBe(0);
    expect(box.run(record({ what: 'CLI start-up', floor: 'node -e 0: 100 ms', figure: '130 ms', ratio: '1.30', target: '≤ 1.2', met: false })).status).toBe(0);
    expect(box.run(record({ what: 'a | pipe', floor: 'f', figure: 'x', target: 't', met: true })).status).toBe(0);
    const result = box.table();
    expect(result.status, result.stderr).toBe(0);
    const readme = readFileSync(join(box.dir, 'README.md'), 'utf8');
    expect(readme).not.toContain('old table');
    expect(readme).toMatch(/^# Title\n\n<!-- bench:start -->\nMeasured by `npm run bench` on \d{4}-\d\d-\d\d, \d+ cores/);
    expect(readme).toContain('| CLI start-up | node -e 0: 100 ms | 130 ms | 1.30 | ≤ 1.2 | **not met** |');
    expect(readme).toContain('| a \\| pipe | f | x | — | t | met |');
    expect(readme.endsWith('<!-- bench:end -->\n\nAfter.\n')).toBe(true);
    expect(readFileSync(join(box.dir, 'bench', 'RESULTS.md'), 'utf8')).toContain('| CLI start-up |');
  });

  it('starts afresh after --reset, and says what is missing instead of writing a half table', () => {
    const box = sandbox('no markers here\n');
    box.run(record({ what: 'x', floor: 'f', figure: 'y', target: 't', met: true }));
    const noMarkers = box.table();
    expect(noMarkers.status).toBe(1);
    expect(noMarkers.stderr).toContain('README.md has no <!-- bench:start --> … <!-- bench:end --> section');
    expect(box.table('--reset').status).toBe(0);
    expect(existsSync(join(box.dir, 'results.jsonl'))).toBe(false);
    const empty = box.table();
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('no results');
  });
});
