// Whole bounce messages: MIME parts decoded (quoted-printable, base64), the returned original
// message left out, and the copies of one reply that a bounce carries (the human-readable part,
// Diagnostic-Code, Status) merged into one finding per reply.
import { parseReply, verdictFor, type ReplyFinding } from './parse-reply.js';
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
 * The findings of a bounce message, one per distinct reply: decoded first, then the copies of
 * each reply merged (the command from the human-readable part, the enhanced code from `Status:`,
 * the host from `Remote-MTA:`). Spans and line numbers refer to `decodeMessage(text)`.
 */
export function explainMessage(text: string): ReplyFinding[] {
  const decoded = decodeMessage(text);
  const findings = parseReply(decoded);
  const remoteMta = /^remote-mta:\s*dns;\s*([a-z0-9][a-z0-9.-]{0,252})/im.exec(decoded)?.[1]?.replace(/\.$/, '').toLowerCase();
  const withReply = findings.filter((f) => f.reply !== undefined);
  const statusOnly = findings.filter((f) => f.reply === undefined && f.enhanced !== undefined);
  const merged: ReplyFinding[] = [];
  for (const finding of withReply) {
    const same = merged.find((m) => m.reply === finding.reply && (m.enhanced === finding.enhanced || !m.enhanced || !finding.enhanced));
    if (!same) {
      merged.push({ ...finding });
      continue;
    }
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
  for (const finding of merged) {
    if (!finding.enhanced) {
      const status = statusOnly.find((s) => s.enhanced![0] === String(finding.reply)[0]);
      if (status) {
        finding.enhanced = status.enhanced!;
        finding.reason = classifyReason(finding.reply, finding.enhanced, finding.text.toLowerCase());
        finding.verdict = verdictFor(Math.floor(finding.reply! / 100), finding.reason);
      }
    }
    if (!finding.remoteHost && remoteMta) finding.remoteHost = remoteMta;
  }
  // qmail's "(#5.1.2)" for a second recipient is a failure of its own; a DSN's `Status:` field
  // only repeats a reply above, or restates it vaguely (5.0.0).
  const known = new Set(merged.map((f) => f.enhanced));
  for (const finding of statusOnly) {
    const at = finding.spans.find((p) => p.part === 'enhanced')?.start ?? 0;
    const lineStart = decoded.lastIndexOf('\n', at) + 1;
    if (known.has(finding.enhanced) || /^\s*status:/i.test(decoded.slice(lineStart, at))) continue;
    known.add(finding.enhanced);
    if (merged.length > 0) merged.push(finding);
  }
  if (merged.length > 0) return merged;
  return statusOnly.length > 0 ? statusOnly.slice(0, 1) : findings;
}
