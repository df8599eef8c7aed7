// Site pages against the API on the combined server: a cached comparison page and the API's cached
// comparison, each driven by wrk with 64 connections on loopback, next to the floor (a bare
// node:http server sending the page's bytes) measured in the same run.
import { printMachine, report } from '../../../bench/report.mjs';
import { DURATION, ROUNDS, requireWrk, startBareServer, startServer, wrkAlternating } from '../../../bench/wrk.mjs';

const PAGE = '/vi/smtp/235-vs-554/';
const API = '/v1/smtp/compare/235/554?lang=vi&format=html';
requireWrk();

const server = await startServer(new URL('../dist/server.js', import.meta.url).pathname);
// One request each fills the caches: what is measured is a cached page and a cached API answer.
const page = await fetch(`http://127.0.0.1:${server.port}${PAGE}`);
const body = await page.text();
const apiBody = await (await fetch(`http://127.0.0.1:${server.port}${API}`)).text();
const bare = await startBareServer(page, body);

printMachine();
console.log(`wrk -t1 -c64 -d${DURATION} on one combined server (web and API on one port), ${ROUNDS} alternating rounds, medians`);
const { floor, site, api } = wrkAlternating({ floor: { port: bare.port, path: PAGE }, site: { port: server.port, path: PAGE }, api: { port: server.port, path: API } });
bare.stop();
server.stop();

const line = (label, r) => `${label.padEnd(74)} ${Math.round(r.rps).toLocaleString('en').padStart(9)} req/s   p99 ${r.p99.toFixed(2)} ms   non-2xx ${r.non2xx}`;
console.log(line(`floor: bare node:http, the page's ${Buffer.byteLength(body)} bytes`, floor));
console.log(line(`site: GET ${PAGE} (cached page)`, site));
console.log(line(`API: GET ${API} (${Buffer.byteLength(apiBody)} bytes, cached)`, api));
const clean = site.non2xx + api.non2xx + floor.non2xx === 0;
console.log(`site/API ${(site.rps / api.rps).toFixed(2)} (target ≥ 0.8); site/floor ${(site.rps / floor.rps).toFixed(2)}; non-2xx must be 0: ${clean ? 'yes' : 'NO'}`);
report({
  what: 'cached site page, wrk 64 connections, combined server',
  floor: `bare node:http, the page's bytes: ${Math.round(floor.rps).toLocaleString('en')} req/s`,
  figure: `page ${Math.round(site.rps).toLocaleString('en')} req/s (p99 ${site.p99.toFixed(1)} ms), API ${Math.round(api.rps).toLocaleString('en')} req/s`,
  ratio: `site/floor ${(site.rps / floor.rps).toFixed(2)}, site/API ${(site.rps / api.rps).toFixed(2)}`,
  target: 'site/API ≥ 0.8, 0 non-2xx',
  met: site.rps / api.rps >= 0.8 && clean,
});
