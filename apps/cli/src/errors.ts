// Exit codes, and the one error type commands throw for a user's mistake.
import { stripControls } from './terminal.js';

export const EXIT = { ok: 0, notFound: 1, usage: 2, internal: 70 } as const;

/** A mistake on the command line: printed as one line (plus a hint), never as a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** Shortens what a user typed before echoing it back, so a 10 kB argument stays a short line. */
export function quote(value: string): string {
  const oneLine = stripControls(value.replace(/\n/g, ' '));
  return JSON.stringify(oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine);
}
