// Provider rules (catalogue/protocols/smtp/providers): what big receivers really send. A rule
// matches when all its literal tokens occur in the reply; the first matching rule, in catalogue
// order, wins. Every token of every rule is found in one pass over the text.
import { smtpProviderRules } from '../generated/smtp-matching.js';
import { LiteralMatcher } from './literal-matcher.js';
import type { ReplyReason } from './reasons.js';

/** The provider rule a reply matched: ids into the catalogue, and the reason the rule gives. */
export interface ProviderMatch {
  provider: string;
  rule: string;
  reason: ReplyReason;
}

const RULES = smtpProviderRules;
const TOKENS = [...new Set(RULES.flatMap((rule) => rule.match as readonly string[]))];
const TOKEN_IDS = new Map(TOKENS.map((token, id) => [token, id]));
const RULE_TOKENS = RULES.map((rule) => (rule.match as readonly string[]).map((token) => TOKEN_IDS.get(token)!));
const MATCHER = new LiteralMatcher(TOKENS);
const hits = new Uint8Array(TOKENS.length);

/** The first provider rule whose tokens all occur in the text (case is ignored). */
export function matchProvider(text: string): ProviderMatch | undefined {
  hits.fill(0);
  if (MATCHER.scan(text, hits) === 0) return undefined;
  for (let i = 0; i < RULES.length; i++) {
    if (RULE_TOKENS[i]!.every((id) => hits[id] === 1)) {
      const rule = RULES[i]!;
      return { provider: rule.provider, rule: rule.id, reason: rule.reason };
    }
  }
  return undefined;
}
