// How much importing protocol data adds to starting Node, each measured against `node -e 0` in the
// same hyperfine run: SMTP's facts alone, SMTP's facts with one locale's SMTP prose (#16's "one
// protocol's facts plus one locale's prose", target ≤ 5 ms above the floor), and English SMTP.
import { compareWithFloor } from '../../../bench/hyperfine.mjs';
import { printMachine, report } from '../../../bench/report.mjs';

printMachine();
const cwd = new URL('..', import.meta.url).pathname;
const floor = { label: 'node -e 0', command: 'node -e 0' };
const TARGET_MS = 5;
const cases = [
  { label: "import('@protocodes/core/smtp/facts') + one lookup", command: `node --input-type=module -e "const m = await import('@protocodes/core/smtp/facts'); m.getSmtpFacts(554)"` },
  {
    label: 'SMTP facts + Vietnamese SMTP prose',
    command: `node --input-type=module -e "const [f, vi] = await Promise.all([import('@protocodes/core/smtp/facts'), import('@protocodes/core/locales/vi/smtp')]); f.getSmtpFacts(554); vi.codeTexts[554].title"`,
    judged: true,
  },
  { label: "import('@protocodes/core/smtp') (English prose) + one lookup", command: `node --input-type=module -e "const m = await import('@protocodes/core/smtp'); m.getSmtpCode(554)"` },
];
for (const { label, command, judged } of cases) {
  const result = compareWithFloor({ floor, subject: { label, command }, cwd });
  const extra = (result.subject - result.floor) * 1000;
  console.log(`above the floor: ${extra.toFixed(1)} ms${judged ? ` (target ≤ ${TARGET_MS} ms): ${extra <= TARGET_MS ? 'met' : 'NOT met'}` : ''}`);
  report({
    what: `import: ${label}`,
    floor: `node -e 0: ${(result.floor * 1000).toFixed(1)} ms`,
    figure: `${(result.subject * 1000).toFixed(1)} ms`,
    ratio: `+${extra.toFixed(1)} ms`,
    target: judged ? `≤ +${TARGET_MS} ms` : '—',
    met: judged ? extra <= TARGET_MS : undefined,
  });
}
