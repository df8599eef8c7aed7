// How output meets the terminal: bold headings and wrapped lines on a TTY only; piped output is
// exactly the text, unwrapped and without escape codes.

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

export interface Presentation {
  color: boolean;
  /** Wrap width, or undefined to leave lines as they are. */
  width: number | undefined;
}

export function presentation(stream: OutputStream, env: NodeJS.ProcessEnv, forcedColor: boolean | undefined): Presentation {
  const tty = stream.isTTY === true;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return {
    color: forcedColor ?? (tty && !noColor && env.TERM !== 'dumb'),
    width: tty ? Math.max(40, Math.min(stream.columns ?? 80, 120)) : undefined,
  };
}

/**
 * Terminal escape sequences (CSI, OSC hyperlinks and titles, DCS and the like) and any other
 * control or bidi-override character: what a text must not smuggle into a terminal. Each piece
 * of the pattern stops at the next ESC, so a scan stays linear.
 */
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[\s\S])?|\u009b[0-?]*[ -/]*[@-~]?/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print: escape sequences removed, other control characters shown as "?". Keeps newlines and tabs. */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '?');
}

/** JSON safe to print: the same characters escaped as \uXXXX, so the JSON stays valid and equal. */
export function escapeControlsInJson(json: string): string {
  return json.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;
export const dim = (text: string) => `\u001b[2m${text}\u001b[22m`;

const length = (text: string) => [...text].length;

/** Wraps one line at spaces; continuation lines get `indent` spaces. Words longer than the width stay whole. */
export function wrapLine(line: string, width: number, indent = 0): string {
  if (length(line) <= width) return line;
  const words = line.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    const limit = lines.length === 0 ? width : width - indent;
    if (length(candidate) > limit && current !== '') {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  lines.push(current);
  return lines.map((l, i) => (i === 0 ? l : `${' '.repeat(indent)}${l}`)).join('\n');
}

/** Wraps every line of a text, indenting list items under their first word. */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width, /^- /.test(line) ? 2 : 0))
    .join('\n');
}
