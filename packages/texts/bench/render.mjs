// Comparison renders per second on one core, next to the floor of building the same pairs' facts
// alone (tinybench, in one process). Every SMTP pair is rendered in turn, not one pair over and over.
import { Bench } from 'tinybench';
import { compareCodes, listCodes } from '@protocodes/core';
import { printMachine, report } from '../../../bench/report.mjs';
import { renderComparison } from '../dist/index.js';

printMachine();
const codes = listCodes('smtp').map((entry) => entry.code);
const pairs = codes.flatMap((a, i) => codes.slice(i + 1).map((b) => [a, b]));
let next = 0;
const pair = () => pairs[next++ % pairs.length];

const bench = new Bench({ time: 2000, warmupTime: 500 });
bench.add('floor: compareCodes, facts only', () => compareCodes('smtp', ...pair()));
for (const format of ['text', 'html', 'markdown']) bench.add(`renderComparison, vi, ${format}`, () => renderComparison({ protocol: 'smtp', codes: pair(), locale: 'vi', format }));
await bench.run();

const rate = (task) => task.result.throughput.mean;
const [floor, text, html] = bench.tasks;
console.log(`${pairs.length} SMTP pairs in turn`);
console.log(`${'task'.padEnd(48)} ${'ops/s'.padStart(12)} ${'cost vs floor'.padStart(14)}`);
for (const task of bench.tasks) {
  console.log(`${task.name.padEnd(48)} ${Math.round(rate(task)).toLocaleString('en').padStart(12)} ${(rate(floor) / rate(task)).toFixed(1).padStart(13)}×`);
}
const targets = [[text, 'text', 150_000], [html, 'html', 120_000]];
for (const [task, format, target] of targets) {
  const met = rate(task) >= target;
  console.log(`${format} renders/s on one core: ${Math.round(rate(task)).toLocaleString('en')} (target ≥ ${target.toLocaleString('en')}): ${met ? 'met' : 'NOT met'}`);
  report({
    what: `comparison renders, one core, ${format}`,
    floor: `facts alone: ${Math.round(rate(floor)).toLocaleString('en')}/s`,
    figure: `${Math.round(rate(task)).toLocaleString('en')}/s`,
    ratio: `${(rate(floor) / rate(task)).toFixed(1)}× the floor's cost`,
    target: `≥ ${target.toLocaleString('en')}/s`,
    met,
  });
}
