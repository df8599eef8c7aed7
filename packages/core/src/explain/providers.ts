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
/** For each token, the rules that use it, in catalogue order. */
const RULES_OF_TOKEN = TOKENS.map(() => [] as number[]);
RULE_TOKENS.forEach((tokens, rule) => tokens.forEach((token) => RULES_OF_TOKEN[token]!.push(rule)));

/** The first provider rule whose tokens all occur in the text (case is ignored). */
export function matchProvider(text: string): ProviderMatch | undefined {
  const found = MATCHER.scan(text);
  if (found.length === 0) return undefined;
  const present = new Set(found);
  let best = -1;
  for (const token of found) {
    for (const rule of RULES_OF_TOKEN[token]!) {
      if ((best === -1 || rule < best) && RULE_TOKENS[rule]!.every((id) => present.has(id))) best = rule;
    }
  }
  if (best === -1) return undefined;
  const rule = RULES[best]!;
  return { provider: rule.provider, rule: rule.id, reason: rule.reason };
}
