// Drives servers with wrk (64 connections, one thread, on loopback) and starts the floor: a bare
// node:http server sending a given response. Used by the apps' throughput benchmarks.
import { fork, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './report.mjs';

export const DURATION = process.env.BENCH_DURATION ?? '5s';
/** Each server is driven this many times, in turn with the others, and the medians are kept. */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export function requireWrk() {
  if (spawnSync('wrk', ['--version']).error) {
    console.error('wrk is not installed: apt-get install wrk (Debian)');
    process.exit(1);
  }
}

export function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Forks a server script with PORT set and waits until /healthz answers; `pid` is for reading its memory. */
export async function startServer(script, env = {}) {
  const port = await freePort();
  const child = fork(script, [], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`);
      return { port, pid: child.pid, stop: () => child.kill() };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

/** The floor: a bare node:http server answering every request with this response's bytes and headers. */
export async function startBareServer(response, body) {
  const skip = ['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'];
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !skip.includes(name)));
  const work = mkdtempSync(join(tmpdir(), 'protocodes-bench-'));
  writeFileSync(join(work, 'response.json'), JSON.stringify({ headers, body }));
  const port = await freePort();
  const child = fork(new URL('bare-server.mjs', import.meta.url).pathname, [join(work, 'response.json'), String(port)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise((resolve) => child.once('message', resolve));
  return {
    port,
    stop: () => {
      child.kill();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Requests per second, p99 latency in ms, non-2xx/3xx responses and socket errors. */
export function wrk(port, path) {
  const result = spawnSync('wrk', ['-t1', '-c64', `-d${DURATION}`, '--latency', `http://127.0.0.1:${port}${path}`], { encoding: 'utf8' });
  const out = result.stdout;
  const unit = { us: 0.001, ms: 1, s: 1000 };
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)/m.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p99: p99 ? Number(p99[1]) * unit[p99[2]] : NaN,
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
    errors: /Socket errors:.*/.exec(out)?.[0] ?? 'none',
  };
}

/**
 * Drives each target in turn, ROUNDS times over, so that a noisy moment on a shared machine hits
 * all of them alike; returns per target the median req/s and p99, and every non-2xx and socket error.
 * @param {Record<string, { port: number, path: string }>} targets
 */
export function wrkAlternating(targets) {
  const runs = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, { port, path }] of Object.entries(targets)) runs[name].push(wrk(port, path));
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, results]) => [
      name,
      {
        rps: median(results.map((r) => r.rps)),
        p99: median(results.map((r) => r.p99)),
        non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
        errors: results.map((r) => r.errors).find((e) => e !== 'none') ?? 'none',
      },
    ]),
  );
}
