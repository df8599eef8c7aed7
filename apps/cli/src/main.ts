// protocodes: the command-line tool. Everything it says comes from @protocodes/texts; this file
// only turns argv into a command, and errors into one clear line and an exit code.
import { ProtocodesError, UnknownCodeError } from '@protocodes/core';
import { parseCommandLine, type ParsedArgs } from './args.js';
import { chooseLocale, runCompare, runList, runSearch, runShow, type LocaleChoice, type Output } from './commands.js';
import { EXIT, UsageError } from './errors.js';
import { runExplain } from './explain.js';
import { inputFileSize, PROGRESS_MIN_BYTES, startProgress } from './progress.js';
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import { completionScript } from './completion.js';
import { dim, presentation, stripControls, type OutputStream } from './terminal.js';
import { loadLocale } from '@protocodes/texts/lazy';

declare const PROTOCODES_VERSION: string;

export interface Streams {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Resolves when standard output has room again after a write returned false. */
  drain?: () => Promise<void>;
  /** The size of standard input when it is a file (tests pass their own). */
  inputSize?: () => number | undefined;
}

/** The language a command's texts are in, what was asked for, and what fell back to English. */
type LanguageUsed = Pick<Output, 'locale' | 'requestedLocale' | 'fallbacks'>;

function localeNote(output: LanguageUsed, source: string): string {
  const from = source === 'default' ? 'by default' : `from ${source}`;
  const whole = output.fallbacks.find((f) => f.part === 'locale');
  if (whole) return `protocodes: no texts in ${output.requestedLocale} yet (${from}); showing ${output.locale}`;
  const parts = output.fallbacks.map((f) => f.part);
  return `protocodes: language ${output.locale} (${from})${parts.length ? `; still in English: ${parts.join(', ')}` : ''}`;
}

// Up to a few MiB may wait for a slow reader; waiting on every write would make a fast pipe slow.
function writeWithRoom(stream: OutputStream & { writableLength?: number }, text: string): boolean {
  stream.write(text);
  return (stream.writableLength ?? 0) < 4 * 1024 * 1024;
}

async function execute(args: ParsedArgs, streams: Streams): Promise<number> {
  if (args.version && !args.command) {
    streams.stdout.write(`${PROTOCODES_VERSION}\n`);
    return EXIT.ok;
  }
  if (args.help) {
    streams.stdout.write(`${args.command ? COMMAND_HELP[args.command] : MAIN_HELP}\n`);
    return EXIT.ok;
  }
  if (!args.command) {
    streams.stderr.write(`protocodes: missing command\n  for example: protocodes show smtp 554\n\n${MAIN_HELP}\n`);
    return EXIT.usage;
  }
  if (args.command === 'completion') {
    streams.stdout.write(completionScript(args));
    return EXIT.ok;
  }
  const locale = chooseLocale(args.lang, streams.env);
  // Only the language asked for is loaded (English is always there to fall back on).
  await loadLocale(locale.tag);
  if (args.command === 'explain') {
    const size = streams.stderr.isTTY ? (streams.inputSize ?? inputFileSize)() : undefined;
    const progress = size !== undefined && size >= PROGRESS_MIN_BYTES ? startProgress(streams.stdin, size, streams.stderr) : undefined;
    try {
      const siteUrl = streams.env.PROTOCODES_SITE_URL?.replace(/\/+$/, '');
      const result = await runExplain(args, locale, { stdin: streams.stdin, write: (text) => writeWithRoom(streams.stdout, text), drain: streams.drain ?? (async () => {}), ...(siteUrl ? { siteUrl } : {}) });
      writeLocaleNote(result, locale, args, streams);
      return result.exitCode;
    } finally {
      progress?.stop();
    }
  }
  const view = presentation(streams.stdout, streams.env, args.color);
  const command = { show: runShow, compare: runCompare, list: runList, search: runSearch }[args.command];
  const output = command(args, locale, view, streams.env.PROTOCODES_SITE_URL?.replace(/\/+$/, ''));
  streams.stdout.write(output.body);
  writeLocaleNote(output, locale, args, streams);
  return output.exitCode;
}

/** Names the language on stderr when some text is not in the one asked for, or with --verbose. */
function writeLocaleNote(output: LanguageUsed, locale: LocaleChoice, args: ParsedArgs, streams: Streams) {
  if (!args.verbose && output.fallbacks.length === 0) return;
  const note = localeNote(output, locale.source);
  const errView = presentation(streams.stderr, streams.env, args.color);
  streams.stderr.write(`${errView.color ? dim(note) : note}\n`);
}

/** Runs one command line; returns the exit code. Never throws for a user's mistake. */
export async function run(argv: readonly string[], streams: Streams): Promise<number> {
  try {
    return await execute(parseCommandLine(argv), streams);
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr.write(stripControls(`protocodes: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`));
      return error.exitCode;
    }
    if (error instanceof UnknownCodeError) {
      streams.stderr.write(stripControls(`protocodes: ${error.message}\n`));
      return EXIT.notFound;
    }
    if (error instanceof ProtocodesError) {
      streams.stderr.write(stripControls(`protocodes: ${error.message}\n`));
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr.write(stripControls(`protocodes: internal error (${message.split('\n')[0]}); please report it with the command you ran to the protocodes issue tracker`) + '\n');
    return EXIT.internal;
  }
}

/** An output that cannot be written (a full disk, a closed terminal): one line, exit 70. */
function onOutputError(stream: 'standard output' | 'standard error') {
  return (error: NodeJS.ErrnoException) => {
    // The reader went away (`protocodes list smtp | head -3`): that is not a failure.
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    if (stream === 'standard output') {
      try {
        process.stderr.write(`protocodes: cannot write to ${stream}: ${error.code ?? error.message}\n`);
      } catch {
        // Nowhere left to say it; the exit code still does.
      }
    }
    process.exit(EXIT.internal);
  };
}
process.stdout.on('error', onOutputError('standard output'));
process.stderr.on('error', onOutputError('standard error'));

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin, drain: () => new Promise((resolve) => process.stdout.once('drain', resolve)) });
