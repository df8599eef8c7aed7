// Cached GET throughput of the API (Node entry) against a bare node:http server sending the
// same bytes, both driven by wrk with 64 connections for 10 seconds on loopback.
import { fork, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PATH = '/v1/smtp/compare/235/554?lang=vi&format=text';
const DURATION = process.env.BENCH_DURATION ?? '10s';
const here = new URL('.', import.meta.url).pathname;

if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is not installed: apt-get install wrk (Debian)');
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

async function start(script, args, env = {}) {
  const child = fork(script, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = Number(env.PORT ?? args[1]);
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`);
      return { child, port };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${script} did not start`);
}

function wrk(port) {
  const result = spawnSync('wrk', ['-t1', '-c64', `-d${DURATION}`, '--latency', `http://127.0.0.1:${port}${PATH}`], { encoding: 'utf8' });
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

const api = await start(join(here, '..', 'dist', 'node.js'), [], { PORT: String(await freePort()) });
const response = await fetch(`http://127.0.0.1:${api.port}${PATH}`);
const body = await response.text();
const headers = Object.fromEntries([...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)));
const work = mkdtempSync(join(tmpdir(), 'protocodes-bench-'));
writeFileSync(join(work, 'response.json'), JSON.stringify({ headers, body }));
const barePort = await freePort();
const bare = fork(join(here, 'bare-server.mjs'), [join(work, 'response.json'), String(barePort)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
await new Promise((resolve) => bare.once('message', resolve));

console.log(`GET ${PATH} (${Buffer.byteLength(body)} bytes), wrk -t1 -c64 -d${DURATION}`);
const floor = wrk(barePort);
const subject = wrk(api.port);
bare.kill();
api.child.kill();
rmSync(work, { recursive: true, force: true });

const line = (label, r) => `${label.padEnd(34)} ${Math.round(r.rps).toLocaleString('en').padStart(9)} req/s   p99 ${r.p99.toFixed(2)} ms   non-2xx ${r.non2xx}   socket errors: ${r.errors}`;
console.log(line('floor: bare node:http, same bytes', floor));
console.log(line('protocodes API (Node entry)', subject));
console.log(`ratio ${(subject.rps / floor.rps).toFixed(2)} (target ≥ 0.6); non-2xx must be 0: ${subject.non2xx === 0 && floor.non2xx === 0 ? 'yes' : 'NO'}`);
