// Turns core's facts and a locale's translations into the flat values layouts print. Every
// word a reader sees comes from the catalogue or from messages.yaml; nothing is worded here.
import { findCode, getProtocol, leadActorOf, type CodeEntry, type ProtocolId, type ProtocolTranslations } from '@protocodes/core';
import type { Format } from './model.js';
import { bundle, templates } from './runtime.js';

export interface CodeView {
  code: number;
  title: string;
  replyText: string;
  /** The reply as servers send it, code first: `554 Transaction failed`, then any alternates. */
  wireTexts: string[];
  summary: string;
  description: string;
  whenYouSeeIt: string;
  fixSender: string;
  fixOperator: string;
  whenToSend: string;
  /** `SMTP 554 Transaction failed`, in the locale's word order. */
  heading: string;
  /** `554 Transaction failed / 554 No SMTP service here`: every wire text on one line. */
  wireList: string;
  classValue: string;
  /** The retry policy, and any exception to it (552 for too many recipients). */
  retryLabel: string;
  /** What the reply means for the client, from class and retry: `success`, `permanent`, … */
  outcomeId: string;
  outcome: string;
  /** The outcome said of both codes at once, for a pair that shares it. */
  outcomeBoth: string;
  /** A sentence on the exception to `retry`, or '' when there is none. */
  retryException: string;
  scopeLabel: string;
  scopeClause: string;
  connectionLabel: string;
  connectionClause: string;
  actorClause: string;
  /** For an operator choosing this code: the case it fits, by outcome, scope or connection. */
  choice: { outcome: string; scope: string; connection: string };
  onReceive: string;
  phases: string;
  /** Each phase as a sentence says where a reply comes, keyed by phase id. */
  phaseWhen: Record<string, string>;
  actors: string;
  enhanced: string;
  related: { code: number; title: string }[];
  references: string[];
  /** Parts of this view that are in English because the locale lacks them. */
  fallbacks: string[];
}

export interface LocaleTools {
  locale: string;
  format: Format;
  /** Renders one message without escaping; values are escaped once, by the layout. */
  say(id: string, values?: object): string;
  list(items: readonly string[]): string;
  /** Escapes a value for the output format where the layout cannot (Markdown). */
  escape(value: string): string;
  translations(protocol: string): ProtocolTranslations | undefined;
}

// Characters that could start emphasis, code, links, HTML or table cells in Markdown.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|]/g;

export function escapeMarkdown(value: string): string {
  return value.replace(MARKDOWN_SPECIAL, '\\$&');
}

/** Joins like Intl.ListFormat's conjunction list, from separators the build took from it. */
export function joinList(items: readonly string[], separators: { pair: string; start: string; middle: string; end: string }): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]}${separators.pair}${items[1]}`;
  let text = `${items[0]}${separators.start}${items[1]}`;
  for (let i = 2; i < items.length - 1; i++) text += `${separators.middle}${items[i]}`;
  return `${text}${separators.end}${items[items.length - 1]}`;
}

const toolsCache = new Map<string, LocaleTools>();

export function localeTools(locale: string, format: Format): LocaleTools {
  const key = `${locale}:${format}`;
  let tools = toolsCache.get(key);
  if (!tools) {
    const { messages } = templates(locale, 'plain');
    const separators = bundle(locale).list;
    tools = {
      locale,
      format,
      say: (id, values = {}) => messages[id]!(values),
      list: (items) => joinList(items, separators),
      escape: format === 'markdown' ? escapeMarkdown : (value) => value,
      translations: (protocol) => bundle(locale).protocols[protocol],
    };
    toolsCache.set(key, tools);
  }
  return tools;
}

const viewCache = new Map<string, CodeView>();

/** The view of one code in one locale and format; built once, then reused by every render. */
export function codeView(protocol: ProtocolId, entry: CodeEntry, tools: LocaleTools): CodeView {
  const key = `${protocol}:${entry.code}:${tools.locale}:${tools.format}`;
  let view = viewCache.get(key);
  if (!view) {
    view = buildCodeView(protocol, entry, tools);
    viewCache.set(key, view);
  }
  return view;
}

const OUTCOMES: Readonly<Record<string, string>> = {
  '2:not-needed': 'success',
  '3:continue': 'continue',
  '4:later': 'temporary',
  '4:after-change': 'temporary-needs-change',
  '5:after-change': 'permanent',
  '5:never': 'final',
};

/** The message id of what a reply means for the client, from its class and retry together. */
export function outcomeIdOf(entry: CodeEntry): string {
  return OUTCOMES[`${entry.class}:${entry.retry}`] ?? (entry.class <= 3 ? 'success' : entry.class === 4 ? 'temporary' : 'permanent');
}

function buildCodeView(protocol: ProtocolId, entry: CodeEntry, tools: LocaleTools): CodeView {
  const { say, list, escape: e } = tools;
  const definition = getProtocol(protocol);
  const translations = tools.translations(protocol);
  const own = translations?.codeTexts[entry.code];
  const texts = own ?? entry;
  const protocolTexts = translations?.protocolTexts;
  const fallbacks: string[] = [];
  if (tools.locale !== 'en' && !own) fallbacks.push(`codes/${entry.code}`);
  if (tools.locale !== 'en' && !protocolTexts) fallbacks.push(`protocol/${protocol}`);

  const phaseName = (id: string) => protocolTexts?.phases[id]?.name ?? definition.phases.find((p) => p.id === id)?.name ?? id;
  const mainPhases = definition.phases.filter((p) => p.flow === 'main').map((p) => p.id);
  const everywhere = mainPhases.every((id) => entry.phases.includes(id));
  const phases = everywhere ? say('label.anyPhase') : list(entry.phases.map(phaseName));

  const phaseWhen = Object.fromEntries(
    entry.phases.map((id) => [id, e(protocolTexts?.phases[id]?.when ?? definition.phases.find((p) => p.id === id)?.when ?? id)]),
  );
  const exception = entry.retryWhen?.[0];
  const condition = exception ? (own?.retryWhen?.[0]?.condition ?? exception.condition) : '';
  const retryLabel = exception
    ? say('sentence.retryException', { retry: say(`retry.${entry.retry}`), exception: say(`retryAs.${exception.retry}`), condition })
    : say(`retry.${entry.retry}`);
  const outcomeId = outcomeIdOf(entry);
  const refusal = entry.class >= 4;

  const classDefinition = definition.classes.find((c) => c.digit === entry.class);
  const className = protocolTexts?.classes[entry.class]?.name ?? classDefinition?.name ?? '';
  const acting = entry.actors.filter((a) => a !== 'nobody');
  const actors = acting.length === 0 ? say('actor.nobody') : list(acting.map((a) => say(`actor.${a}`)));
  const title = texts.title;

  const related = entry.related.map((code) => {
    const other = findCode(protocol, code);
    const otherTitle = translations?.codeTexts[code]?.title ?? other?.title ?? '';
    return { code, title: e(otherTitle) };
  });

  return {
    code: entry.code,
    title: e(title),
    replyText: e(entry.replyText),
    wireTexts: [entry.replyText, ...(entry.alternateReplyTexts ?? []).map((a) => a.text)].map((t) => e(`${entry.code} ${t}`)),
    summary: e(texts.summary),
    description: e(texts.description),
    whenYouSeeIt: e(texts.whenYouSeeIt),
    fixSender: e(texts.howToFix.sender),
    fixOperator: e(texts.howToFix.operator),
    whenToSend: e(texts.whenToSend),
    heading: e(say('title.explanation', { protocol: definition.name, a: { code: entry.code, title } })),
    wireList: e([entry.replyText, ...(entry.alternateReplyTexts ?? []).map((a) => a.text)].map((t) => `${entry.code} ${t}`).join(' / ')),
    classValue: e(say('sentence.classValue', { digit: entry.class, name: className })),
    retryLabel: e(retryLabel),
    outcomeId,
    outcome: e(say(`outcome.${outcomeId}`)),
    outcomeBoth: e(say(`outcomeBoth.${outcomeId}`)),
    retryException: exception ? e(say('difference.exception', { code: entry.code, retry: say(`retryAs.${exception.retry}`), condition })) : '',
    scopeLabel: e(say(`scope.${entry.scope}`)),
    scopeClause: e(say(`${refusal ? 'scopeRefused' : 'scopeApplied'}.${entry.scope}`)),
    connectionLabel: e(say(`connection.${entry.connection}`)),
    connectionClause: e(say(`connectionClause.${entry.connection}`)),
    actorClause: e(say(`actorClause.${leadActorOf(entry)}`)),
    choice: {
      outcome: e(say(`choice.${outcomeId}`)),
      scope: e(say(`choice.${refusal ? 'refused' : 'applied'}-${entry.scope}`)),
      connection: e(say(`choice.${entry.connection}`)),
    },
    onReceive: e(texts.onReceive),
    phases: e(phases),
    phaseWhen,
    actors: e(actors),
    enhanced: e(entry.enhancedCodes.length > 0 ? list(entry.enhancedCodes) : say('label.none')),
    related,
    references: entry.references.map(e),
    fallbacks,
  };
}
