// What `protocodes compare smtp 235 554 --lang vi` costs over starting Node at all.
import { compareWithFloor } from '../../../bench/hyperfine.mjs';

const { ratio } = compareWithFloor({
  floor: { label: 'node -e 0', command: 'node -e 0' },
  subject: { label: 'protocodes compare smtp 235 554 --lang vi', command: 'node dist/protocodes.js compare smtp 235 554 --lang vi' },
  cwd: new URL('..', import.meta.url).pathname,
  runs: 40,
  target: 1.5,
});
if (ratio > 1.5) console.log('target NOT met');
