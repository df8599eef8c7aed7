// Lines per second that parseReply reads from a generated 1,000,000-line Postfix-style log,
// against a floor of reading and splitting the same file, both timed by hyperfine in one run.
// Also prints the parser's peak RSS. Target: at least 25 % of the floor's speed.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareWithFloor } from '../../../bench/hyperfine.mjs';
import { printMachine, report } from '../../../bench/report.mjs';

const LINES = 1_000_000;
const file = join(tmpdir(), `protocodes-postfix-${LINES}.log`);

function line(i) {
  const stamp = `Dec  1 08:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
  const head = `${stamp} mx postfix/smtp[${1000 + (i % 5000)}]: ${(i * 7919).toString(16).toUpperCase()}: to=<u${i}@example.net>, relay=mx.example.net[203.0.113.${i % 250}]:25, delay=1.2,`;
  switch (i % 5) {
    case 0: return `${head} dsn=5.1.1, status=bounced (host mx.example.net[203.0.113.5] said: 550 5.1.1 <u${i}@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command))`;
    case 1: return `${head} dsn=4.7.0, status=deferred (host mx.example.net[203.0.113.5] said: 421 4.7.0 Try again later, closing connection. (in reply to MAIL FROM command))`;
    case 2: return `${stamp} mx postfix/smtpd[${2000 + (i % 900)}]: connect from client.example.org[198.51.100.${i % 250}]`;
    default: return `${head} dsn=2.0.0, status=sent (250 2.0.0 OK queued as ${i.toString(36).toUpperCase()})`;
  }
}

if (!existsSync(file) || statSync(file).size === 0) {
  const out = createWriteStream(file);
  let batch = [];
  for (let i = 0; i < LINES; i++) {
    batch.push(line(i));
    if (batch.length === 10_000) {
      if (!out.write(`${batch.join('\n')}\n`)) await new Promise((resolve) => out.once('drain', resolve));
      batch = [];
    }
  }
  await new Promise((resolve) => out.end(resolve));
}
console.log(`log: ${file}, ${LINES.toLocaleString('en')} lines, ${(statSync(file).size / 1e6).toFixed(1)} MB`);

// Both read the file in the same 64 KiB pieces (what a stream reads at a time, and about the 256
// lines that `protocodes explain` parses at once) and split them at line ends; only the subject parses.
const reader = (work) => `node --input-type=module -e "
import { openSync, readSync } from 'node:fs';
import { parseReply } from '@protocodes/core';
const fd = openSync('${file}', 'r'); const buf = Buffer.alloc(1 << 16); let rest = ''; let lines = 0; let n;
const take = (text) => { lines += text.split('\\\\n').length; ${work} };
while ((n = readSync(fd, buf)) > 0) { const text = rest + buf.toString('utf8', 0, n); const cut = text.lastIndexOf('\\\\n'); take(text.slice(0, cut)); rest = text.slice(cut + 1); }
if (rest) take(rest);
if (process.env.PRINT_RSS) console.log(lines + ' lines, peak RSS ' + (process.resourceUsage().maxRSS / 1024).toFixed(0) + ' MB');
"`;

printMachine();
const result = compareWithFloor({
  floor: { label: 'read + split lines', command: reader('') },
  subject: { label: 'read + split + parseReply', command: reader('parseReply(text);') },
  runs: 3,
  warmup: 1,
  cwd: new URL('..', import.meta.url).pathname,
});
const perSecond = (seconds) => `${Math.round(LINES / seconds).toLocaleString('en')} lines/s`;
console.log(`speed    floor ${perSecond(result.floor)}, parser ${perSecond(result.subject)}: ${(100 / result.ratio).toFixed(1)} % of the floor (target ≥ 25 %)`);
const rss = spawnSync('sh', ['-c', reader('parseReply(text);')], { cwd: new URL('..', import.meta.url).pathname, env: { ...process.env, PRINT_RSS: '1' }, encoding: 'utf8' });
console.log(`memory   ${rss.stdout.trim()}`);
const share = 100 / result.ratio;
report({
  what: 'explain a 1,000,000-line Postfix log (64 KiB reads)',
  floor: `read + split lines: ${perSecond(result.floor)}`,
  figure: `${perSecond(result.subject)}, ${/peak RSS (\d+ MB)/.exec(rss.stdout)?.[1] ?? '?'} peak RSS`,
  ratio: `${share.toFixed(1)} % of the floor's speed`,
  target: '≥ 25 %, flat memory',
  met: share >= 25,
});
