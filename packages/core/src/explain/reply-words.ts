// The words of one reply, read in one pass for both the provider rules and the reason phrases:
// the parser needs both for every failure it finds, and a pass over the text is its largest cost.
import { LiteralMatcher } from './literal-matcher.js';
import { PROVIDER_TOKENS, ruleOfTokens, type ProviderMatch } from './providers.js';
import { PHRASE_LIST, reasonOfPhrases, type ReplyReason } from './reasons.js';

// Built on first use, so that importing the parser costs nothing until it runs.
let matcher: LiteralMatcher | undefined;

export interface ReplyWords {
  /** The first provider rule, in catalogue order, whose tokens all occur in the text. */
  provider(): ProviderMatch | undefined;
  /** The reason the phrases of the text give, as `reasonFromWords` finds it. */
  reason(only?: ReadonlySet<ReplyReason>): ReplyReason | undefined;
}

/** Reads `text` once (case is ignored) for the provider tokens and the reason phrases in it. */
export function readReplyWords(text: string): ReplyWords {
  matcher ??= new LiteralMatcher([...PHRASE_LIST.map((p) => p.phrase), ...PROVIDER_TOKENS]);
  const phrases: number[] = [];
  const tokens: number[] = [];
  for (const id of matcher.scan(text)) {
    if (id < PHRASE_LIST.length) phrases.push(id);
    else tokens.push(id - PHRASE_LIST.length);
  }
  return { provider: () => ruleOfTokens(tokens), reason: (only) => reasonOfPhrases(phrases, only) };
}
