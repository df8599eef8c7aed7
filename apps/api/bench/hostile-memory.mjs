// Memory under hostile traffic: 50,000 distinct URLs, each with its own language tag, a 1.9 kB junk
// parameter and a 14 kB Accept-Language header, sent to the API's Node entry. Prints the
// server's RSS before (the floor), right after, and after a minute idle, and the growth against
// the target of at most 100 MB above the start.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { report } from '../../../bench/report.mjs';
import { startServer } from '../../../bench/wrk.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50_000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const CONCURRENCY = 32;
const TARGET_MB = 100;

/** Resident memory of a process, from /proc (Linux). */
const rssMb = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const server = await startServer(new URL('../dist/node.js', import.meta.url).pathname);
const base = `http://127.0.0.1:${server.port}`;

// Warm up the ordinary paths, so that the floor includes what any server would hold.
for (const path of ['/v1/smtp/codes/554', '/v1/smtp/compare/235/554?lang=vi&format=text', '/docs']) await (await fetch(`${base}${path}`)).arrayBuffer();
const before = rssMb(server.pid);

const letters = 'abcdefghijklmnopqrstuvwxyz';
// Just under the 2,048-character URL limit, so that every request is served, not refused with 414.
const junk = 'j'.repeat(1_900);
const acceptLanguage = Array.from({ length: 1400 }, (_, i) => `x${i % 10}-${'q'.repeat(4)};q=0.${i % 9}`).join(',').slice(0, 14_000);
const codes = ['554', '250', '421', '550', '235'];
const statuses = new Map();
let sent = 0;
const started = performance.now();
async function worker() {
  while (sent < REQUESTS) {
    const i = sent++;
    // A distinct, well-formed tag for every request: two letters, two letters, two letters.
    const tag = `${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}-${letters[Math.floor(i / 676) % 26].toUpperCase()}${letters[Math.floor(i / 17576) % 26].toUpperCase()}`;
    const response = await fetch(`${base}/v1/smtp/codes/${codes[i % codes.length]}?lang=${tag}&junk${i}=${junk}&format=${i % 2 ? 'text' : 'json'}`, {
      headers: { 'accept-language': acceptLanguage },
    });
    await response.arrayBuffer();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const seconds = (performance.now() - started) / 1000;
const after = rssMb(server.pid);
await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
const idle = rssMb(server.pid);
server.stop();

const mb = (n) => `${n.toFixed(1)} MB`;
console.log(`${cpus().length} cores; ${REQUESTS} hostile requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
console.log(`floor    RSS before the requests          ${mb(before)}`);
console.log(`subject  RSS right after                  ${mb(after)}   (+${mb(after - before)})`);
console.log(`subject  RSS after ${IDLE_SECONDS} s idle${' '.repeat(Math.max(0, 16 - String(IDLE_SECONDS).length))}${mb(idle)}   (+${mb(idle - before)})`);
console.log(`ratio    ${(Math.max(after, idle) / before).toFixed(2)} of the floor; growth ${mb(Math.max(after, idle) - before)} (target ≤ ${TARGET_MB} MB above the floor)`);
const growth = Math.max(after, idle) - before;
const no5xx = ![...statuses.keys()].some((status) => status >= 500);
report({
  what: `API memory under ${REQUESTS.toLocaleString('en')} hostile URLs`,
  floor: `RSS before: ${mb(before)}`,
  figure: `${mb(after)} after, ${mb(idle)} after ${IDLE_SECONDS} s idle`,
  ratio: `+${mb(growth)}`,
  target: `≤ +${TARGET_MB} MB, no 5xx`,
  met: growth <= TARGET_MB && no5xx,
});
if (!no5xx) {
  console.error('some requests got a 5xx');
  process.exit(1);
}
