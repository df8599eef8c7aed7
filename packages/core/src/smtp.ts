// @protocodes/core/smtp: SMTP reply codes only. Importing this pulls in no other protocol.
import { smtpCodes, smtpPairs, smtpProtocol } from './generated/smtp.js';
import { UnknownCodeError } from './errors.js';
import { categoryDefinitionIn, classDefinitionIn, findCodeIn, hasCodeIn, listCodesIn, suggestCodesIn } from './lookup.js';
import type { CodeEntry, CodeFilter, DigitDefinition, ProtocolData } from './model.js';
import { compareIn, type CodeComparison } from './compare.js';

export { smtpCodes, smtpPairs, smtpProtocol };

export interface SmtpData {
  readonly protocol: typeof smtpProtocol;
  readonly codes: typeof smtpCodes;
  readonly pairs: typeof smtpPairs;
}

/** SMTP's definition and codes together; `satisfies` proves the generated data has core's shape. */
export const smtp: SmtpData = { protocol: smtpProtocol, codes: smtpCodes, pairs: smtpPairs } satisfies ProtocolData;

/** Every SMTP reply code in the catalogue, as a literal union (`211 | 214 | … | 556`). */
export type SmtpReplyCode = keyof typeof smtpCodes;
/** The entry of one SMTP code, with its literal facts (`class: 5`, `retry: "after-change"`). */
export type SmtpCodeEntry<C extends SmtpReplyCode = SmtpReplyCode> = (typeof smtpCodes)[C];
export type SmtpPhase = (typeof smtpProtocol)['phases'][number]['id'];

export function isSmtpReplyCode(value: unknown): value is SmtpReplyCode {
  return hasCodeIn(smtp, value);
}

/** One SMTP code, precisely typed. Throws UnknownCodeError for a code that is not in the catalogue. */
export function getSmtpCode<C extends SmtpReplyCode>(code: C): SmtpCodeEntry<C> {
  const entry = smtpCodes[code];
  if (!entry) throw new UnknownCodeError('smtp', String(code), suggestCodesIn(smtp, code));
  return entry;
}

/** The entry for untrusted input (`"554"`, `554`), or undefined. */
export function findSmtpCode(input: unknown): CodeEntry | undefined {
  return findCodeIn(smtp, input);
}

export function listSmtpCodes(filter?: CodeFilter & { phase?: SmtpPhase }): CodeEntry[] {
  return listCodesIn(smtp, filter);
}

export function suggestSmtpCodes(input: string | number, count?: number): number[] {
  return suggestCodesIn(smtp, input, count);
}

export function smtpClassOf(code: number): DigitDefinition | undefined {
  return classDefinitionIn(smtp, code);
}

export function smtpCategoryOf(code: number): DigitDefinition | undefined {
  return categoryDefinitionIn(smtp, code);
}

/** Locale-free facts about two SMTP codes, in canonical order (smaller code first). */
export function compareSmtpCodes(a: SmtpReplyCode, b: SmtpReplyCode): CodeComparison {
  return compareIn(smtp, a, b);
}
