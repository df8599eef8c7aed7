// Runs hyperfine on a floor command and a subject command in the same run, and prints both
// medians and their ratio. Used by the packages' `bench` scripts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function compareWithFloor({ floor, subject, runs = 30, warmup = 3, cwd = process.cwd(), target }) {
  const check = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  if (check.error) {
    console.error('hyperfine is not installed: apt-get install hyperfine (Debian), or see https://github.com/sharkdp/hyperfine');
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), 'protocodes-bench-'));
  const json = join(dir, 'result.json');
  const result = spawnSync(
    'hyperfine',
    ['-N', '--style', 'basic', '--warmup', String(warmup), '--runs', String(runs), '--export-json', json, floor.command, subject.command],
    { cwd, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
  const [floorRun, subjectRun] = JSON.parse(readFileSync(json, 'utf8')).results;
  rmSync(dir, { recursive: true, force: true });
  const ms = (s) => `${(s * 1000).toFixed(1)} ms`;
  const ratio = subjectRun.median / floorRun.median;
  console.log('');
  console.log(`floor    ${floor.label.padEnd(44)} median ${ms(floorRun.median)}`);
  console.log(`subject  ${subject.label.padEnd(44)} median ${ms(subjectRun.median)}`);
  console.log(`ratio    ${ratio.toFixed(2)}${target ? ` (target ≤ ${target}): ${ratio <= target ? 'met' : 'NOT met'}` : ''}`);
  return { floor: floorRun.median, subject: subjectRun.median, ratio };
}
