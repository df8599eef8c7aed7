// Codes, wire texts and command names inside right-to-left text. The bidi algorithm gives numbers
// and punctuation the paragraph's direction, so in Arabic `554 Transaction failed` shows as
// "Transaction failed 554" and `<domain>` as ">domain<". Each such run goes in a left-to-right
// isolate, which is what a reader of the RFCs and of the server's log expects to see.

const ENTITY = '&(?:[a-zA-Z]+|#x?[0-9a-fA-F]+);';
const TOKEN = `(?:[A-Za-z0-9]+|${ENTITY})`;
const LEFT_TO_RIGHT_RUN = new RegExp(`${TOKEN}(?:[ .,:;/@_+=#%'*()\\[\\]-]*${TOKEN})*`, 'g');
const BARE_WORD = /^[A-Za-z0-9]+$/;
/** Elements whose text is left alone: already isolated, not prose, or not HTML (SVG has no `bdi`). */
const UNTOUCHED = new Set(['bdi', 'code', 'script', 'style', 'svg', 'textarea', 'title', 'pre']);

/** The HTML with every left-to-right run in its text, other than a bare word, in `<bdi dir="ltr">`. */
export function isolateLeftToRight(html: string): string {
  const parts = html.split(/(<[^>]*>)/);
  let skipping: string | undefined;
  let depth = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) {
      const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(part);
      if (!tag) continue;
      const name = tag[2]!.toLowerCase();
      if (skipping === undefined && !tag[1] && UNTOUCHED.has(name) && !part.endsWith('/>')) {
        skipping = name;
        depth = 1;
      } else if (skipping === name && !part.endsWith('/>')) {
        depth += tag[1] ? -1 : 1;
        if (depth === 0) skipping = undefined;
      }
    } else if (skipping === undefined && part !== '') {
      parts[i] = part.replace(LEFT_TO_RIGHT_RUN, (run) => (BARE_WORD.test(run) ? run : `<bdi dir="ltr">${run}</bdi>`));
    }
  }
  return parts.join('');
}
