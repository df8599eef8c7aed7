// The catalogue as typed data, after it passed the schema. Field meanings are documented in
// schema.ts (and in catalogue/README.md, generated from it).
import type { ACTORS, RETRY_POLICIES, STATUSES } from './schema.js';
import type { SourceFile } from './source.js';
import type { Diagnostic } from './diagnostics.js';

export type RetryPolicy = (typeof RETRY_POLICIES)[number];
export type Actor = (typeof ACTORS)[number];
export type Status = (typeof STATUSES)[number];

export interface DigitDefinition {
  digit: number;
  name: string;
  meaning: string;
  reference: string;
}

export interface PhaseDefinition {
  id: string;
  name: string;
  flow: 'main' | 'aside';
  commands: string[];
}

export interface ProtocolDefinition {
  id: string;
  name: string;
  title: string;
  summary: string;
  references: string[];
  classes: DigitDefinition[];
  categories: DigitDefinition[];
  phases: PhaseDefinition[];
}

export interface CodeEntry {
  code: number;
  replyText: string;
  alternateReplyTexts?: { text: string; reference: string }[];
  formerNames?: string[];
  title: string;
  summary: string;
  description: string;
  whenYouSeeIt: string;
  howToFix: { sender: string; operator: string };
  whenToSend: string;
  class: number;
  category: number;
  retry: RetryPolicy;
  phases: string[];
  actors: Actor[];
  related: number[];
  enhancedCodes: string[];
  references: string[];
  origin: string;
  status: Status;
}

export interface Loaded<T> {
  value: T;
  file: SourceFile;
}

export interface ProtocolCatalogue {
  id: string;
  protocol: Loaded<ProtocolDefinition>;
  codes: Loaded<CodeEntry>[];
}

export interface Catalogue {
  /** Absolute path of the `catalogue/` folder. */
  root: string;
  protocols: ProtocolCatalogue[];
  /** Every file read, including those that failed to load. */
  files: SourceFile[];
  diagnostics: Diagnostic[];
}
