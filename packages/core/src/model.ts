// The shapes of core's data. The generated modules are checked against these with `satisfies`,
// so a catalogue change that breaks them fails the build rather than a consumer.

export type RetryPolicy = 'not-needed' | 'continue' | 'later' | 'after-change' | 'never';
export type Actor = 'nobody' | 'client' | 'sender' | 'sender-admin' | 'receiver-admin' | 'recipient';
export type Status = 'registered' | 'unused' | 'obsoleted' | 'temporary' | 'deprecated' | 'unregistered';
export type Generator = 'origin' | 'proxy' | 'cdn' | 'load-balancer' | 'client';
export type Redirect = 'permanent-keeps-method' | 'permanent-may-change-method' | 'temporary-keeps-method' | 'temporary-may-change-method' | 'see-other';
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

/** What a reply of one class and retry policy means for the client, in the phrases a comparison uses. */
export interface OutcomeDefinition {
  readonly class: number;
  readonly retry: RetryPolicy;
  readonly outcome: string;
  readonly both: string;
  readonly choice: string;
}

export interface FactValue {
  readonly id: string;
  readonly label: string;
  readonly clause?: string;
  readonly appliedClause?: string;
  readonly choice?: string;
  readonly appliedChoice?: string;
}

/** `value`: one value; `lead`: a list's first item counts; `set`: items one code has alone; `phases`: session phases. */
export type FactKind = 'value' | 'lead' | 'set' | 'phases';

/** A fact the protocol's codes carry, which comparisons contrast in the order the protocol lists them. */
export interface FactDefinition {
  readonly field: string;
  readonly kind: FactKind;
  readonly label: string;
  readonly default?: string;
  /** false: shown at a glance, never named in the key difference. */
  readonly contrast?: boolean;
  /** true: pages draw it, one box per value in the declared order. */
  readonly picture?: boolean;
  readonly values?: readonly FactValue[];
}

export interface ProtocolDefinition {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly references: readonly string[];
  readonly classes: readonly DigitDefinition[];
  readonly outcomes: readonly OutcomeDefinition[];
  readonly facts: readonly FactDefinition[];
  readonly fields: readonly string[];
  readonly categories?: readonly DigitDefinition[];
  readonly phases?: readonly PhaseDefinition[];
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
  /** Translations of each vendor meaning, in order. */
  readonly vendorMeanings?: readonly { readonly meaning: string }[];
}

export interface CodeEntry extends Omit<CodeTexts, 'retryWhen' | 'vendorMeanings'> {
  readonly protocol: string;
  readonly code: number;
  /** The RFC's reply text, verbatim. Never translated. */
  readonly replyText: string;
  readonly alternateReplyTexts?: readonly { readonly text: string; readonly reference: string }[];
  /** Texts that widely used servers send with the code in practice, and which software sends each. */
  readonly seenAs?: readonly { readonly text: string; readonly server: string }[];
  readonly formerNames?: readonly string[];
  readonly class: number;
  readonly category?: number;
  readonly retry: RetryPolicy;
  readonly retryWhen?: readonly RetryException[];
  /** SMTP: what the reply refuses or affects. */
  readonly scope?: Scope;
  /** SMTP: whether the session stays open. */
  readonly connection?: Connection;
  /** FTP: which of the two connections the reply is about. */
  readonly channel?: 'control' | 'data';
  /** HTTP: who generates the code, most usual first. */
  readonly generatedBy?: readonly Generator[];
  /** HTTP: heuristically cacheable by default (RFC 9110 §15.1). */
  readonly cacheable?: boolean;
  /** HTTP: for redirects, permanent or temporary and whether the method and body are kept. */
  readonly redirect?: Redirect;
  /** HTTP: header fields the code requires or expects. */
  readonly headers?: readonly string[];
  /** HTTP: whether repeating the request unchanged is reasonable. */
  readonly retrySafe?: boolean;
  readonly phases?: readonly string[];
  readonly actors?: readonly Actor[];
  readonly related: readonly number[];
  readonly enhancedCodes?: readonly string[];
  readonly references: readonly string[];
  /** Where vendors give the code different meanings (HTTP 420). */
  readonly vendorMeanings?: readonly { readonly origin: string; readonly name: string; readonly meaning: string }[];
  /** The vendor's documentation, for codes no RFC defines. */
  readonly documentation?: string;
  /** `iana`, `rfc`, or a vendor such as `nginx`. */
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
  /** Only in data held on demand: what exists but is not loaded yet, so that asking for it says so. */
  readonly notLoaded?: {
    readonly codes: ReadonlySet<number>;
    readonly pairs: ReadonlySet<string>;
    /** Every code's title, loaded or not: enough to link to a code. */
    readonly titles: { readonly [code: number]: string };
  };
}

/** What a locale module provides for one protocol: only translations made from the current English. */
export interface ProtocolTranslations {
  readonly locale: string;
  readonly protocolTexts:
    | {
        readonly title: string;
        readonly summary: string;
        readonly outcomes: { readonly [classAndRetry: string]: { readonly outcome: string; readonly both: string; readonly choice: string } };
        readonly facts: { readonly [field: string]: { readonly label: string; readonly values?: { readonly [id: string]: Omit<FactValue, 'id'> } } };
        readonly classes: { readonly [digit: number]: { readonly name: string; readonly meaning: string } };
        readonly categories?: { readonly [digit: number]: { readonly name: string; readonly meaning: string } };
        readonly subjects?: { readonly [digit: number]: { readonly name: string; readonly meaning: string } };
        readonly phases?: { readonly [id: string]: { readonly name: string; readonly when: string } };
      }
    | undefined;
  readonly codeTexts: { readonly [code: number]: CodeTexts };
  readonly pairTexts: { readonly [pair: string]: { readonly note: string; readonly whenToSendWhich: string } };
  /** SMTP: enhanced status codes, keyed `X.1.1`. */
  readonly enhancedTexts?: { readonly [id: string]: EnhancedTexts };
  /** SMTP: provider rules, keyed by rule id. */
  readonly providerTexts?: { readonly [rule: string]: { readonly title: string; readonly meaning: string; readonly fix: string } };
}

/** The translatable texts of an enhanced status code entry. */
export interface EnhancedTexts {
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly inClass: readonly { readonly meaning: string }[];
  readonly whenYouSeeIt: string;
  readonly howToFix: { readonly sender: string; readonly operator: string };
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
  /** Who defines the code: `iana`, `rfc`, or a vendor such as `nginx`; several for "IANA plus nginx". */
  origin?: string | readonly string[];
}
