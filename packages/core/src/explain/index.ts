// @protocodes/core/explain: the reply parser alone, with SMTP's codes and the provider rules it
// needs and nothing else, for browsers that explain a pasted reply without a server.
export { explainReply, parseReply, verdictFor } from './parse-reply.js';
export { REPLY_ACTIONS } from './parse-reply.js';
export type { ReplyAction, ReplyFinding, ReplySpan, ReplySpanPart, ReplyVerdict } from './parse-reply.js';
export { decodeMessage, explainMessage, looksLikeMessage } from './message.js';
export { REPLY_REASONS, classifyReason } from './reasons.js';
export type { ReplyReason, ReplySide } from './reasons.js';
export { matchProvider } from './providers.js';
export type { ProviderMatch } from './providers.js';
