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
/** Every distinct token of every rule: a token's id is its index here. */
export const PROVIDER_TOKENS = [...new Set(RULES.flatMap((rule) => rule.match as readonly string[]))];
const TOKEN_IDS = new Map(PROVIDER_TOKENS.map((token, id) => [token, id]));
const RULE_TOKENS = RULES.map((rule) => (rule.match as readonly string[]).map((token) => TOKEN_IDS.get(token)!));
/** For each token, the rules that use it, in catalogue order. */
const RULES_OF_TOKEN = PROVIDER_TOKENS.map(() => [] as number[]);
RULE_TOKENS.forEach((tokens, rule) => tokens.forEach((token) => RULES_OF_TOKEN[token]!.push(rule)));
// Built on first use, so that importing the parser costs nothing until it runs.
let matcher: LiteralMatcher | undefined;

/** The first provider rule whose tokens all occur in the text (case is ignored). */
export function matchProvider(text: string): ProviderMatch | undefined {
  matcher ??= new LiteralMatcher(PROVIDER_TOKENS);
  return ruleOfTokens(matcher.scan(text));
}

/** The first provider rule, in catalogue order, whose tokens are all among those found (ids into PROVIDER_TOKENS). */
export function ruleOfTokens(found: readonly number[]): ProviderMatch | undefined {
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
