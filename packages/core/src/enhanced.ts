// SMTP enhanced status codes (RFC 3463): `class.subject.detail`, such as 5.7.1. The catalogue holds
// the registry's codes as `X.<subject>.<detail>`; a code as people write it carries its class.
import type { smtpEnhanced } from './generated/smtp.js';
import { heldEnhancedEntries, heldEnhancedEntry, heldEnhancedTitle, heldProtocol } from './store.js';
import type { DigitDefinition } from './model.js';

export type EnhancedId = keyof typeof smtpEnhanced;
export type EnhancedEntry = (typeof smtpEnhanced)[EnhancedId];
export type EnhancedClass = 2 | 4 | 5;

/** An enhanced code as read from input: the class is absent for the class-free form `X.7.1`. */
export interface EnhancedCodeParts {
  class?: EnhancedClass;
  subject: number;
  detail: number;
  /** The registry's form, `X.<subject>.<detail>`. */
  id: string;
}

/** What an enhanced code means, whether or not the registry defines it. */
export interface EnhancedCodeInfo extends EnhancedCodeParts {
  /** As written with its class (`5.7.1`), or the registry form when no class was given. */
  code: string;
  /** The registry entry; absent for a code the registry does not define, such as 5.7.606. */
  entry?: EnhancedEntry;
  /** The subject (X.7: security or policy), when RFC 3463 defines it. */
  subjectDefinition?: DigitDefinition;
  /** The class of basic replies with the same first digit, which says success, temporary or permanent. */
  classDefinition?: DigitDefinition;
  /** What the entry says about this class, when it is used in it. */
  classMeaning?: string;
}

// Three parts of one to three digits each, no leading zeros (RFC 3463 §2 and §3).
const SHAPE = /^\s*([245xX])\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\s*$/;

/** The parts of `5.7.1`, `4.7.650` or `X.1.10`; undefined for anything else. */
export function parseEnhancedCode(input: unknown): EnhancedCodeParts | undefined {
  if (typeof input !== 'string' || input.length > 16) return undefined;
  const m = SHAPE.exec(input);
  if (!m) return undefined;
  const subject = Number(m[2]);
  const detail = Number(m[3]);
  const cls = m[1] === 'x' || m[1] === 'X' ? undefined : (Number(m[1]) as EnhancedClass);
  return { ...(cls ? { class: cls } : {}), subject, detail, id: `X.${subject}.${detail}` };
}

export function isEnhancedCode(input: unknown): boolean {
  return parseEnhancedCode(input) !== undefined;
}

/** The registry entry for `X.7.1` or `5.7.1`, or undefined. */
export function findEnhancedEntry(input: unknown): EnhancedEntry | undefined {
  const parts = parseEnhancedCode(input);
  return parts ? (heldEnhancedEntry(parts.id) as EnhancedEntry | undefined) : undefined;
}

/** The registry title of `X.7.1` or `5.7.1` (loaded or not, on demand), or undefined. */
export function enhancedTitle(input: unknown): string | undefined {
  const parts = parseEnhancedCode(input);
  return parts ? heldEnhancedTitle(parts.id) : undefined;
}

/** Everything known about an enhanced code; a code outside the registry is described by its class and subject. */
export function describeEnhancedCode(input: unknown): EnhancedCodeInfo | undefined {
  const parts = parseEnhancedCode(input);
  if (!parts) return undefined;
  const entry = heldEnhancedEntry(parts.id) as EnhancedEntry | undefined;
  const smtp = heldProtocol('smtp').protocol;
  const subjects = (smtp as { subjects?: readonly DigitDefinition[] }).subjects ?? [];
  const subjectDefinition = subjects.find((s) => s.digit === parts.subject);
  const classDefinition = parts.class ? smtp.classes.find((c) => c.digit === parts.class) : undefined;
  const classMeaning = parts.class && entry ? (entry.inClass as readonly { class: number; meaning: string }[]).find((use) => use.class === parts.class)?.meaning : undefined;
  return {
    ...parts,
    code: parts.class ? `${parts.class}.${parts.subject}.${parts.detail}` : parts.id,
    ...(entry ? { entry } : {}),
    ...(subjectDefinition ? { subjectDefinition } : {}),
    ...(classDefinition ? { classDefinition } : {}),
    ...(classMeaning ? { classMeaning } : {}),
  };
}

/** Every registry entry, in registry order (X.1.2 before X.1.10). */
export function listEnhancedEntries(): EnhancedEntry[] {
  return heldEnhancedEntries() as EnhancedEntry[];
}

/** Locale-free facts about two enhanced codes, in registry order. */
export interface EnhancedComparison {
  a: EnhancedCodeInfo;
  b: EnhancedCodeInfo;
  sameSubject: boolean;
  sameClass: boolean;
  /** Basic codes the registry associates with both. */
  sharedBasicCodes: number[];
}

export function compareEnhancedCodes(first: EnhancedCodeInfo, second: EnhancedCodeInfo): EnhancedComparison {
  const order = (x: EnhancedCodeInfo) => x.subject * 10_000 + x.detail * 10 + (x.class ?? 0);
  const [a, b] = order(first) <= order(second) ? [first, second] : [second, first];
  const basicB = new Set<number>(b.entry?.basicCodes ?? []);
  return {
    a,
    b,
    sameSubject: a.subject === b.subject,
    sameClass: a.class === b.class,
    sharedBasicCodes: (a.entry?.basicCodes ?? []).filter((code: number) => basicB.has(code)),
  };
}
