// The reason vocabulary and how a reason is chosen for one reply. Only literal, lower-case
// substrings are matched (never regular expressions written per rule), all of them in one
// automaton, so classifying a reply costs one pass over text that the parser has already bounded.

import { replyReasons } from '../generated/reasons.js';
import { smtpEnhancedReasons } from '../generated/smtp-matching.js';
import { LiteralMatcher } from './literal-matcher.js';

/** Why a message was not delivered, in the names bounce handlers (e.g. sisimai) already use. The list is defined in the catalogue's schema. */
export const REPLY_REASONS = replyReasons;

export type ReplyReason = (typeof REPLY_REASONS)[number];

/** Who has to do something before the message can get through. */
export type ReplySide = 'sender' | 'recipient' | 'receiving-server' | 'network' | 'nobody' | 'unknown';

// Checked in this order: earlier phrases are the more specific ones ("sender address rejected:
// domain not found" is about the sender, not an unknown host).
const PHRASES: ReadonlyArray<readonly [ReplyReason, readonly string[]]> = [
  // The recipient's own rules name the sender: more specific than "recipient rejected".
  ['filtered', ['does not accept mail from', 'not accept mail from you', 'not accepting mail from', 'user denylist', 'on the recipient\'s block', 'blocked by the recipient', 'recipient has blocked', 'sender is blocked by recipient', 'personal block']],
  // Postfix's "Host not found, try again" is a DNS lookup that failed for now, not a missing domain.
  ['networkerror', ['not found, try again', 'dns query failed', 'dns query']],
  ['norelaying', ['relay access denied', 'relaying', 'relay not permitted', 'not permitted to relay', 'unable to relay', 'we do not relay', 'relay denied', 'not allowed to relay', 'open relay', 'relay not allowed']],
  ['authfailure', ['dmarc', 'dkim', ' spf', 'spf ', 'spf:', 'spf=', 'unauthenticated', 'not authenticated', 'authentication results', 'sender policy framework', 'failed authentication checks', 'authentication level', 'required authentication']],
  ['rejected', ['sender address rejected', 'sender rejected', 'sender verify failed', 'sender domain', 'sender is not allowed', 'unverified sender', 'sender address is', 'domain of sender address', 'mail from address', 'envelope sender', 'invalid sender', 'envelope blocked']],
  ['requireptr', ['reverse dns', 'reverse lookup', 'ptr record', 'no ptr', 'rdns', 'reverse hostname', 'cannot find your hostname', 'cannot find your reverse', 'does not resolve to your ip', 'forward-confirmed', 'fcrdns']],
  ['virusdetected', ['virus', 'malware', 'infected', 'trojan']],
  ['toomanyconn', ['too many connections', 'too many concurrent', 'connection limit', 'too many simultaneous', 'too many sessions', 'connections from your']],
  ['blocked', ['blocklist', 'blacklist', 'block list', 'black list', 'blocked using', 'spamhaus', 'spamcop', 'barracudacentral', 'sorbs', 'dnsbl', 'rbl', 'banned sending ip', 'ip address has been blocked', 'your ip', 'this ip', 'client host rejected', 'client host blocked', 'listed at', 'listed on', 'listed in', 'is listed', 'blocked by', 'has been blocked', 'ip blocked', '[bl', 'not allowed to connect', 'your host', 'sender ip', 'tss09', 'permanently deferred', 'traffic not accepted', 'ipcheck', 'helo', 'ehlo', 'fully qualified']],
  ['badreputation', ['reputation', 'user complaints', 'ts01', 'ts02', 'ts03', 'ts04']],
  ['speeding', ['rate limit', 'ratelimit', 'rate-limit', 'too many messages', 'sending rate', 'unusual rate', 'receiving mail at a rate', 'rate that prevents', 'throttl', 'unexpected volume', 'too many emails', 'exceeded the rate', 'message rate', 'temporarily deferred', 'greylist', 'graylist', 'grey-list']],
  ['suspend', ['disabled', 'account suspended', 'mailbox suspended', 'has been suspended', 'is suspended', 'suspended account', 'inactive', 'deactivated', 'not active', 'account is locked', 'account has been locked', 'mailbox is frozen', 'blocked account', 'account closed', 'no longer active']],
  ['mailboxfull', ['mailbox full', 'mailbox is full', 'over quota', 'overquota', 'quota exceeded', 'exceeded storage', 'exceeds quota', 'mailbox size limit', 'inbox is full', 'full mailbox', 'out of storage', 'insufficient quota', 'quota', 'storage allocation', 'storage limit', 'mailbox has exceeded']],
  ['mesgtoobig', ['message too big', 'message is too big', 'too large', 'size exceeds', 'exceeds the maximum', 'message size', 'size limit', 'exceeded the maximum', 'message length', 'maximum size']],
  ['hostunknown', ['dns domain', 'domainnonexistent', 'host not found', 'domain not found', 'no mx', 'name or service not known', 'host unknown', 'unknown host', 'nxdomain', 'domain does not exist', 'unknown domain', 'no such domain', 'domain name not found', 'unrouteable', 'unroutable', 'unable to route', 'no route for', 'mx lookup', 'non-existent domain', 'could not be resolved', 'domain is invalid']],
  ['policyviolation', ['access denied']],
  ['userunknown', ['user unknown', 'unknown user', 'no such user', 'user not found', 'recipient not found', 'recipnotfound', 'unknown recipient', 'recipient unknown', 'no such recipient', 'invalid recipient', 'recipient address rejected', 'mailbox not found', 'mailbox does not exist', 'no such mailbox', 'mailbox unavailable', 'no mailbox', 'invalid mailbox', 'not a valid mailbox', 'account does not exist', "doesn't exist", 'does not exist', "doesn't have a", 'does not have an account', 'addressee unknown', 'bad destination mailbox', 'unknown local part', 'address unknown', 'undeliverable address', 'not our customer', 'no valid recipients', 'address not found', 'email address could not be found', 'no account', 'invalid address', 'unknown address', 'user doesn', 'not exist']],
  ['hasmoved', ['has moved', 'user has moved', 'moved to', 'changed its address', 'no longer valid']],
  ['exceedlimit', ['too many recipients', 'recipient limit', 'recipients limit', 'too many rcpt', 'exceeded the limit', 'limit exceeded']],
  ['expired', ['message expired', 'in the queue too long', 'cannot send message for', 'delivery time expired', 'too long in queue', 'retry time', 'retry timeout', 'giving up', 'expired', 'not be delivered for', 'could not send message for', 'failing for a long time', 'time limit exceeded']],
  ['notaccept', ['does not accept mail', 'not accept mail', 'null mx', 'nullmx', 'accepts no mail', 'does not receive mail', 'no mail service']],
  ['systemerror', ['loops back', 'looping', 'routing loop', 'mail loop', 'too many hops', 'loop detected', 'internal error', 'system error', 'local error', 'configuration error']],
  ['networkerror', ['timed out', 'timeout', 'connection refused', 'unreachable', 'lost connection', 'connection reset', 'no route to host', 'connection closed', 'connection dropped', 'broken pipe', 'name service error', 'temporary failure in name resolution', 'dns error', 'dns lookup', 'lookup dns', 'network error', 'unable to connect', 'connect to']],
  ['securityerror', ['starttls', 'tls required', 'must issue a', 'encryption required', 'requires tls', 'tls is required', 'authentication required', 'authentication failed', 'authentication credentials', 'invalid credentials', 'authentication is required', 'not authorized', 'certificate', 'requiretls', 'login failed', 'username and password not accepted']],
  ['spamdetected', ['spam', 'junk', 'bulk mail', 'unsolicited', 'looks suspicious', 'suspicious content', 'message content rejected', 'content filter', 'phish', 'scam', 'scored too high', 'high probability']],
  ['contenterror', ['mime type', 'mime part', 'mime structure', 'invalid mime', 'attachment', 'content rejected', 'malformed', 'invalid content', 'encoding']],
  ['notcompliantrfc', ['rfc 5322', 'rfc5322', 'rfc 2822', 'rfc2822', 'rfc 822', 'not rfc', 'does not comply', 'missing required header', 'duplicate header', 'header is missing', 'multiple from', 'message-id', 'bare lf', 'bare linefeed', 'invalid header', 'headers are not']],
  ['syntaxerror', ['syntax error', 'command unrecognized', 'unrecognized command', 'bad sequence', 'command not implemented', 'command not recognized', 'invalid command', 'line too long', 'parameter']],
  ['systemfull', ['insufficient system storage', 'system storage', 'disk full', 'out of disk', 'no space left']],
  ['mailererror', ['mailer error', 'command died', 'exit status', 'pipe to', 'local delivery failed', 'procmail', 'transport returned', 'local host']],
  ['systemerror', ['server error', 'temporary failure', 'temporarily unavailable', 'currently unavailable', 'service unavailable', 'try again', 'server busy']],
  // Stems: "prohibit" is prohibited and prohibition, "administrative" administratively too.
  ['policyviolation', ['policy', 'not allowed', 'prohibit', 'not permitted', 'denied', 'refused', 'forbidden', 'administrative']],
];

// What an enhanced code says by itself, as `subject.detail`, from each catalogue entry's `reason`;
// codes too broad to say why (X.0.0, X.7.1) have none, so that the words decide.
const ENHANCED_REASONS: Readonly<Record<string, ReplyReason>> = smtpEnhancedReasons;

const BASIC_REASONS: Readonly<Record<number, ReplyReason>> = {
  421: 'systemerror', 450: 'onhold', 451: 'systemerror', 452: 'systemfull', 453: 'systemerror',
  454: 'securityerror', 455: 'systemerror', 458: 'systemerror', 459: 'systemerror',
  500: 'syntaxerror', 501: 'syntaxerror', 502: 'syntaxerror', 503: 'syntaxerror', 504: 'syntaxerror',
  521: 'notaccept', 523: 'mesgtoobig', 530: 'securityerror', 534: 'securityerror', 535: 'securityerror',
  538: 'securityerror', 550: 'userunknown', 551: 'hasmoved', 552: 'mailboxfull', 553: 'rejected',
  554: 'rejected', 555: 'syntaxerror', 556: 'notaccept',
};

/** Every phrase with its reason and the rank of that reason in PHRASES: a phrase's id is its index here. */
export const PHRASE_LIST = PHRASES.flatMap(([reason, phrases], rank) => phrases.map((phrase) => ({ reason, rank, phrase })));
// Built on first use, so that importing the parser costs nothing until it runs.
let phraseMatcher: LiteralMatcher | undefined;

/** The first reason, in PHRASES order, with a phrase in the text (case is ignored), if any. */
export function reasonFromWords(text: string, only?: ReadonlySet<ReplyReason>): ReplyReason | undefined {
  phraseMatcher ??= new LiteralMatcher(PHRASE_LIST.map((p) => p.phrase));
  return reasonOfPhrases(phraseMatcher.scan(text), only);
}

/** The first reason, in PHRASES order, among the phrases found (ids into PHRASE_LIST). */
export function reasonOfPhrases(found: readonly number[], only?: ReadonlySet<ReplyReason>): ReplyReason | undefined {
  let best: (typeof PHRASE_LIST)[number] | undefined;
  for (const id of found) {
    const candidate = PHRASE_LIST[id]!;
    if (only && !only.has(candidate.reason)) continue;
    if (!best || candidate.rank < best.rank) best = candidate;
  }
  return best?.reason;
}

/**
 * How a reason is decided: success codes are `delivered`; then a specific enhanced code;
 * then the words of the reply; then what the enhanced code's subject says (X.7.x, security or
 * policy: `blocked` when the text says so, else `policyviolation`, unless the basic code's own
 * reason is `securityerror` or `systemerror`); then the basic code; else `undefined`.
 */
export function classifyReason(reply: number | undefined, enhanced: string | undefined, text: string): ReplyReason {
  return classifyWithWords(reply, enhanced, text, () => reasonFromWords(text));
}

/** classifyReason, given how to find the reason the words of `text` give: it is only asked when needed. */
export function classifyWithWords(reply: number | undefined, enhanced: string | undefined, text: string, reasonOfWords: () => ReplyReason | undefined): ReplyReason {
  const cls = reply ? Math.floor(reply / 100) : enhanced ? Number(enhanced[0]) : 0;
  if (cls === 2) return 'delivered';
  const detail = enhanced?.slice(2);
  const specific = detail ? ENHANCED_REASONS[detail] : undefined;
  // Words beat an enhanced code only where servers commonly reuse the code loosely.
  if (specific && !LOOSE_ENHANCED.has(detail!)) return specific;
  const fromWords = reasonOfWords();
  // A bare temporary 4.7.1 ("Please try again later") is how greylisting answers.
  if (cls === 4 && detail === '7.1' && (fromWords === undefined || (fromWords === 'systemerror' && !/unavailable/i.test(text)))) return 'speeding';
  if (fromWords) return fromWords;
  if (specific) return specific;
  const basic = reply ? BASIC_REASONS[reply] : undefined;
  // An X.7.x code without a reason of its own (X.7.0, X.7.1, a provider's X.7.606) still says the
  // refusal is about security or policy, never about the mailbox that a bare 550 would suggest.
  // Only a basic code that itself names a security step or an unavailable service (454, 530,
  // 421) says more.
  if (detail?.startsWith('7.') && !(basic && SUBJECT_7_AGREES.has(basic))) return BLOCKED_WORD.test(text) ? 'blocked' : 'policyviolation';
  return basic || 'undefined';
}

const BLOCKED_WORD = /\bblock(?:ed|ing)?\b/i;
// Basic-code reasons that an X.7.x code qualifies rather than contradicts.
const SUBJECT_7_AGREES: ReadonlySet<ReplyReason> = new Set<ReplyReason>(['securityerror', 'systemerror']);

const LOOSE_ENHANCED = new Set(['1.1', '1.3', '2.0', '2.1', '3.0', '4.0', '4.1', '4.4', '4.6', '5.0', '5.1', '5.2', '6.0', '7.2', '7.9']);

/** Who must act for a reason, and whether sending again later can help by itself. */
export function verdictSide(reason: ReplyReason): ReplySide {
  switch (reason) {
    case 'delivered': return 'nobody';
    case 'mailboxfull': case 'suspend': case 'hasmoved': return 'recipient';
    case 'systemerror': case 'systemfull': case 'notaccept': case 'mailererror':
      return 'receiving-server';
    case 'onhold': case 'undefined': return 'unknown';
    case 'networkerror': case 'expired': return 'network';
    default: return 'sender';
  }
}
