// How much importing @protocodes/core/smtp adds to starting Node, measured against `node -e 0`.
import { compareWithFloor } from '../../../bench/hyperfine.mjs';

compareWithFloor({
  floor: { label: 'node -e 0', command: 'node -e 0' },
  subject: {
    label: "import('@protocodes/core/smtp') + one lookup",
    command: `node --input-type=module -e "const m = await import('@protocodes/core/smtp'); m.getSmtpCode(554)"`,
  },
  cwd: new URL('..', import.meta.url).pathname,
});
