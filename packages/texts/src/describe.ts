// The JSON shapes of a code, a comparison and a list, localized. The CLI's `--format json` and
// the API's JSON bodies are these objects, so both stay the same by construction.
import {
  compareCodes,
  findCode,
  getProtocol,
  listCodes,
  type CodeEntry,
  type CodeFilter,
  type CodeTexts,
  type ProtocolDefinition,
  type ProtocolId,
} from '@protocodes/core';
import type { Fallback } from './model.js';
import { keyDifference, operatorChoice, resolveRequest } from './render.js';
import { codeView, type LocaleTools } from './views.js';

export interface CodeFacts {
  class: number;
  className: string;
  /** SMTP and FTP: the second digit and its name. */
  category?: number;
  categoryName?: string;
  retry: CodeEntry['retry'];
  /** Known cases in which the reaction differs from `retry`, with the condition localized. */
  retryWhen: { retry: CodeEntry['retry']; phase: string; condition: string; reference: string }[];
  /** The protocol's declared facts, each with the code's value and how a reader is told it. */
  declared: { field: string; label: string; value: unknown; text: string }[];
  scope?: CodeEntry['scope'];
  connection?: CodeEntry['connection'];
  channel?: CodeEntry['channel'];
  generatedBy?: CodeEntry['generatedBy'];
  cacheable?: boolean;
  redirect?: CodeEntry['redirect'];
  headers?: readonly string[];
  retrySafe?: boolean;
  phases?: { id: string; name: string }[];
  actors?: CodeEntry['actors'];
  related: { code: number; title: string }[];
  enhancedCodes?: readonly string[];
  references: readonly string[];
  origin: string;
  /** Where vendors give the code different meanings, with the meaning localized. */
  vendorMeanings?: { origin: string; name: string; meaning: string }[];
  documentation?: string;
  status: CodeEntry['status'];
}

export interface CodeSummary {
  code: number;
  title: string;
  summary: string;
  class: number;
  retry: CodeEntry['retry'];
  phases?: readonly string[];
  origin: string;
}

export interface CodeDetails {
  code: number;
  replyText: string;
  alternateReplyTexts: { text: string; reference: string }[];
  texts: CodeTexts;
  facts: CodeFacts;
}

interface Localized {
  protocol: string;
  locale: string;
  requestedLocale: string;
  fallbacks: Fallback[];
}

export interface CodeDescription extends Localized, CodeDetails {}

export interface ComparisonDescription extends Localized {
  /** Canonical order: the smaller code first. */
  codes: [number, number];
  title: string;
  /** The key difference in two sentences, as the rendered comparison states it. */
  keyDifference: string;
  facts: {
    sameClass: boolean;
    sameCategory: boolean;
    retry: { a: string; b: string; same: boolean };
    phases: { a: readonly string[]; b: readonly string[]; shared: readonly string[]; onlyA: readonly string[]; onlyB: readonly string[]; same: boolean };
    actors: { a: readonly string[]; b: readonly string[]; shared: readonly string[] };
    /** Every fact the protocol declares: each code's values and whether they differ. */
    declared: { field: string; a: readonly string[]; b: readonly string[]; same: boolean }[];
    /** The facts that differ, most telling first. */
    differences: readonly string[];
    related: boolean;
  };
  a: CodeDetails;
  b: CodeDetails;
  note: { text: string; whenToSendWhich: string; references: readonly string[] } | null;
  /** "When to use which": the operator's choice, then one line per code for whoever receives it. */
  whenToUseWhich: { operator: string; onReceive: { codes: number[]; text: string }[] };
}

export interface CodeList extends Localized {
  codes: CodeSummary[];
}

function textsOf(protocol: ProtocolId, entry: CodeEntry, tools: LocaleTools, fallbacks: Fallback[]): CodeTexts {
  const own = tools.translations(protocol)?.codeTexts[entry.code];
  if (!own && tools.locale !== 'en') addFallback(fallbacks, `codes/${entry.code}`, tools.locale);
  const texts = own ?? entry;
  return {
    title: texts.title,
    summary: texts.summary,
    description: texts.description,
    whenYouSeeIt: texts.whenYouSeeIt,
    howToFix: { sender: texts.howToFix.sender, operator: texts.howToFix.operator },
    whenToSend: texts.whenToSend,
    onReceive: texts.onReceive,
  } as CodeTexts;
}

function addFallback(fallbacks: Fallback[], part: string, locale: string) {
  if (!fallbacks.some((f) => f.part === part)) fallbacks.push({ part, locale });
}

function details(protocol: ProtocolId, entry: CodeEntry, tools: LocaleTools, fallbacks: Fallback[]): CodeDetails {
  const definition = getProtocol(protocol) as ProtocolDefinition;
  const translations = tools.translations(protocol);
  const protocolTexts = translations?.protocolTexts;
  if (!protocolTexts && tools.locale !== 'en') addFallback(fallbacks, `protocol/${protocol}`, tools.locale);
  const digitName = (list: readonly { digit: number; name: string }[] | undefined, own: Record<number, { name: string }> | undefined, digit: number) =>
    own?.[digit]?.name ?? list?.find((d) => d.digit === digit)?.name ?? '';
  const view = codeView(protocol, entry, tools);
  const optional = <K extends keyof CodeEntry>(key: K) => (entry[key] === undefined ? {} : { [key]: entry[key] });
  return {
    code: entry.code,
    replyText: entry.replyText,
    alternateReplyTexts: (entry.alternateReplyTexts ?? []).map((a) => ({ text: a.text, reference: a.reference })),
    texts: textsOf(protocol, entry, tools, fallbacks),
    facts: {
      class: entry.class,
      className: digitName(definition.classes, protocolTexts?.classes, entry.class),
      ...(entry.category === undefined ? {} : { category: entry.category, categoryName: digitName(definition.categories, protocolTexts?.categories, entry.category) }),
      retry: entry.retry,
      retryWhen: (entry.retryWhen ?? []).map((exception, i) => ({
        retry: exception.retry,
        phase: exception.phase,
        condition: translations?.codeTexts[entry.code]?.retryWhen?.[i]?.condition ?? exception.condition,
        reference: exception.reference,
      })),
      declared: definition.facts.map((fact, i) => ({
        field: fact.field,
        label: view.facts[i]!.label,
        value: (entry as unknown as Record<string, unknown>)[fact.field] ?? fact.default ?? null,
        text: view.facts[i]!.value,
      })),
      ...optional('scope'),
      ...optional('connection'),
      ...optional('channel'),
      ...optional('generatedBy'),
      ...optional('cacheable'),
      ...optional('redirect'),
      ...optional('headers'),
      ...optional('retrySafe'),
      ...(entry.phases === undefined
        ? {}
        : { phases: entry.phases.map((id) => ({ id, name: protocolTexts?.phases?.[id]?.name ?? definition.phases?.find((p) => p.id === id)?.name ?? id })) }),
      ...optional('actors'),
      related: entry.related.map((code) => ({ code, title: translations?.codeTexts[code]?.title ?? findCode(protocol, code)?.title ?? '' })),
      ...optional('enhancedCodes'),
      references: entry.references,
      origin: entry.origin,
      ...(entry.vendorMeanings === undefined
        ? {}
        : {
            vendorMeanings: entry.vendorMeanings.map((vendor, i) => ({
              origin: vendor.origin,
              name: vendor.name,
              meaning: translations?.codeTexts[entry.code]?.vendorMeanings?.[i]?.meaning ?? vendor.meaning,
            })),
          }),
      ...optional('documentation'),
      status: entry.status,
    } as CodeFacts,
  };
}

export interface DescribeCodeRequest {
  protocol: string;
  code: number | string;
  locale?: string;
}

/** One code with its facts and its texts in the negotiated locale. */
export function describeCode(request: DescribeCodeRequest): CodeDescription {
  const s = resolveRequest(request.protocol, { locale: request.locale ?? 'en', format: 'text' });
  const entry = s.entry(request.code);
  const fallbacks = [...s.fallbacks];
  return { protocol: s.protocol, locale: s.locale, requestedLocale: s.requestedLocale, fallbacks, ...details(s.protocol, entry, s.tools, fallbacks) };
}

export interface DescribeComparisonRequest {
  protocol: string;
  codes: readonly [number | string, number | string];
  locale?: string;
}

/** Two codes: the comparison facts, each code's texts, and the curated note, localized. */
export function describeComparison(request: DescribeComparisonRequest): ComparisonDescription {
  const s = resolveRequest(request.protocol, { locale: request.locale ?? 'en', format: 'text' });
  const facts = compareCodes(s.protocol, request.codes[0], request.codes[1]);
  const fallbacks = [...s.fallbacks];
  const a = details(s.protocol, facts.a, s.tools, fallbacks);
  const b = details(s.protocol, facts.b, s.tools, fallbacks);
  const pairText = s.tools.translations(s.protocol)?.pairTexts[facts.id];
  const viewA = codeView(s.protocol, facts.a, s.tools);
  const viewB = codeView(s.protocol, facts.b, s.tools);
  if (facts.note && !pairText && s.locale !== 'en') addFallback(fallbacks, `pairs/${facts.id}`, s.locale);
  return {
    protocol: s.protocol,
    locale: s.locale,
    requestedLocale: s.requestedLocale,
    fallbacks,
    codes: [facts.a.code, facts.b.code],
    title: s.tools.say('title.comparison', { protocol: getProtocol(s.protocol).name, a: { code: a.code, title: a.texts.title }, b: { code: b.code, title: b.texts.title } }),
    keyDifference: keyDifference(s.tools, facts, viewA, viewB),
    facts: {
      sameClass: facts.sameClass,
      sameCategory: facts.sameCategory,
      retry: facts.retry,
      phases: facts.phases,
      actors: facts.actors,
      declared: facts.facts.map((f) => ({ field: f.fact.field, a: f.a, b: f.b, same: f.same })),
      differences: facts.differences,
      related: facts.related,
    },
    a,
    b,
    note: facts.note ? { text: pairText?.note ?? facts.note.note, whenToSendWhich: pairText?.whenToSendWhich ?? facts.note.whenToSendWhich, references: facts.note.references } : null,
    whenToUseWhich: {
      operator: operatorChoice(s.tools, facts, viewA, viewB, facts.note ? (pairText?.whenToSendWhich ?? facts.note.whenToSendWhich) : undefined),
      onReceive:
        a.texts.onReceive === b.texts.onReceive
          ? [{ codes: [a.code, b.code], text: a.texts.onReceive }]
          : [{ codes: [a.code], text: a.texts.onReceive }, { codes: [b.code], text: b.texts.onReceive }],
    },
  };
}

export interface ListRequest {
  protocol: string;
  locale?: string;
  filter?: CodeFilter;
}

/** The protocol's codes with localized titles and summaries, optionally filtered. */
export function listCodeSummaries(request: ListRequest): CodeList {
  const s = resolveRequest(request.protocol, { locale: request.locale ?? 'en', format: 'text' });
  const fallbacks = [...s.fallbacks];
  const codes = listCodes(s.protocol, request.filter).map((entry) => {
    const texts = textsOf(s.protocol, entry, s.tools, fallbacks);
    return { code: entry.code, title: texts.title, summary: texts.summary, class: entry.class, retry: entry.retry, ...(entry.phases ? { phases: entry.phases } : {}), origin: entry.origin };
  });
  return { protocol: s.protocol, locale: s.locale, requestedLocale: s.requestedLocale, fallbacks, codes };
}

export interface ProtocolNames {
  /** The protocol's full name, e.g. "Simple Mail Transfer Protocol", and one sentence on what it is for. */
  title: string;
  summary: string;
  classes: Record<number, string>;
  categories: Record<number, string>;
  phases: Record<string, string>;
}

const protocolNames = new Map<string, ProtocolNames>();

/** The localized title and summary of a protocol and the names of its classes, categories and session phases (English where missing). */
export function protocolNamesIn(protocol: string, locale: string): ProtocolNames {
  const s = resolveRequest(protocol, { locale, format: 'text' });
  const key = `${s.protocol}:${s.locale}`;
  let names = protocolNames.get(key);
  if (!names) {
    const definition = getProtocol(s.protocol) as ProtocolDefinition;
    const own = s.tools.translations(s.protocol)?.protocolTexts;
    names = {
      title: own?.title ?? definition.title,
      summary: own?.summary ?? definition.summary,
      classes: Object.fromEntries(definition.classes.map((c) => [c.digit, own?.classes[c.digit]?.name ?? c.name])),
      categories: Object.fromEntries((definition.categories ?? []).map((c) => [c.digit, own?.categories?.[c.digit]?.name ?? c.name])),
      phases: Object.fromEntries((definition.phases ?? []).map((p) => [p.id, own?.phases?.[p.id]?.name ?? p.name])),
    };
    protocolNames.set(key, names);
  }
  return names;
}

/** The values of one declared fact with their localized labels, in the protocol's order (for pictures). */
export function describeFactValues(protocol: string, locale: string, field: string): { id: string; label: string }[] {
  const s = resolveRequest(protocol, { locale, format: 'text' });
  const fact = (getProtocol(s.protocol) as ProtocolDefinition).facts.find((f) => f.field === field);
  const own = s.tools.translations(s.protocol)?.protocolTexts?.facts[field];
  return (fact?.values ?? []).map((value) => ({ id: value.id, label: own?.values?.[value.id]?.label ?? value.label }));
}
