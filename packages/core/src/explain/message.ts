// Whole bounce messages: MIME parts decoded (quoted-printable, base64), the returned original
// message left out, and the copies of one reply that a bounce carries (the human-readable part,
// Diagnostic-Code, Status) merged into one finding per reply and recipient.
import { parseReply, REPLY_ACTIONS, verdictFor, type ReplyAction, type ReplyFinding } from './parse-reply.js';
import { classifyReason } from './reasons.js';

const HEADER_START = /^(?:From[ :]|To:|Return-Path:|Received:|Delivered-To:|MIME-Version:|Date:|Message-ID:|Subject:|Content-Type:|X-[\w-]+:)/i;

/** True when `text` starts like an email message (headers, then a blank line). */
export function looksLikeMessage(text: string): boolean {
  const start = text.search(/\S/);
  return start !== -1 && HEADER_START.test(text.slice(start, start + 64)) && /\r?\n\r?\n/.test(text);
}

/**
 * The message's readable text: each MIME part's headers and decoded body, without the parts that
 * return the original message (message/rfc822, text/rfc822-headers), whose numbers are not replies.
 */
export function decodeMessage(text: string): string {
  const normalized = text.replace(/\r\n/g, '\n');
  const boundaries = [...normalized.matchAll(/boundary\s*=\s*(?:"([^"\n]{1,200})"|([^;\s]{1,200}))/gi)].map((m) => `--${m[1] ?? m[2]}`);
  if (boundaries.length === 0) return decodePart(normalized);
  let parts = [normalized];
  for (const boundary of boundaries) parts = parts.flatMap((part) => part.split(boundary));
  return parts.map(decodePart).filter((part) => part !== '').join('\n\n');
}

function decodePart(part: string): string {
  const split = part.indexOf('\n\n');
  const headers = split === -1 ? part : part.slice(0, split);
  const body = split === -1 ? '' : part.slice(split + 2);
  const type = /^content-type:\s*([\w.+-]+\/[\w.+-]+)/im.exec(headers)?.[1]?.toLowerCase();
  if (type === 'message/rfc822' || type === 'text/rfc822-headers' || type === 'message/rfc822-headers') return '';
  if (type?.startsWith('image/') || type === 'application/octet-stream') return '';
  const encoding = /^content-transfer-encoding:\s*([\w-]+)/im.exec(headers)?.[1]?.toLowerCase();
  const decoded = encoding === 'base64' ? fromBase64(body) : encoding === 'quoted-printable' ? fromQuotedPrintable(body) : body;
  return `${headers}\n\n${withoutReturnedCopy(decoded)}`.trim();
}

// Where a plain-text bounce (qmail, Yahoo, Exim) starts quoting the message it returns: numbers
// below it are the sender's own words ("Subject: 554 photos"), not replies.
const RETURNED_COPY = /^[ \t]*-{2,}\s*(?:below this line is a copy of the message|this is a copy of the message|original message follows|returned message|the original message was received|a copy of the original message)/im;

function withoutReturnedCopy(body: string): string {
  const m = RETURNED_COPY.exec(body);
  return m ? body.slice(0, m.index) : body;
}

// Decoded by hand so that core needs no platform API (atob, TextDecoder) in any runtime.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function fromBase64(body: string): string {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of body) {
    const digit = BASE64.indexOf(c);
    if (digit === -1) continue;
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return utf8(bytes);
}

function fromQuotedPrintable(body: string): string {
  const joined = body.replace(/=\n/g, '');
  let out = '';
  let bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 61 && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 128) {
      bytes.push(c);
    } else {
      out += utf8(bytes) + joined[i];
      bytes = [];
    }
  }
  return out + utf8(bytes);
}

/** UTF-8 bytes to text; a malformed sequence becomes U+FFFD, as TextDecoder would make it. */
function utf8(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need === -1) {
      out += '\ufffd';
      i++;
      continue;
    }
    let code = need === 0 ? b : b & (0x3f >> need);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      code = (code << 6) | (next & 0x3f);
    }
    if (!ok || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(code);
    i += need + 1;
  }
  return out;
}

/**
 * The findings of a bounce message, one per distinct reply and recipient: decoded first, then the
 * copies of each reply merged (the command from the human-readable part, the enhanced code from
 * `Status:`). Each per-recipient block of a `message/delivery-status` part (RFC 3464: fields in
 * groups separated by blank lines) gives the finding it holds, or whose code its `Status:` names,
 * its own `Remote-MTA:` host (where the reply named none), its `Final-Recipient:` address
 * (`recipient`) and its `Action:` (`action`). Two recipients refused with the same code stay two
 * findings. Spans and line numbers refer to `decodeMessage(text)`.
 */
export function explainMessage(text: string): ReplyFinding[] {
  const decoded = decodeMessage(text);
  const findings = parseReply(decoded);
  const blocks = dsnBlocks(decoded);
  const blockOf = new Map<ReplyFinding, number>();
  for (const finding of findings) {
    const block = blockAt(blocks, anchorOf(finding));
    if (block !== -1) blockOf.set(finding, block);
  }
  // For a reply that no block's Remote-MTA: names: the message's, when it names only one host
  // and that host is not another recipient's.
  const hosts = new Set<string>();
  for (const m of decoded.matchAll(/^remote-mta:\s*dns;\s*([a-z0-9][a-z0-9.-]{0,252})/gim)) hosts.add(m[1]!.replace(/\.$/, '').toLowerCase());
  const messageHost = hosts.size === 1 ? [...hosts][0] : undefined;
  const blockHost = (block: DsnBlock) => block.remoteHost ?? (blocks.length === 1 || !blocks.some((b) => b.remoteHost) ? messageHost : undefined);
  const withReply = findings.filter((f) => f.reply !== undefined);
  const statusOnly = findings.filter((f) => f.reply === undefined && f.enhanced !== undefined);
  const recipients = new Set(blocks.map((b) => b.recipient?.toLowerCase()).filter((r) => r !== undefined));
  const merged: ReplyFinding[] = [];
  const mergedBlock = new Map<ReplyFinding, number>();
  const mergedNames = new Map<ReplyFinding, string>();
  for (const finding of withReply) {
    const block = blockOf.get(finding);
    const host = finding.remoteHost ?? (block !== undefined ? blocks[block]!.remoteHost : undefined);
    const names = block !== undefined ? blocks[block]!.recipient?.toLowerCase() : recipientNamed(finding.text, recipients);
    // A copy in one recipient's block never joins another recipient's finding; nor do two copies
    // from different hosts, or naming different recipients of the DSN. Among the rest, the one
    // naming the same recipient wins, then the one from the same host.
    const fits = merged.filter((m) => m.reply === finding.reply && (m.enhanced === finding.enhanced || !m.enhanced || !finding.enhanced)
      && (block === undefined || mergedBlock.get(m) === undefined || mergedBlock.get(m) === block)
      && (block !== undefined || !m.remoteHost || !finding.remoteHost || m.remoteHost === finding.remoteHost)
      && (!names || !mergedNames.has(m) || mergedNames.get(m) === names));
    const same = fits.find((m) => names !== undefined && mergedNames.get(m) === names) ?? fits.find((m) => host !== undefined && m.remoteHost === host) ?? fits[0];
    if (!same) {
      const copy = { ...finding };
      merged.push(copy);
      if (block !== undefined) mergedBlock.set(copy, block);
      if (names) mergedNames.set(copy, names);
      continue;
    }
    if (names && !mergedNames.has(same)) mergedNames.set(same, names);
    if (block !== undefined && !mergedBlock.has(same)) mergedBlock.set(same, block);
    if (!same.enhanced && finding.enhanced) same.enhanced = finding.enhanced;
    if (!same.command && finding.command) same.command = finding.command;
    // A copy that a provider rule recognised says more than one read by words alone (an HTML
    // copy may have its words split by tags).
    if (finding.provider && !same.provider) {
      same.provider = finding.provider;
      same.reason = finding.reason;
      same.verdict = finding.verdict;
    }
    if (!same.remoteHost && finding.remoteHost) same.remoteHost = finding.remoteHost;
    if (finding.text.length > same.text.length) same.text = finding.text;
  }
  // A reply outside the DSN blocks belongs to the only recipient there is.
  if (blocks.length === 1) for (const finding of merged) if (!mergedBlock.has(finding)) mergedBlock.set(finding, 0);
  for (const finding of merged) {
    if (!finding.enhanced) {
      const block = mergedBlock.get(finding);
      const cls = String(finding.reply)[0];
      // Its own block's Status: first; another recipient's status says nothing about this reply.
      const status = block !== undefined
        ? statusOnly.find((s) => blockOf.get(s) === block && s.enhanced![0] === cls) ?? (blocks.length === 1 ? statusOnly.find((s) => s.enhanced![0] === cls) : undefined)
        : statusOnly.find((s) => s.enhanced![0] === cls);
      if (status) {
        finding.enhanced = status.enhanced!;
        finding.reason = classifyReason(finding.reply, finding.enhanced, finding.text.toLowerCase());
        finding.verdict = verdictFor(Math.floor(finding.reply! / 100), finding.reason);
      }
    }
  }
  // A reply that only the human-readable part gave: the block of the recipient it names, else the
  // first unclaimed block whose Status: names its code.
  const claimed = new Set(mergedBlock.values());
  for (const finding of merged) {
    if (mergedBlock.has(finding)) continue;
    const names = mergedNames.get(finding);
    let block = names ? blocks.findIndex((b, i) => !claimed.has(i) && b.recipient?.toLowerCase() === names) : -1;
    if (block === -1 && finding.enhanced) block = blocks.findIndex((b, i) => !claimed.has(i) && b.status === finding.enhanced);
    if (block === -1) continue;
    mergedBlock.set(finding, block);
    claimed.add(block);
  }
  const fill = (finding: ReplyFinding, block: number | undefined) => withBlock(finding, blocks[block ?? -1], block === undefined ? messageHost : blockHost(blocks[block]!));
  const result = merged.map((finding) => fill(finding, mergedBlock.get(finding)));
  // qmail's "(#5.1.2)" for a second recipient is a failure of its own; a DSN's `Status:` field
  // only repeats a reply above, or restates it vaguely (5.0.0), unless it is the only word on a
  // recipient whose block no reply came from, while every reply found its own recipient.
  const known = new Set(merged.map((f) => f.enhanced));
  const ownBlocks = merged.length > 0 && merged.every((f) => mergedBlock.has(f));
  for (const finding of statusOnly) {
    const block = blockOf.get(finding);
    if (ownBlocks && block !== undefined && !claimed.has(block)) {
      claimed.add(block);
      result.push(fill(finding, block));
      continue;
    }
    const at = finding.spans.find((p) => p.part === 'enhanced')?.start ?? 0;
    const lineStart = decoded.lastIndexOf('\n', at) + 1;
    if (known.has(finding.enhanced) || /^\s*status:/i.test(decoded.slice(lineStart, at))) continue;
    known.add(finding.enhanced);
    if (merged.length > 0) result.push(fill(finding, block));
  }
  if (result.length > 0) return result;
  // No reply at all: each recipient's Status:, or the first status the message gives.
  const perBlock = new Map<number, ReplyFinding>();
  for (const finding of statusOnly) {
    const block = blockOf.get(finding);
    if (block !== undefined && !perBlock.has(block)) perBlock.set(block, finding);
  }
  if (perBlock.size > 1) return [...perBlock].map(([block, finding]) => fill(finding, block));
  const first = statusOnly[0];
  if (first) return [fill(first, blockOf.get(first) ?? (blocks.length === 1 ? 0 : undefined))];
  return findings;
}

/** One per-recipient group of DSN fields: where it is in the decoded text, and what it says. */
interface DsnBlock {
  start: number;
  end: number;
  recipient?: string;
  action?: ReplyAction;
  remoteHost?: string;
  status?: string;
}

const DSN_FIELD = /^(final-recipient|action|status|remote-mta)[ \t]*:[ \t]*([^\n]*)/i;
const ACTIONS: ReadonlySet<string> = new Set(REPLY_ACTIONS);

/**
 * The per-recipient blocks of the delivery-status fields in `decoded`: each run of non-blank lines
 * with a `Final-Recipient:`, or with both `Action:` and `Status:`. A second `Final-Recipient:` in
 * one run starts another block, for reporters that leave out the blank line. One pass over lines.
 */
function dsnBlocks(decoded: string): DsnBlock[] {
  const blocks: DsnBlock[] = [];
  let current: DsnBlock = { start: 0, end: 0 };
  let hasRecipient = false;
  let hasAction = false;
  const close = (end: number, next: number) => {
    current.end = end;
    if (hasRecipient || (hasAction && current.status !== undefined)) blocks.push(current);
    current = { start: next, end: next };
    hasRecipient = false;
    hasAction = false;
  };
  let lineStart = 0;
  while (lineStart <= decoded.length) {
    const newline = decoded.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? decoded.length : newline;
    const line = decoded.slice(lineStart, Math.min(lineEnd, lineStart + 1024));
    if (line.trim() === '') {
      close(lineStart, lineEnd + 1);
    } else {
      const field = DSN_FIELD.exec(line);
      const name = field?.[1]!.toLowerCase();
      const value = field?.[2]!.trim() ?? '';
      if (name === 'final-recipient') {
        if (hasRecipient) close(lineStart, lineStart);
        hasRecipient = true;
        // `rfc822; a@example.net`: the address type is left out, and brackets round the address.
        const address = /^(?:[\w.+-]+[ \t]*;[ \t]*)?<?([^\s<>;]+)>?/.exec(value)?.[1];
        if (address) current.recipient = address;
      } else if (name === 'action') {
        hasAction = true;
        const action = /^[a-z]+/i.exec(value)?.[0]?.toLowerCase();
        if (action && ACTIONS.has(action)) current.action = action as ReplyAction;
      } else if (name === 'status') {
        const status = /^([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(value);
        if (status) current.status = `${status[1]}.${Number(status[2])}.${Number(status[3])}`;
      } else if (name === 'remote-mta') {
        const host = /^dns[ \t]*;[ \t]*([a-z0-9][a-z0-9.-]{0,252})/i.exec(value)?.[1];
        if (host) current.remoteHost = host.replace(/\.$/, '').toLowerCase();
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  close(decoded.length, decoded.length);
  return blocks;
}

/** The first address in `text` that is one of the DSN's recipients (lower-cased), if any. */
function recipientNamed(text: string, recipients: ReadonlySet<string>): string | undefined {
  if (recipients.size === 0 || !text.includes('@')) return undefined;
  // Split, not matched: a pattern around `@` would go back over a long run of letters.
  for (const word of text.split(/[\s<>()[\]"',;:]+/)) {
    if (!word.includes('@')) continue;
    let end = word.length;
    while (end > 0 && word.charCodeAt(end - 1) === 46) end--;
    const address = word.slice(0, end).toLowerCase();
    if (recipients.has(address)) return address;
  }
  return undefined;
}

/** Where a finding is: its reply code, else its enhanced code, else its first span. */
function anchorOf(finding: ReplyFinding): number {
  const span = finding.spans.find((p) => p.part === 'reply') ?? finding.spans.find((p) => p.part === 'enhanced') ?? finding.spans[0];
  return span?.start ?? -1;
}

/** The index of the block holding offset `at`, or -1. Blocks are in text order and do not overlap. */
function blockAt(blocks: readonly DsnBlock[], at: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = blocks[mid]!;
    if (at < block.start) high = mid - 1;
    else if (at >= block.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** The finding with its block's fields, in the documented field order; `host` where it names none. */
function withBlock(finding: ReplyFinding, block: DsnBlock | undefined, fallbackHost: string | undefined): ReplyFinding {
  const out = {} as ReplyFinding;
  if (finding.reply !== undefined) out.reply = finding.reply;
  if (finding.enhanced !== undefined) out.enhanced = finding.enhanced;
  if (finding.command) out.command = finding.command;
  const host = finding.remoteHost ?? fallbackHost;
  if (host) out.remoteHost = host;
  if (block?.recipient) out.recipient = block.recipient;
  if (block?.action) out.action = block.action;
  if (finding.provider) out.provider = finding.provider;
  out.text = finding.text;
  out.reason = finding.reason;
  out.verdict = finding.verdict;
  out.spans = finding.spans;
  return out;
}
