// Provider rules with their texts (catalogue/protocols/smtp/providers), for pages and
// explanations. The parser matches with the text-free copy in generated/smtp-matching.ts.
import { smtpProviders } from './generated/smtp.js';

export type Provider = (typeof smtpProviders)[number];
export type ProviderRule = Provider['rules'][number];

const RULES = smtpProviders.flatMap((provider) => provider.rules.map((rule) => ({ provider, rule })));

/** Every provider, with its rules, in catalogue order. */
export function listProviders(): readonly Provider[] {
  return smtpProviders;
}

/** A provider rule and the provider it belongs to, by rule id. */
export function findProviderRule(id: string): { provider: Provider; rule: ProviderRule } | undefined {
  return RULES.find(({ rule }) => rule.id === id);
}
