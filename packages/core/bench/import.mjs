// How much importing protocol data adds to starting Node, each measured against `node -e 0` in the
// same hyperfine run: SMTP's facts alone, and SMTP's facts with one locale's SMTP prose (#16's
// "one protocol's facts plus one locale's prose", target ≤ 5 ms above the floor).
import { compareWithFloor } from '../../../bench/hyperfine.mjs';

const cwd = new URL('..', import.meta.url).pathname;
const floor = { label: 'node -e 0', command: 'node -e 0' };

compareWithFloor({
  floor,
  subject: {
    label: "import('@protocodes/core/smtp/facts') + one lookup",
    command: `node --input-type=module -e "const m = await import('@protocodes/core/smtp/facts'); m.getSmtpFacts(554)"`,
  },
  cwd,
});
compareWithFloor({
  floor,
  subject: {
    label: 'SMTP facts + Vietnamese SMTP prose',
    command: `node --input-type=module -e "const [f, vi] = await Promise.all([import('@protocodes/core/smtp/facts'), import('@protocodes/core/locales/vi/smtp')]); f.getSmtpFacts(554); vi.codeTexts[554].title"`,
  },
  cwd,
});
compareWithFloor({
  floor,
  subject: {
    label: "import('@protocodes/core/smtp') (English prose) + one lookup",
    command: `node --input-type=module -e "const m = await import('@protocodes/core/smtp'); m.getSmtpCode(554)"`,
  },
  cwd,
});
