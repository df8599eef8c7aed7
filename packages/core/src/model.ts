// The shapes of core's data. The generated modules are checked against these with `satisfies`,
// so a catalogue change that breaks them fails the build rather than a consumer.

export type RetryPolicy = 'not-needed' | 'continue' | 'later' | 'after-change' | 'never';
export type Actor = 'nobody' | 'client' | 'sender' | 'sender-admin' | 'receiver-admin' | 'recipient';
export type Status = 'registered' | 'unused' | 'obsoleted' | 'temporary' | 'deprecated';

export interface DigitDefinition {
  readonly digit: number;
  readonly name: string;
  readonly meaning: string;
  readonly reference: string;
}

export interface PhaseDefinition {
  readonly id: string;
  readonly name: string;
  readonly flow: 'main' | 'aside';
  readonly commands: readonly string[];
}

export interface ProtocolDefinition {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly references: readonly string[];
  readonly classes: readonly DigitDefinition[];
  readonly categories: readonly DigitDefinition[];
  readonly phases: readonly PhaseDefinition[];
}

/** The translatable texts of a code, in English here; locales provide the same fields. */
export interface CodeTexts {
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly whenYouSeeIt: string;
  readonly howToFix: { readonly sender: string; readonly operator: string };
  readonly whenToSend: string;
}

export interface CodeEntry extends CodeTexts {
  readonly protocol: string;
  readonly code: number;
  /** The RFC's reply text, verbatim. Never translated. */
  readonly replyText: string;
  readonly alternateReplyTexts?: readonly { readonly text: string; readonly reference: string }[];
  readonly formerNames?: readonly string[];
  readonly class: number;
  readonly category: number;
  readonly retry: RetryPolicy;
  readonly phases: readonly string[];
  readonly actors: readonly Actor[];
  readonly related: readonly number[];
  readonly enhancedCodes: readonly string[];
  readonly references: readonly string[];
  readonly origin: string;
  readonly status: Status;
}

/** A hand-written note on two codes people confuse. */
export interface PairNote {
  readonly codes: readonly [number, number];
  readonly note: string;
  readonly references: readonly string[];
}

export interface ProtocolData {
  readonly protocol: ProtocolDefinition;
  readonly codes: { readonly [code: number]: CodeEntry };
  /** Keyed `<a>-<b>` with a < b. */
  readonly pairs: { readonly [pair: string]: PairNote };
}

/** What a locale module provides for one protocol: only translations made from the current English. */
export interface ProtocolTranslations {
  readonly locale: string;
  readonly protocolTexts:
    | {
        readonly title: string;
        readonly summary: string;
        readonly classes: { readonly [digit: number]: { readonly name: string; readonly meaning: string } };
        readonly categories: { readonly [digit: number]: { readonly name: string; readonly meaning: string } };
        readonly phases: { readonly [id: string]: { readonly name: string } };
      }
    | undefined;
  readonly codeTexts: { readonly [code: number]: CodeTexts };
  readonly pairTexts: { readonly [pair: string]: { readonly note: string } };
}

export interface CodeFilter {
  /** First digit, e.g. 4 for 4xx. */
  class?: number;
  /** Second digit. */
  category?: number;
  /** A phase id from the protocol, e.g. `rcpt`. */
  phase?: string;
  retry?: RetryPolicy;
  actor?: Actor;
}
