// `npm start` on a warm clone (installed, built once): the time from the command to the first
// page served, against `node -e 0` started the same way, alternating, medians of three.
// Target (#16): serving in ≤ 10 s.
import { spawn, spawnSync } from 'node:child_process';
import { median, printMachine, report } from './report.mjs';
import { freePort } from './wrk.mjs';

const root = new URL('..', import.meta.url).pathname;
const TARGET_S = 10;

async function timeStart(port) {
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let announced = '';
  child.stdout.on('data', (chunk) => (announced += chunk));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${announced}`);
      const origin = /serving on (http:\/\/\S+?)\/?\s/.exec(announced)?.[1];
      if (origin) {
        const response = await fetch(`${origin}/en/`).catch(() => undefined);
        if (response?.status === 200) return (performance.now() - started) / 1000;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
  }
}

function timeFloor() {
  const started = performance.now();
  spawnSync('node', ['-e', '0']);
  return (performance.now() - started) / 1000;
}

printMachine();
// One start first: it builds anything turbo has not cached, which a warm clone already has.
await timeStart(await freePort());
const starts = [];
const floors = [];
for (let round = 0; round < 3; round++) {
  floors.push(timeFloor());
  starts.push(await timeStart(await freePort()));
}
const seconds = median(starts);
console.log(`floor    node -e 0                                   median ${(median(floors) * 1000).toFixed(0)} ms`);
console.log(`subject  npm start until /en/ answers 200            median ${seconds.toFixed(2)} s`);
console.log(`target   ≤ ${TARGET_S} s: ${seconds <= TARGET_S ? 'met' : 'NOT met'}`);
report({
  what: '`npm start` on a warm clone, until a page is served',
  floor: `node -e 0: ${(median(floors) * 1000).toFixed(0)} ms`,
  figure: `${seconds.toFixed(2)} s`,
  target: `≤ ${TARGET_S} s`,
  met: seconds <= TARGET_S,
});
