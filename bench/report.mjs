// What every benchmark shares: the machine line it prints first, and the row it adds to the
// table that `pnpm bench` writes (bench/RESULTS.md, and the README between its bench markers).
import { appendFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname } from 'node:path';

/** Where rows collect during `pnpm bench`; bench/table.mjs empties it first and reads it last. */
export const RESULTS_FILE = process.env.PROTOCODES_BENCH_RESULTS ?? new URL('../node_modules/.cache/protocodes-bench/results.jsonl', import.meta.url).pathname;

/** Prints the core count and Node version, so that every figure can be read against its machine. */
export function printMachine() {
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`);
}

/**
 * Records one headline figure for the table.
 * @param {{ what: string, floor: string, figure: string, ratio?: string, target: string, met: boolean | undefined }} row
 *   `met` is undefined where the benchmark measures something the target does not judge.
 */
export function report(row) {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  appendFileSync(RESULTS_FILE, `${JSON.stringify({ ...row, cores: availableParallelism() })}\n`);
}

/** Middle value of a list of numbers. */
export const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
