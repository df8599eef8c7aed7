// The shapes of core's data. The generated modules are checked against these with `satisfies`,
// so a catalogue change that breaks them fails the build rather than a consumer.

export type RetryPolicy = 'not-needed' | 'continue' | 'later' | 'after-change' | 'never';
export type Actor = 'nobody' | 'client' | 'sender' | 'sender-admin' | 'receiver-admin' | 'recipient';
export type Status = 'registered' | 'unused' | 'obsoleted' | 'temporary' | 'deprecated';
/** What a reply refuses or affects: one command, one recipient, the message, the session, or the host for everyone. */
export type Scope = 'command' | 'recipient' | 'transaction' | 'session' | 'host';
/** Whether the server keeps the session open after the reply or closes the connection. */
export type Connection = 'open' | 'closed';

/** A known case in which the right reaction differs from the code's `retry`. */
export interface RetryException {
  readonly retry: RetryPolicy;
  /** The phase in which the exception applies. */
  readonly phase: string;
  /** Completes "when …": the case, in English (locales translate it). */
  readonly condition: string;
  readonly reference: string;
}

export interface DigitDefinition {
  readonly digit: number;
  readonly name: string;
  readonly meaning: string;
  readonly reference: string;
}

export interface PhaseDefinition {
  readonly id: string;
  readonly name: string;
  /** Where a reply comes, as a sentence says it: "after the final dot of the message". */
  readonly when: string;
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
  /** What the receiving side's software does with the reply, and what a person should do. */
  readonly onReceive: string;
  /** Translations of each `retryWhen` condition, in order. */
  readonly retryWhen?: readonly { readonly condition: string }[];
}

export interface CodeEntry extends Omit<CodeTexts, 'retryWhen'> {
  readonly protocol: string;
  readonly code: number;
  /** The RFC's reply text, verbatim. Never translated. */
  readonly replyText: string;
  readonly alternateReplyTexts?: readonly { readonly text: string; readonly reference: string }[];
  readonly formerNames?: readonly string[];
  readonly class: number;
  readonly category: number;
  readonly retry: RetryPolicy;
  readonly retryWhen?: readonly RetryException[];
  readonly scope: Scope;
  readonly connection: Connection;
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
  /** For an operator choosing between the two: the codes contrasted. */
  readonly whenToSendWhich: string;
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
        readonly phases: { readonly [id: string]: { readonly name: string; readonly when: string } };
      }
    | undefined;
  readonly codeTexts: { readonly [code: number]: CodeTexts };
  readonly pairTexts: { readonly [pair: string]: { readonly note: string; readonly whenToSendWhich: string } };
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
