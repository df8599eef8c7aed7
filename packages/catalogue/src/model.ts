// The catalogue as typed data, after it passed the schema. Field meanings are documented in
// schema.ts (and in catalogue/README.md, generated from it).
import type { ACTORS, CHANNELS, CONNECTIONS, FACT_KINDS, GENERATORS, PROTOCOL_FIELDS, REDIRECTS, REPLY_REASONS, RETRY_POLICIES, SCOPES, STATUSES } from './schema.js';
import type { SourceFile } from './source.js';
import type { JsonSchema } from './schema.js';
import type { Diagnostic } from './diagnostics.js';

export type RetryPolicy = (typeof RETRY_POLICIES)[number];
export type Actor = (typeof ACTORS)[number];
export type Status = (typeof STATUSES)[number];
export type Scope = (typeof SCOPES)[number];
export type Connection = (typeof CONNECTIONS)[number];
export type Generator = (typeof GENERATORS)[number];
export type Redirect = (typeof REDIRECTS)[number];
export type Channel = (typeof CHANNELS)[number];
export type FactKind = (typeof FACT_KINDS)[number];
export type ProtocolField = (typeof PROTOCOL_FIELDS)[number];
export type ReplyReason = (typeof REPLY_REASONS)[number];

export interface RetryException {
  retry: RetryPolicy;
  phase: string;
  condition: string;
  reference: string;
}

export interface DigitDefinition {
  digit: number;
  name: string;
  meaning: string;
  reference: string;
}

export interface PhaseDefinition {
  id: string;
  name: string;
  when: string;
  flow: 'main' | 'aside';
  commands: string[];
}

export interface OutcomeDefinition {
  class: number;
  retry: RetryPolicy;
  outcome: string;
  both: string;
  choice: string;
}

export interface FactValue {
  id: string;
  label: string;
  clause?: string;
  appliedClause?: string;
  choice?: string;
  appliedChoice?: string;
}

export interface FactDefinition {
  field: ProtocolField;
  kind: FactKind;
  label: string;
  default?: string;
  contrast?: boolean;
  picture?: boolean;
  values?: FactValue[];
}

export interface ProtocolDefinition {
  id: string;
  name: string;
  title: string;
  summary: string;
  references: string[];
  classes: DigitDefinition[];
  outcomes: OutcomeDefinition[];
  facts: FactDefinition[];
  fields: ProtocolField[];
  categories?: DigitDefinition[];
  subjects?: DigitDefinition[];
  phases?: PhaseDefinition[];
}

export interface CodeEntry {
  code: number;
  replyText: string;
  alternateReplyTexts?: { text: string; reference: string }[];
  seenAs?: { text: string; server: string }[];
  formerNames?: string[];
  title: string;
  summary: string;
  description: string;
  whenYouSeeIt: string;
  howToFix: { sender: string; operator: string };
  whenToSend: string;
  onReceive: string;
  class: number;
  category?: number;
  retry: RetryPolicy;
  retryWhen?: RetryException[];
  scope?: Scope;
  connection?: Connection;
  channel?: Channel;
  generatedBy?: Generator[];
  cacheable?: boolean;
  redirect?: Redirect;
  headers?: string[];
  retrySafe?: boolean;
  phases?: string[];
  actors?: Actor[];
  related: number[];
  enhancedCodes?: string[];
  references: string[];
  vendorMeanings?: { origin: string; name: string; meaning: string }[];
  documentation?: string;
  origin: string;
  status: Status;
}

export interface Loaded<T> {
  value: T;
  file: SourceFile;
}

export interface PairNote {
  codes: [number, number];
  note: string;
  whenToSendWhich: string;
  references: string[];
}

/** One enhanced status code of the registry (SMTP), `X.<subject>.<detail>`. */
export interface EnhancedEntry {
  code: string;
  sampleText: string;
  seenAs?: { text: string; server: string }[];
  title: string;
  summary: string;
  description: string;
  inClass: { class: 2 | 4 | 5; meaning: string }[];
  whenYouSeeIt: string;
  howToFix: { sender: string; operator: string };
  basicCodes: number[];
  reason?: ReplyReason;
  related?: string[];
  references: string[];
  status: 'registered' | 'deprecated';
}

export interface ProviderRule {
  id: string;
  match: string[];
  reason: ReplyReason;
  title: string;
  meaning: string;
  fix: string;
  reference?: string;
}

/** What one big receiver really sends (SMTP). */
export interface ProviderFile {
  id: string;
  name: string;
  documentation?: string;
  rules: ProviderRule[];
}

export interface ProtocolCatalogue {
  id: string;
  protocol: Loaded<ProtocolDefinition>;
  codes: Loaded<CodeEntry>[];
  pairs: Loaded<PairNote>[];
  enhanced: Loaded<EnhancedEntry>[];
  providers: Loaded<ProviderFile>[];
  /** The ids of every code and pair file present, including files that failed to load. */
  presentIds: ReadonlySet<string>;
}

export interface MessagesFile {
  locale: { name: string; englishName: string; dir: 'ltr' | 'rtl'; draft?: boolean };
  messages: Record<string, Record<string, string>>;
  sources?: Record<string, string>;
}

/** The translatable texts of a code entry, plus the hash of the English they were made from. */
export type CodeTranslation = Pick<CodeEntry, 'title' | 'summary' | 'description' | 'whenYouSeeIt' | 'howToFix' | 'whenToSend' | 'onReceive'> & {
  retryWhen?: { condition: string }[];
  vendorMeanings?: { meaning: string }[];
  source: string;
};

export interface ProtocolTranslation {
  source: string;
  title: string;
  summary: string;
  outcomes: Record<string, { outcome: string; both: string; choice: string }>;
  facts: Record<string, { label: string; values?: Record<string, Omit<FactValue, 'id'>> }>;
  classes: Record<string, { name: string; meaning: string }>;
  categories?: Record<string, { name: string; meaning: string }>;
  subjects?: Record<string, { name: string; meaning: string }>;
  phases?: Record<string, { name: string; when: string }>;
}

export type EnhancedTranslation = Pick<EnhancedEntry, 'title' | 'summary' | 'description' | 'whenYouSeeIt' | 'howToFix'> & {
  inClass: { meaning: string }[];
  source: string;
};

export type ProviderRuleTranslation = Pick<ProviderRule, 'title' | 'meaning' | 'fix'> & { source: string };

export interface PairTranslation {
  source: string;
  note: string;
  whenToSendWhich: string;
}

export interface GlossaryFile {
  register: string;
  terms: { term: string; meaning?: string; use: string; avoid?: string[]; note?: string }[];
}

export interface LocaleProtocolFile {
  protocol?: ProtocolTranslation;
  codes?: Record<string, CodeTranslation>;
  pairs?: Record<string, PairTranslation>;
  enhanced?: Record<string, EnhancedTranslation>;
  providers?: Record<string, ProviderRuleTranslation>;
}

/** How complete one locale is for one scope (its messages, or one protocol's entries). */
export interface TranslationStatus {
  scope: string;
  total: number;
  /** Translated and made from the current English. */
  fresh: number;
  stale: string[];
  missing: string[];
}

export interface LocaleCatalogue {
  id: string;
  /** Still being translated (`draft: true` in its messages.yaml): checked, never compiled. */
  draft: boolean;
  messages?: Loaded<MessagesFile>;
  glossary?: Loaded<GlossaryFile>;
  protocols: { id: string; translations: Loaded<LocaleProtocolFile> }[];
  status: TranslationStatus[];
}

export interface Catalogue {
  /** Absolute path of the `catalogue/` folder. */
  root: string;
  protocols: ProtocolCatalogue[];
  locales: LocaleCatalogue[];
  /** Every file read, including those that failed to load, with the schema it is checked against. */
  files: { file: SourceFile; schema: JsonSchema }[];
  diagnostics: Diagnostic[];
}
