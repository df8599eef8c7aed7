// Cached GET throughput of the API (Node entry) against a bare node:http server sending the
// same bytes, both driven by wrk with 64 connections for 10 seconds on loopback.
import { DURATION, requireWrk, startBareServer, startServer, wrk } from '../../../bench/wrk.mjs';

const PATH = '/v1/smtp/compare/235/554?lang=vi&format=text';
requireWrk();

const api = await startServer(new URL('../dist/node.js', import.meta.url).pathname);
const response = await fetch(`http://127.0.0.1:${api.port}${PATH}`);
const body = await response.text();
const bare = await startBareServer(response, body);

console.log(`GET ${PATH} (${Buffer.byteLength(body)} bytes), wrk -t1 -c64 -d${DURATION}`);
const floor = wrk(bare.port, PATH);
const subject = wrk(api.port, PATH);
bare.stop();
api.stop();

const line = (label, r) => `${label.padEnd(34)} ${Math.round(r.rps).toLocaleString('en').padStart(9)} req/s   p99 ${r.p99.toFixed(2)} ms   non-2xx ${r.non2xx}   socket errors: ${r.errors}`;
console.log(line('floor: bare node:http, same bytes', floor));
console.log(line('protocodes API (Node entry)', subject));
console.log(`ratio ${(subject.rps / floor.rps).toFixed(2)} (target ≥ 0.6); non-2xx must be 0: ${subject.non2xx === 0 && floor.non2xx === 0 ? 'yes' : 'NO'}`);
