// Cached GET throughput of the API (Node entry) against a bare node:http server sending the
// same bytes, both driven by wrk with 64 connections on loopback, in turn, and compared by medians.
import { printMachine, report } from '../../../bench/report.mjs';
import { DURATION, ROUNDS, requireWrk, startBareServer, startServer, wrkAlternating } from '../../../bench/wrk.mjs';

const PATH = '/v1/smtp/compare/235/554?lang=vi&format=text';
requireWrk();

const api = await startServer(new URL('../dist/node.js', import.meta.url).pathname);
const response = await fetch(`http://127.0.0.1:${api.port}${PATH}`);
const body = await response.text();
const bare = await startBareServer(response, body);

printMachine();
console.log(`GET ${PATH} (${Buffer.byteLength(body)} bytes), wrk -t1 -c64 -d${DURATION}, ${ROUNDS} alternating rounds, medians`);
const { floor, subject } = wrkAlternating({ floor: { port: bare.port, path: PATH }, subject: { port: api.port, path: PATH } });
bare.stop();
api.stop();

const line = (label, r) => `${label.padEnd(34)} ${Math.round(r.rps).toLocaleString('en').padStart(9)} req/s   p99 ${r.p99.toFixed(2)} ms   non-2xx ${r.non2xx}   socket errors: ${r.errors}`;
console.log(line('floor: bare node:http, same bytes', floor));
console.log(line('protocodes API (Node entry)', subject));
const ratio = subject.rps / floor.rps;
const clean = subject.non2xx === 0 && floor.non2xx === 0;
const met = ratio >= 0.8 && subject.p99 <= 10 && clean;
console.log(`ratio ${ratio.toFixed(2)} (target ≥ 0.8, p99 ≤ 10 ms, 0 non-2xx): ${met ? 'met' : 'NOT met'}; non-2xx: ${clean ? 'none' : 'SOME'}`);
report({
  what: 'cached API GET, wrk 64 connections',
  floor: `bare node:http, same bytes: ${Math.round(floor.rps).toLocaleString('en')} req/s, p99 ${floor.p99.toFixed(1)} ms`,
  figure: `${Math.round(subject.rps).toLocaleString('en')} req/s, p99 ${subject.p99.toFixed(1)} ms, ${subject.non2xx} non-2xx`,
  ratio: ratio.toFixed(2),
  target: '≥ 0.8, p99 ≤ 10 ms, 0 non-2xx',
  met,
});
