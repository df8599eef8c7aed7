// `protocodes explain`: finds the SMTP replies in one reply, a bounce or a whole mail log and
// says what each means. Input from stdin is read in chunks cut between records, so memory stays
// flat however long the log is.
import { createInterface } from 'node:readline';
import { decodeMessage, explainMessage, looksLikeMessage, parseReply, type ReplyFinding } from '@protocodes/core';
import { availableLocales, negotiateLocale, renderReply, type Fallback } from '@protocodes/texts/lazy';
import type { ParsedArgs } from './args.js';
import type { LocaleChoice } from './commands.js';
import { EXIT, UsageError } from './errors.js';
import { escapeControlsInJson, stripControls } from './terminal.js';

export interface ExplainInput {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Writes to standard output; false when the reader is behind and the caller should wait. */
  write: (text: string) => boolean;
  drain: () => Promise<void>;
  /** The site's origin, for links to code pages. */
  siteUrl?: string;
  /** Reports how far through a large file on standard input the reading is (a TTY progress bar). */
  progress?: (bytesRead: number) => void;
}

/** One finding as printed by `--format json`: the field names are part of the CLI's interface. */
export interface ExplainedFinding {
  line: number;
  reply: number | null;
  enhanced: string | null;
  command: string | null;
  remoteHost: string | null;
  /** The address the reply was about, from a bounce's `Final-Recipient:` DSN field. */
  recipient: string | null;
  /** From the same DSN block's `Action:` field: `failed`, `delayed`, `delivered`, `relayed` or `expanded`. */
  action: NonNullable<ReplyFinding['action']> | null;
  /** The provider rule that matched, e.g. `{ "id": "gmail", "rule": "gmail-unknown-user" }`. */
  provider: { id: string; rule: string } | null;
  reason: ReplyFinding['reason'];
  verdict: ReplyFinding['verdict'];
  text: string;
  /** UTF-16 offsets from the start of `line`. */
  spans: ReplyFinding['spans'];
}

const CHUNK_LINES = 256;
const MESSAGE_LIMIT = 16 * 1024 * 1024;
const CHUNK_LIMIT = 8 * 1024 * 1024;
// A line that may continue the record before it (indented, `550-`, `<<< 550 `): no chunk ends just before one.
const CONTINUES = /^(?:[ \t]|(?:<<< )?[245]\d\d[- ])/;
const ENDS_WITH_BARE_CODE = /[\s:][245]\d\d\s*$/;

export interface ExplainResult {
  exitCode: number;
  /** The locale the texts are in, what was asked for, and what fell back, for the note on stderr. */
  locale: string;
  requestedLocale: string;
  fallbacks: readonly Fallback[];
}

export async function runExplain(args: ParsedArgs, locale: LocaleChoice, io: ExplainInput): Promise<ExplainResult> {
  const usage = 'protocodes explain "<reply>"   or   protocodes explain - < bounce.eml';
  const fromStdin = args.positionals.length === 0 || (args.positionals.length === 1 && args.positionals[0] === '-');
  if (args.format === 'markdown') throw new UsageError('explain prints text or json', 'use --format json for one JSON object per finding');
  if (fromStdin && io.stdin.isTTY) throw new UsageError('no reply to explain', `usage: ${usage}`);
  const report = new Report(args.format === 'json', locale.tag, io.write, io.siteUrl ?? false);
  if (!fromStdin) {
    report.addText(args.positionals.join(' '));
  } else {
    // Undecided until the first blank line (or 200 lines): a message is read whole, up to
    // MESSAGE_LIMIT; anything else is a log, read in chunks.
    let mode: 'undecided' | 'message' | 'log' = 'undecided';
    let chunk: string[] = [];
    let chunkSize = 0;
    let chunkStart = 1;
    let lineNo = 0;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      lineNo++;
      if (mode === 'undecided' && (line.trim() === '' || chunk.length >= 200)) {
        mode = looksLikeMessage(`${chunk.join('\n')}\n\n`) ? 'message' : 'log';
      }
      if (mode === 'message' && chunkSize > MESSAGE_LIMIT) mode = 'log';
      const atBoundary = !CONTINUES.test(line) && !ENDS_WITH_BARE_CODE.test(chunk[chunk.length - 1] ?? '') && !line.startsWith('<<<');
      // A log of nothing but continuation lines is still cut, at CHUNK_LIMIT, so memory stays flat.
      if (mode === 'log' && chunk.length >= CHUNK_LINES && (atBoundary || chunkSize > CHUNK_LIMIT)) {
        // Waiting for a slow reader keeps memory flat instead of queueing every finding.
        if (!report.add(chunk.join('\n'), chunkStart)) await io.drain();
        chunk = [];
        chunkSize = 0;
        chunkStart = lineNo;
      }
      chunk.push(line);
      chunkSize += line.length + 1;
    }
    if (mode === 'message' || (mode === 'undecided' && chunkStart === 1)) report.addText(chunk.join('\n'));
    else if (chunk.length > 0) report.add(chunk.join('\n'), chunkStart);
  }
  report.finish();
  if (report.count === 0) {
    throw new UsageError('found no SMTP reply in the input', 'give the line with the 3-digit code, e.g. protocodes explain "550 5.1.1 User unknown"', EXIT.notFound);
  }
  const negotiated = negotiateLocale(locale.tag, availableLocales);
  const fallbacks = negotiated.fellBack ? [{ part: 'locale', locale: negotiated.requested }] : [];
  return { exitCode: EXIT.ok, locale: negotiated.locale, requestedLocale: negotiated.requested, fallbacks: [...fallbacks, ...report.fallbacks.values()] };
}

class Report {
  count = 0;
  private readonly byReason = new Map<string, { count: number; example: string }>();
  private readonly byCode = new Map<string, { count: number; example: string }>();
  private readonly explained: string[] = [];
  /** The parts of the rendered texts still in English, by part. */
  readonly fallbacks = new Map<string, Fallback>();

  constructor(
    private readonly json: boolean,
    private readonly locale: string,
    private readonly write: (text: string) => boolean,
    /** Where the site runs (PROTOCODES_SITE_URL); without it, no links are printed. */
    private readonly linkBase: string | false = false,
    private readonly lineLabel = '#',
  ) {}

  /** A whole input: a message is decoded and its copies of each reply merged; anything else is a log. */
  addText(text: string): void {
    if (looksLikeMessage(text)) this.add(decodeMessage(text), 1, explainMessage(text));
    else this.add(text, 1);
  }

  /** Reads one chunk; false when output is waiting for the reader. */
  add(text: string, firstLine: number, findings: ReplyFinding[] = parseReply(text)): boolean {
    const lines: string[] = [];
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    let li = 0;
    for (const finding of findings) {
      const start = finding.spans[0]?.start ?? 0;
      while (li + 1 < lineStarts.length && lineStarts[li + 1]! <= start) li++;
      const base = lineStarts[li]!;
      const item: ExplainedFinding = {
        line: firstLine + li,
        reply: finding.reply ?? null,
        enhanced: finding.enhanced ?? null,
        command: finding.command ?? null,
        remoteHost: finding.remoteHost ?? null,
        recipient: finding.recipient ?? null,
        action: finding.action ?? null,
        provider: finding.provider ?? null,
        reason: finding.reason,
        verdict: finding.verdict,
        text: finding.text,
        spans: finding.spans.map((s) => ({ part: s.part, start: s.start - base, end: s.end - base })),
      };
      this.count++;
      if (this.json) {
        lines.push(escapeControlsInJson(JSON.stringify(item)));
        continue;
      }
      const code = [item.reply, item.enhanced].filter((x) => x !== null).join(' ') || '—';
      // Examples are kept short: a log can hold thousands of distinct codes.
      const seen = this.byReason.get(item.reason);
      if (seen) seen.count++;
      else this.byReason.set(item.reason, { count: 1, example: item.text.slice(0, 400) });
      const seenCode = this.byCode.get(code);
      if (seenCode) seenCode.count++;
      else this.byCode.set(code, { count: 1, example: item.text.slice(0, 400) });
      // Explanations are printed for the first finding of each reason and code, so a log of
      // ten thousand identical bounces stays readable and memory stays bounded.
      if (!seen || !seenCode) this.explained.push(this.explain(item, finding));
      if (this.explained.length > 200) this.explained.length = 200;
    }
    return lines.length === 0 || this.write(`${lines.join('\n')}\n`);
  }

  private explain(item: ExplainedFinding, finding: ReplyFinding): string {
    const rendered = renderReply(finding, { locale: this.locale, format: 'text', linkBase: this.linkBase });
    for (const fallback of rendered.fallbacks) if (fallback.part !== 'locale') this.fallbacks.set(fallback.part, fallback);
    const body = stripControls(rendered.output.trimEnd()).replace(/\n{3,}/g, '\n\n');
    return `${this.lineLabel} ${item.line}\n${body}`;
  }

  finish(): void {
    if (this.json || this.count === 0) return;
    if (this.count > 1) {
      // Per reason and per code: how many, and the first one as an example.
      const rows = (groups: Map<string, { count: number; example: string }>) => [...groups].sort((a, b) => b[1].count - a[1].count)
        .map(([key, { count, example }]) => `  ${String(count).padStart(6)}  ${key}  e.g. ${stripControls(example.replace(/\s*\n\s*/g, ' ').slice(0, 100))}`);
      const reasons = rows(this.byReason);
      const codes = rows(this.byCode);
      this.write([`${this.count} findings`, '', ...reasons, '', ...codes, '', ''].join('\n'));
    }
    this.write(`${this.explained.join('\n\n')}\n`);
  }
}
