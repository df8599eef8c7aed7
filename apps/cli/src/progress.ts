// A progress bar on standard error while `explain` reads a large file from standard input. Shown
// only when standard error is a terminal and the input is a regular file of known size.
import { fstatSync } from 'node:fs';

/** Files smaller than this finish too fast for a bar to help. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;
const REDRAW_MS = 200;

export interface ProgressTarget {
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  write(text: string): unknown;
}

/** The size of standard input when it is a regular file, else undefined (a pipe, a terminal). */
export function inputFileSize(fd = 0): number | undefined {
  try {
    const stat = fstatSync(fd);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

export function progressLine(read: number, total: number, width: number): string {
  const share = Math.min(1, total > 0 ? read / total : 1);
  const label = ` ${Math.floor(share * 100)} % of ${(total / 1024 / 1024).toFixed(0)} MB`;
  const barWidth = Math.max(10, Math.min(40, width - label.length - 22));
  const filled = Math.round(share * barWidth);
  return `protocodes explain [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]${label}`;
}

/** Watches `input` and redraws at most five times a second; `stop` clears the line. */
export function startProgress(input: NodeJS.ReadableStream, total: number, target: ProgressTarget): { stop(): void } {
  let read = 0;
  let drawn = 0;
  const draw = () => target.write(`\r${progressLine(read, total, target.columns ?? 80)}`);
  const onData = (chunk: Buffer | string) => {
    read += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    const now = Date.now();
    if (now - drawn >= REDRAW_MS) {
      drawn = now;
      draw();
    }
  };
  input.on('data', onData);
  return {
    stop() {
      input.off('data', onData);
      if (drawn > 0) target.write('\r\x1b[K');
    },
  };
}
