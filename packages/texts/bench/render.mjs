// Comparison renders per second on one core, next to the floor of building the facts alone.
import { Bench } from 'tinybench';
import { compareCodes } from '@protocodes/core';
import { renderComparison } from '../dist/index.js';

const bench = new Bench({ time: 2000, warmupTime: 500 });
bench
  .add('floor: compareCodes(smtp, 235, 554), facts only', () => compareCodes('smtp', 235, 554))
  .add('renderComparison 235 vs 554, vi, text', () => renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'vi', format: 'text' }))
  .add('renderComparison 235 vs 554, vi, html', () => renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'vi', format: 'html' }))
  .add('renderComparison 235 vs 554, vi, markdown', () => renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'vi', format: 'markdown' }));

await bench.run();

const rate = (task) => task.result.throughput.mean;
const [floor, ...renders] = bench.tasks;
console.log(`${'task'.padEnd(48)} ${'ops/s'.padStart(12)} ${'vs floor'.padStart(9)}`);
for (const task of bench.tasks) {
  console.log(`${task.name.padEnd(48)} ${Math.round(rate(task)).toLocaleString('en').padStart(12)} ${(rate(floor) / rate(task)).toFixed(1).padStart(8)}×`);
}
const text = rate(renders[0]);
console.log(`\ntext renders/s on one core: ${Math.round(text).toLocaleString('en')} (target > 50,000): ${text > 50000 ? 'met' : 'NOT met'}`);
