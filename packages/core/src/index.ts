// @protocodes/core: every protocol behind one typed API. Import `@protocodes/core/smtp` instead to
// load SMTP alone, or `@protocodes/core/on-demand` to load codes as a program needs them.
import { protocolIds } from './generated/version.js';
import { protocols } from './generated/registry.js';
import { smtpEnhanced } from './generated/smtp.js';
import type { ProtocolData } from './model.js';
import { holdEnhanced, holdProtocol } from './store.js';

// The registry is generated from the catalogue's folders; this proves it has every compiled id.
protocols satisfies Record<(typeof protocolIds)[number], ProtocolData>;

for (const id of protocolIds) holdProtocol(id, protocols[id]);
holdEnhanced(smtpEnhanced);

export * from './runtime.js';
export { explainReply, parseReply } from './explain/parse-reply.js';
export { decodeMessage, explainMessage, looksLikeMessage } from './explain/message.js';
export { REPLY_ACTIONS } from './explain/parse-reply.js';
export type { ReplyAction, ReplyFinding, ReplySpan, ReplySpanPart, ReplyVerdict } from './explain/parse-reply.js';
export { REPLY_REASONS, classifyReason } from './explain/reasons.js';
export type { ReplyReason, ReplySide } from './explain/reasons.js';
export { matchProvider } from './explain/providers.js';
export type { ProviderMatch } from './explain/providers.js';
export { listProviders, findProviderRule } from './providers.js';
export type { Provider, ProviderRule } from './providers.js';
