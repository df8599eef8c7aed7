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

export interface ProtocolData {
  readonly protocol: ProtocolDefinition;
  readonly codes: { readonly [code: number]: CodeEntry };
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
