// What the CLI costs over starting Node at all: a comparison in Vietnamese, and explaining one
// reply, each against `node -e 0` in the same hyperfine run.
import { compareWithFloor } from '../../../bench/hyperfine.mjs';
import { printMachine, report } from '../../../bench/report.mjs';

printMachine();
const cwd = new URL('..', import.meta.url).pathname;
const floor = { label: 'node -e 0', command: 'node -e 0' };
const cases = [
  { label: 'protocodes compare smtp 235 554 --lang vi', command: 'node dist/protocodes.js compare smtp 235 554 --lang vi', target: 1.2 },
  { label: 'protocodes explain "<one reply>"', command: `node dist/protocodes.js explain "550 5.1.1 <a@example.net>: Recipient address rejected: User unknown"`, target: 1.3 },
];
for (const { label, command, target } of cases) {
  const result = compareWithFloor({ floor, subject: { label, command }, cwd, runs: 30, target });
  report({
    what: `CLI: \`${label}\``,
    floor: `node -e 0: ${(result.floor * 1000).toFixed(1)} ms`,
    figure: `${(result.subject * 1000).toFixed(1)} ms`,
    ratio: result.ratio.toFixed(2),
    target: `≤ ${target}`,
    met: result.ratio <= target,
  });
}
