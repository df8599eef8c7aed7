// Finds the SMTP replies in a line, a log or a bounce, and says what each one means. Every
// pattern here is anchored to a bounded token (a 3-digit code, a d.d.d code, a command name),
// and records are cut at line breaks, so the time taken grows linearly with the input.
import { smtpReplyCodeList } from '../generated/smtp-matching.js';
import { classifyWithWords, verdictSide, type ReplyReason, type ReplySide } from './reasons.js';
import { readReplyWords } from './reply-words.js';

export type ReplySpanPart = 'reply' | 'enhanced' | 'command' | 'host' | 'text';

/** Where something was found, as UTF-16 offsets into the text given to parseReply. */
export interface ReplySpan {
  part: ReplySpanPart;
  start: number;
  end: number;
}

/** Shared between findings and frozen: copy it before changing it. */
export interface ReplyVerdict {
  /** `success` for 2xx, `temporary` for 4xx, `permanent` for 5xx, `unknown` when no code was found. */
  outcome: 'success' | 'temporary' | 'permanent' | 'unknown';
  /** Who has to act before the message can get through. */
  side: ReplySide;
  /** `later` when the same message may succeed by itself; `after-fix` when something must change first. */
  retry: 'no' | 'later' | 'after-fix';
}

/** The DSN `Action:` values of RFC 3464, section 2.3.3. */
export const REPLY_ACTIONS = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'] as const;

export type ReplyAction = (typeof REPLY_ACTIONS)[number];

export interface ReplyFinding {
  /** The basic reply code, e.g. 550, when the text has one. */
  reply?: number;
  /** The enhanced status code as written, e.g. `5.1.1`, when the text has one. */
  enhanced?: string;
  /** The SMTP command the reply answered, upper-cased (`RCPT TO`), when the text says. */
  command?: string;
  /**
   * The host that sent the reply, when the text names it. In a bounce message (`explainMessage`),
   * a reply without one takes the `Remote-MTA:` of its own per-recipient DSN block.
   */
  remoteHost?: string;
  /**
   * The address the reply was about, from the `Final-Recipient:` field (`rfc822; a@example.net`,
   * the address type left out) of the reply's per-recipient DSN block. Set by `explainMessage` only.
   */
  recipient?: string;
  /**
   * What the reporting server did for that recipient, from the `Action:` field of the same DSN
   * block, lower-cased: `failed`, `delayed`, `delivered`, `relayed` or `expanded`. Set by
   * `explainMessage` only.
   */
  action?: ReplyAction;
  /** The provider rule that matched (catalogue/protocols/smtp/providers), whose reason wins. */
  provider?: { id: string; rule: string };
  /** The reply as it was sent, from its code to the end of its text. */
  text: string;
  reason: ReplyReason;
  verdict: ReplyVerdict;
  spans: ReplySpan[];
}

// Basic codes outside the catalogue (a port, an exit status) are only taken when an enhanced
// code follows them or words such as "said:" lead up to them.
// `reply=554` (Sendmail), `ERROR_CODE :550` (any case, spaces or tabs before the colon) and
// `"code": 550,` (JSON from sending services) are the exceptions to the rule that a code stands alone.
/** The specification of a basic code in a record; `tokensIn` reads the same by hand (a test keeps them equal). */
export const BASIC = /(?:(?<![\w.:/=-])|(?<=\breply=|\[[Mm]essage=|\b[Ee][Rr][Rr][Oo][Rr]_[Cc][Oo][Dd][Ee][ \t]*:))([245]\d\d)(?=[\s-]|$|[)\]'"]|,(?<=":\s*\d{3},))/g;
// `dsn=5.1.1` is how Postfix and Sendmail log the status they settled on.
/** The specification of an enhanced code; `tokensIn` reads the same by hand. */
export const ENHANCED = /(?:(?<![\w.=])|(?<=\bdsn=))([245])\.([0-7])\.(\d{1,3})(?![\w]|\.\d)/g;
const COMMAND = /(?:in\s+reply\s+to|after(?:\s+pipelined)?|while\s+sending|>>>)\s*(rcpt\s+to|mail\s+from|data|end\s+of\s+data|ehlo|helo|starttls|auth|bdat|quit|rset|vrfy|initial connection|initial greeting|connect)\b/i;
// How qmail and Postfix name the step without naming the command.
const STEP_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['does not like recipient', 'RCPT TO'],
  ['does not like sender', 'MAIL FROM'],
  ['failed after i sent the message', 'DATA'],
  ['greeting failed', 'CONNECT'],
  ['refused to talk to me', 'CONNECT'],
  ['[rcpt_to]', 'RCPT TO'],
  ['[mail_from]', 'MAIL FROM'],
];
const HOST = /\bhost\s+([a-z0-9][a-z0-9.-]{0,252}\.[a-z]{2,})\s?\[|\bremote-mta:\s*dns;\s*([a-z0-9][a-z0-9.-]{0,252})|\bremote (?:mail )?server\s+([a-z0-9][a-z0-9.-]*\.[a-z]{2,})|\bconversation with\s+([a-z0-9][a-z0-9.-]{0,252})\[/i;

// Words after which any 3-digit code is the server's reply, even one no RFC defines (511, 571).
const REPLY_LEAD = /(?:said|error|error_code|reply|returned|response|smtp;|<<<)\s*:?\s*$/i;

const MESSAGE_HEADER = /^(?:received|message-id|content-[\w-]+|subject|from|to|cc|date|return-path|x-[\w-]+|dkim-signature|arc-[\w-]+|authentication-results|references|in-reply-to|mime-version|reporting-mta|received-from-mta|arrival-date|final-recipient|original-recipient|action|remote-mta|auto-submitted|delivered-to|reply-to|sender|list-[\w-]+):\s/i;

// What a line can report without any code: a local failure to reach or deliver.
const CODELESS_REASONS: ReadonlySet<ReplyReason> = new Set<ReplyReason>(['networkerror', 'hostunknown', 'expired', 'mailererror', 'mesgtoobig', 'notaccept', 'systemerror', 'systemfull']);

// A log line starts with its own time stamp: it is another event, not the end of this one.
const LOG_STAMP = /^(?:[A-Z][a-z]{2} [ \d]\d \d\d:|\d{4}-\d\d-\d\d)/;

// Sending services report an address they will no longer try without any SMTP code.
const SUPPRESSED = ['has suppressed sending', 'on the suppression list', 'previously bounced address', 'suppress-bounce'];

const KNOWN_CODES: ReadonlySet<number> = new Set(smtpReplyCodeList);
const isSmtpReplyCode = (code: number) => KNOWN_CODES.has(code);

// Records longer than this are cut: no real reply needs more, and it bounds the per-record work.
const MAX_RECORD = 64 * 1024;

interface Candidate {
  reply?: number;
  enhanced?: string;
  start: number;
  replySpan?: ReplySpan;
  enhancedSpan?: ReplySpan;
}

/**
 * Every reply found in `text`, one per record: a line, with the lines that continue it (indented
 * lines, `550-` continuation lines, a code the log wrapped onto the next line). Where one record
 * holds several codes, the finding is the one the remote server gave, e.g. the `421 4.4.2` inside
 * `554 4.4.7 Message expired … <421 4.4.2 Connection timed out>`.
 */
export function parseReply(text: string): ReplyFinding[] {
  const findings: ReplyFinding[] = [];
  let sentCommand: { command: string; span: ReplySpan } | undefined;
  let previousEnd = -2;
  let transcriptRefused = false;
  for (let start = 0, end = 0; start < text.length; start = end + 1) {
    end = recordEnd(text, start);
    const finding = parseRecord(text, start, Math.min(end, start + MAX_RECORD));
    if (finding?.reply === undefined && finding?.enhanced === undefined && text.startsWith('>>>', start)) {
      const m = /^>>>\s*([a-z]+(?:\s+(?:to|from))?)/i.exec(text.slice(start, start + 64));
      if (m) sentCommand = { command: normalizeCommand(m[1]!), span: { part: 'command', start: start + m[0].length - m[1]!.length, end: start + m[0].length } };
      transcriptRefused = false;
      continue;
    }
    // qmail says the step on the line before the reply: "203.0.113.5 does not like recipient."
    if (finding?.reply === undefined && finding?.enhanced === undefined && end - start < 200 && mayNameStep(text, start, end)) {
      const step = stepIn(text.slice(start, end).toLowerCase(), start);
      if (step) {
        sentCommand = step;
        if (!finding) continue;
      }
    }
    if (!finding) continue;
    // "I'm not going to try again; … in the queue too long" right after a 4xx: the sender gave up.
    const previous = findings[findings.length - 1];
    if (finding.reply === undefined && finding.enhanced === undefined && finding.reason === 'expired' && previous?.verdict.outcome === 'temporary' && previousEnd === start - 1 && !LOG_STAMP.test(text.slice(start, start + 24))) {
      previous.reason = 'expired';
      previous.verdict = verdictFor(Math.floor((previous.reply ?? 400) / 100), 'expired');
      previousEnd = end;
      continue;
    }
    const fromTranscript = text.startsWith('<<<', start);
    // Pipelining: after `>>> DATA` the server answers the RCPT TO sent with it, then refuses DATA
    // with 503 "Need RCPT"; the 503 only follows from the first refusal.
    if (fromTranscript && finding.reply === 503 && transcriptRefused) {
      previousEnd = end;
      continue;
    }
    if (fromTranscript && finding.verdict.outcome === 'permanent') transcriptRefused = true;
    previousEnd = end;
    if (!finding.command && sentCommand) {
      const subject = finding.enhanced?.slice(2);
      const pipelined = sentCommand.command === 'DATA' && subject !== undefined && /^1\.(?:[1-689]|10)$/.test(subject);
      finding.command = pipelined ? (/^1\.[78]$/.test(subject!) ? 'MAIL FROM' : 'RCPT TO') : sentCommand.command;
      if (!pipelined) finding.spans.unshift(sentCommand.span);
    }
    sentCommand = undefined;
    findings.push(finding);
  }
  return findings;
}

/** The finding that best explains `text`: the last remote reply with a code, else the first finding. */
export function explainReply(text: string): ReplyFinding | undefined {
  const findings = parseReply(text);
  // In a transcript, `<<< 554 …` is the remote server itself; a code after it is the local restatement.
  const quoted = findings.filter((f) => f.reply !== undefined && text.startsWith('<<< ', (f.spans.find((p) => p.part === 'reply')?.start ?? 4) - 4));
  if (quoted.length > 0) return quoted[quoted.length - 1];
  return [...findings].reverse().find((f) => f.reply !== undefined && f.reason !== 'delivered') ?? findings.find((f) => f.reply !== undefined || f.enhanced !== undefined) ?? findings[0];
}

/**
 * Where the record that starts at `start` ends: a line, with the lines that continue it (indented
 * lines, `550-` continuation lines, a code the log wrapped onto the next line).
 */
function recordEnd(text: string, start: number): number {
  let lineStart = start;
  let openCode: string | undefined;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    openCode = multiLineCode(text, lineStart, lineEnd) ?? openCode;
    const next = lineEnd + 1;
    const continues = next < text.length && (isIndented(text, next) || startsWithCode(text, next, openCode) || endsWithBareCode(text, lineStart, lineEnd));
    if (!continues) return lineEnd;
    lineStart = next;
  }
}

function isIndented(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 32 || c === 9;
}

// `550-5.7.26 …` opens a multi-line reply that the next `550-` or `550 ` line continues.

/** The last `550-` on the line that opens a multi-line reply. */
function multiLineCode(text: string, lineStart: number, lineEnd: number): string | undefined {
  let code: string | undefined;
  const stop = Math.min(lineEnd, lineStart + MAX_RECORD);
  // Most lines have no dash at all: one native search of the line settles them.
  const line = text.slice(lineStart, stop);
  if (line.indexOf('-') === -1) return undefined;
  for (let dash = lineStart + 3 + Math.max(0, line.indexOf('-') - 3); dash < stop; dash++) {
    if (text.charCodeAt(dash) !== 45) continue;
    const first = text.charCodeAt(dash - 3);
    if ((first !== 50 && first !== 52 && first !== 53) || !isDigit(text.charCodeAt(dash - 2)) || !isDigit(text.charCodeAt(dash - 1))) continue;
    const before = dash - 4 < lineStart ? 32 : text.charCodeAt(dash - 4);
    const after = text.charCodeAt(dash + 1);
    if ((before === 32 || before === 9 || before === 58 || before === 59) && dash + 1 < lineEnd && after !== 32 && after !== 9 && after !== 13) code = text.slice(dash - 3, dash);
  }
  return code;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function startsWithCode(text: string, at: number, code: string | undefined): boolean {
  if (code === undefined) return false;
  const from = text.startsWith('<<< ', at) ? at + 4 : at;
  return text.startsWith(code, from) && (text[from + 3] === '-' || text[from + 3] === ' ');
}

function endsWithBareCode(text: string, lineStart: number, lineEnd: number): boolean {
  let end = lineEnd;
  while (end > lineStart && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 13)) end--;
  if (end - lineStart < 4) return false;
  const lead = text.charCodeAt(end - 4);
  const first = text.charCodeAt(end - 3);
  return (isSpace(lead) || lead === 58) && (first === 50 || first === 52 || first === 53) && isDigit(text.charCodeAt(end - 2)) && isDigit(text.charCodeAt(end - 1));
}

function parseRecord(text: string, start: number, end: number): ReplyFinding | undefined {
  const record = text.slice(start, end);
  const tokens = tokensIn(record);
  const hasCode = tokens.basic.length > 0 || tokens.enhanced.length > 0;
  // Most log lines have no code: for them only the words of a local failure are looked for, in one
  // folded pass, before anything else.
  const codeless = hasCode ? undefined : codelessReason(record);
  if (!hasCode && codeless === undefined) return undefined;
  const candidates = hasCode ? candidatesIn(record, start, tokens) : [];
  const chosen = chooseCandidate(candidates, record, start);
  const spans: ReplySpan[] = [];
  let command: string | undefined;
  // Each scan below takes the first match only.
  const commandMatch = COMMAND.exec(record);
  if (commandMatch) {
    command = normalizeCommand(commandMatch[1]!);
    const at = start + commandMatch.index + commandMatch[0].length - commandMatch[1]!.length;
    spans.push({ part: 'command', start: at, end: at + commandMatch[1]!.length });
  }
  if (!command && /like|failed|refused|_(?:to|from)\]/i.test(record)) {
    const step = stepIn(record.toLowerCase(), start);
    if (step) {
      command = step.command;
      spans.push(step.span);
    }
  }
  let remoteHost: string | undefined;
  const hostMatch = HOST.exec(record);
  if (hostMatch) {
    const host = (hostMatch[1] ?? hostMatch[2] ?? hostMatch[3] ?? hostMatch[4])!;
    remoteHost = (host.endsWith('.') ? host.slice(0, -1) : host).toLowerCase();
    const at = start + hostMatch.index + hostMatch[0].indexOf(host);
    spans.push({ part: 'host', start: at, end: at + host.length });
  }
  if (!chosen) {
    // A line without a code is only a finding when it plainly reports a failed delivery.
    // Header lines (Message-Id:, Received:) and words like "helo=" in them are not failures.
    if (MESSAGE_HEADER.test(record)) return undefined;
    const reason = hasCode ? codelessReason(record) : codeless;
    if (!reason) return undefined;
    spans.push({ part: 'text', start, end });
    return { ...(command ? { command } : {}), ...(remoteHost ? { remoteHost } : {}), text: record.trim(), reason, verdict: verdictFor(undefined, reason), spans };
  }
  if (chosen.replySpan) spans.push(chosen.replySpan);
  if (chosen.enhancedSpan) spans.push(chosen.enhancedSpan);
  // A lone enhanced code (qmail's "(#5.1.1)", a DSN's Status:) trails the words it explains.
  const textStart = chosen.reply !== undefined ? chosen.start - start : record.length - record.trimStart().length;
  const wire = wireText(record.slice(textStart));
  spans.push({ part: 'text', start: start + textStart, end: start + textStart + wire.length });
  const cls = chosen.reply !== undefined ? Math.floor(chosen.reply / 100) : Number(chosen.enhanced![0]);
  // Words are read with multi-line prefixes (`\n550-5.7.1 `) taken out, so a phrase the server
  // wrapped across lines still reads as one.
  const words = flatten(chosen.reply !== undefined ? wire : record);
  // Success needs no words: it is `delivered`, whatever it says.
  const replyWords = cls === 2 ? undefined : readReplyWords(words);
  const provider = replyWords?.provider();
  // A reply quoted after another reply code that says nothing of why ("550 5.7.1 Message rejected")
  // is explained by the words of the reply around it ("550 5.7.350 Remote server returned message
  // detected as spam ->"). A status alone before it (Postfix's dsn=5.1.1) does not make a wrapper.
  const outer = candidates.find((c) => c.reply !== undefined);
  const wrapper = chosen.reply !== undefined && outer !== undefined && outer.start < chosen.start ? record.slice(outer.start - start, chosen.start - start) : undefined;
  const reasonOfWords = () => replyWords!.reason() ?? (wrapper === undefined ? undefined : readReplyWords(wrapper).reason());
  const reason = provider?.reason ?? (replyWords ? classifyWithWords(chosen.reply, chosen.enhanced, words, reasonOfWords) : 'delivered');
  spans.sort((a, b) => a.start - b.start);
  // Built field by field, in the documented order: object spreads cost more than the parse itself.
  const finding = {} as ReplyFinding;
  if (chosen.reply !== undefined) finding.reply = chosen.reply;
  if (chosen.enhanced !== undefined) finding.enhanced = chosen.enhanced;
  if (command) finding.command = command;
  if (remoteHost) finding.remoteHost = remoteHost;
  if (provider) finding.provider = { id: provider.provider, rule: provider.rule };
  finding.text = wire;
  finding.reason = reason;
  finding.verdict = verdictFor(cls, reason);
  finding.spans = spans;
  return finding;
}

interface Token {
  code: string;
  start: number;
  end: number;
  /** Set on an enhanced code once a basic code has taken it as its status. */
  paired?: boolean;
}

const CODE_START = /[245][\d.]/g;

/**
 * The basic and enhanced codes of a record, in one pass: what BASIC and ENHANCED describe, read
 * by hand because two regular expressions with look-behinds cost most of the time on a long log.
 */
export function tokensIn(record: string): { basic: Token[]; enhanced: Token[] } {
  const basic: Token[] = [];
  const enhanced: Token[] = [];
  const n = record.length;
  // The regular expression engine finds each 2, 4 or 5 followed by a digit or a dot faster than a
  // loop over every character; the checks below then read around it by hand.
  const first = CODE_START;
  first.lastIndex = 0;
  while (first.test(record)) {
    const i = first.lastIndex - 2;
    first.lastIndex = i + 1;
    const before = i === 0 ? 32 : record.charCodeAt(i - 1);
    const second = record.charCodeAt(i + 1);
    if (second === 46) {
      // d.d.ddd
      const subject = record.charCodeAt(i + 2);
      if (subject < 48 || subject > 55 || record.charCodeAt(i + 3) !== 46) continue;
      let j = i + 4;
      while (j < n && j < i + 8 && isDigit(record.charCodeAt(j))) j++;
      const digits = j - (i + 4);
      if (digits < 1 || digits > 3) continue;
      const after = j < n ? record.charCodeAt(j) : 32;
      if (isWordChar(after) || (after === 46 && isDigit(record.charCodeAt(j + 1)))) continue;
      if ((isWordChar(before) || before === 46 || before === 61) && !(before === 61 && endsWithWord(record, i - 1, 'dsn'))) continue;
      // `5.1.01` is written `5.1.1`; the code is only rebuilt when it has such a zero.
      const code = digits > 1 && record.charCodeAt(i + 4) === 48 ? `${record[i]}.${record[i + 2]}.${Number(record.slice(i + 4, j))}` : record.slice(i, j);
      enhanced.push({ code, start: i, end: j });
      first.lastIndex = j;
    } else if (isDigit(second) && isDigit(record.charCodeAt(i + 2))) {
      // ddd
      const after = i + 3 < n ? record.charCodeAt(i + 3) : 32;
      const endsWell = isSpace(after) || after === 45 || after === 41 || after === 93 || after === 39 || after === 34 || (after === 44 && /":\s*$/.test(record.slice(Math.max(0, i - 8), i)));
      if (!endsWell) continue;
      const leads = !(isWordChar(before) || before === 46 || before === 58 || before === 47 || before === 61 || before === 45)
        || (before === 61 && (endsWithWord(record, i - 1, 'reply') || /\[[Mm]essage$/.test(record.slice(Math.max(0, i - 9), i - 1))))
        || (before === 58 && followsErrorCode(record, i - 1));
      if (!leads) continue;
      basic.push({ code: record.slice(i, i + 3), start: i, end: i + 3 });
      first.lastIndex = i + 3;
    }
  }
  return { basic, enhanced };
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether `ERROR_CODE` (any case), then only spaces or tabs, ends just before the colon at `colon`. */
function followsErrorCode(record: string, colon: number): boolean {
  let end = colon;
  while (end > 0 && (record.charCodeAt(end - 1) === 32 || record.charCodeAt(end - 1) === 9)) end--;
  const start = end - 10;
  return start >= 0 && record.slice(start, end).toLowerCase() === 'error_code' && (start === 0 || !isWordChar(record.charCodeAt(start - 1)));
}

/** Whether `word` ends just before `end` (the `=` of `dsn=`) and starts at a word boundary. */
function endsWithWord(record: string, end: number, word: string): boolean {
  const start = end - word.length;
  return start >= 0 && record.startsWith(word, start) && (start === 0 || !isWordChar(record.charCodeAt(start - 1)));
}

function candidatesIn(record: string, offset: number, { basic, enhanced }: { basic: Token[]; enhanced: Token[] }): Candidate[] {
  const found: Candidate[] = [];
  // Both token lists are in text order; enhanced codes not paired with a basic code are merged in
  // as they are passed, so the candidates come out in text order too.
  let e = 0;
  const addLoneEnhanced = (until: number) => {
    for (; e < enhanced.length && enhanced[e]!.start < until; e++) {
      const x = enhanced[e]!;
      if (x.paired || isNoise(record, x.start)) continue;
      found.push({ enhanced: x.code, start: offset + x.start, enhancedSpan: { part: 'enhanced', start: offset + x.start, end: offset + x.end } });
    }
  };
  for (const m of basic) {
    const at = m.start;
    addLoneEnhanced(at);
    const next = enhanced[e];
    // Exchange pairs 550 with 4.4.7, so adjacency decides, not a matching class.
    const paired = next !== undefined && pairs(record, m, next);
    const code = Number(m.code);
    if (!paired && !isSmtpReplyCode(code) && !(code >= 400 && (at === 0 || REPLY_LEAD.test(record.slice(Math.max(0, at - 24), at))))) continue;
    if (!paired && isNoise(record, at)) continue;
    const candidate: Candidate = { reply: code, start: offset + at, replySpan: { part: 'reply', start: offset + at, end: offset + at + 3 } };
    if (paired) {
      next.paired = true;
      candidate.enhanced = next.code;
      candidate.enhancedSpan = { part: 'enhanced', start: offset + next.start, end: offset + next.end };
    }
    found.push(candidate);
  }
  addLoneEnhanced(record.length);
  return found;
}

/** Whether an enhanced code follows a basic one closely enough to be its status: at most 16 spaces, dashes, `#` or `:` apart, and of the same class unless only spaces part them. */
function pairs(record: string, basic: Token, enhanced: Token): boolean {
  const gap = enhanced.start - basic.end;
  if (gap < 0 || gap > 16) return false;
  let onlySpaces = true;
  for (let i = basic.end; i < enhanced.start; i++) {
    const c = record.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c !== 45 && c !== 35 && c !== 58) return false;
    onlySpaces = false;
  }
  return onlySpaces || record.charCodeAt(enhanced.start) === record.charCodeAt(basic.start);
}

// Words just before a number that make it something other than a reply code.
function isNoise(record: string, at: number): boolean {
  // Every word below ends in a letter or `=`: after anything else the number is not noise.
  let last = at - 1;
  while (last >= 0 && isSpace(record.charCodeAt(last))) last--;
  const c = last < 0 ? 32 : record.charCodeAt(last) | 32;
  if (c !== 61 && (c < 97 || c > 122)) return false;
  const before = record.slice(Math.max(0, at - 24), at).toLowerCase();
  return /(?:error|state|status|exit|port|size|code|pid|id|version|v|rfc|after|for|in|within|of|than|=)\s*$/.test(before)
    && !/(?:said|reply|returned|response|error_code|diagnostic-code|smtp;|status:|remote server|remote host|code:|error:|smtp error|:|dsn=|reply=|message=)\s*$/.test(before);
}

// A code quoted from the next server: opened by `<` or `(`, or led by "said:", "responded with:",
// "->" or Exchange's "[Message=" after the local side's own code.
const INNER_LEAD = /(?:said:|responded with:?|->|\[message=|[<(][^>)]{0,3})\s*["']?$/i;

// Only called for short records, so the slice is cheap; indexOf on the whole text would not be.
function mayNameStep(text: string, start: number, end: number): boolean {
  const line = text.slice(start, end);
  return STEP_HINTS.some((hint) => line.includes(hint));
}

const STEP_HINTS = ['like', 'failed', 'refused', '_TO]', '_FROM]', '_to]', '_from]'];

/** The reason a record without a code gives, when its words report a local failure to deliver. */
function codelessReason(record: string): ReplyReason | undefined {
  return readReplyWords(record).reason(CODELESS_REASONS) ?? (mentionsSuppression(record) ? 'userunknown' : undefined);
}

function mentionsSuppression(record: string): boolean {
  if (!record.includes('uppress') && !record.includes('bounced')) return false;
  const lower = record.toLowerCase();
  return SUPPRESSED.some((p) => lower.includes(p));
}

function stepIn(lower: string, offset: number): { command: string; span: ReplySpan } | undefined {
  for (const [words, command] of STEP_WORDS) {
    const at = lower.indexOf(words);
    if (at !== -1) return { command, span: { part: 'command', start: offset + at, end: offset + at + words.length } };
  }
  return undefined;
}

function isInner(record: string, at: number): boolean {
  return INNER_LEAD.test(record.slice(Math.max(0, at - 20), at));
}

// The remote server's reply: a code inside brackets after another code is the cause; otherwise
// the first reply with a basic code, since later ones are the local side restating it.
function chooseCandidate(candidates: Candidate[], record: string, offset: number): Candidate | undefined {
  if (candidates.length === 0) return undefined;
  const withReply = candidates.filter((c) => c.reply !== undefined);
  const inner = withReply.filter((c, i) => i > 0 && isInner(record, c.start - offset));
  if (inner.length > 0) {
    const chosen = inner[inner.length - 1]!;
    const outer = withReply[0]!;
    // "550 5.1.1 … said: 550 No such user": the quoted reply keeps the status its wrapper gave it.
    if (chosen.enhanced === undefined && outer.reply === chosen.reply && outer.enhanced && outer.enhancedSpan) return { ...chosen, enhanced: outer.enhanced, enhancedSpan: outer.enhancedSpan };
    return chosen;
  }
  if (withReply.length > 0) {
    const complete = withReply.find((c) => c.enhanced !== undefined);
    const first = withReply[0]!;
    if (first.enhanced === undefined && complete && complete.reply === first.reply) return complete;
    if (first.enhanced === undefined) {
      const lone = candidates.find((c) => c.reply === undefined && c.enhanced && Number(c.enhanced[0]) === Math.floor(first.reply! / 100));
      if (lone?.enhanced && lone.enhancedSpan) return { ...first, enhanced: lone.enhanced, enhancedSpan: lone.enhancedSpan };
    }
    return first;
  }
  return candidates[0];
}

const CONTINUATION = /\s*\n\s*(?:<<<\s*)?(?:[245]\d\d[- ](?:[245]\.\d{1,3}\.\d{1,3}\s+)?)?/g;

function flatten(text: string): string {
  return text.includes('\n') ? text.replace(CONTINUATION, ' ') : text;
}

const LOG_TAIL = /\((?:in\s+reply\s+to|state\s+\d)/i;

// The reply without what the log added after it: "(in reply to … command)", "(state 14)", and a
// bracket the log opened before the reply and closes after it.
function wireText(rest: string): string {
  // The spaces before the tail go with trimEnd; a pattern that started with them would be tried at every space.
  const tail = rest.includes('(') ? LOG_TAIL.exec(rest) : null;
  let text = (tail ? rest.slice(0, tail.index) : rest).trimEnd();
  if (!text.endsWith(')')) return text;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    open += c === 40 ? 1 : c === 41 ? -1 : 0;
  }
  while (open < 0 && text.endsWith(')')) {
    text = text.slice(0, -1).trimEnd();
    open++;
  }
  return text;
}

// The raw forms repeat (`RCPT TO`, `rcpt to`) and come from a closed list: the cache stays small.
const NORMALIZED_COMMANDS = new Map<string, string>();

function normalizeCommand(raw: string): string {
  let normalized = NORMALIZED_COMMANDS.get(raw);
  if (normalized === undefined) {
    normalized = normalizeCommandOnce(raw);
    if (NORMALIZED_COMMANDS.size < 256) NORMALIZED_COMMANDS.set(raw, normalized);
  }
  return normalized;
}

function normalizeCommandOnce(raw: string): string {
  const upper = raw.toUpperCase().replace(/\s+/g, ' ');
  if (upper === 'END OF DATA') return 'DATA';
  if (upper === 'INITIAL CONNECTION' || upper === 'INITIAL GREETING' || upper === 'CONNECT') return 'CONNECT';
  return upper;
}

// A handful of verdicts cover every finding: each is built once and shared, frozen, by the findings
// that have it, since a log of a million lines would otherwise allocate a million equal objects.
const VERDICTS: Map<ReplyReason, Readonly<ReplyVerdict>>[] = [new Map(), new Map(), new Map(), new Map(), new Map(), new Map()];

/** The verdict for a reply class (2, 4, 5, or undefined when only words were found) and a reason. Frozen: it is shared. */
export function verdictFor(cls: number | undefined, reason: ReplyReason): ReplyVerdict {
  const byReason = VERDICTS[cls ?? 0]!;
  let verdict = byReason.get(reason);
  if (verdict === undefined) {
    const outcome = cls === 2 ? 'success' : cls === 4 ? 'temporary' : cls === 5 ? 'permanent' : reason === 'networkerror' || reason === 'expired' ? 'temporary' : 'unknown';
    const retry = outcome === 'success' ? 'no' : outcome === 'temporary' ? 'later' : 'after-fix';
    verdict = Object.freeze({ outcome, side: verdictSide(reason), retry });
    byReason.set(reason, verdict);
  }
  return verdict;
}
