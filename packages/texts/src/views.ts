// Turns core's facts and a locale's translations into the flat values layouts print. Every
// word a reader sees comes from the catalogue or from messages.yaml; nothing is worded here.
import { codeTitle, factValues, getProtocol, outcomeOf, type CodeEntry, type ProtocolDefinition, type ProtocolId, type ProtocolTranslations } from '@protocodes/core/runtime';
import type { Format } from './model.js';
import { bundle, templates } from './runtime.js';

/** One declared fact of a code, as a reader is told it. */
export interface FactView {
  field: string;
  /** The row label in "at a glance". */
  label: string;
  /** The value, as "at a glance" shows it. */
  value: string;
  /** Follows the code in the key difference ("550 refuses one recipient …"), when the fact has one. */
  clause: string | undefined;
  /** Completes "Send 550 when …", when the fact has one. */
  choice: string | undefined;
  /** For `set` facts: the phrase of each item, keyed by item, for those that have one. */
  items: Record<string, string>;
}

export interface CodeView {
  code: number;
  title: string;
  replyText: string;
  /** The reply as servers send it, code first: `554 Transaction failed`, then any alternates. */
  wireTexts: string[];
  /** What widely used servers send with the code in practice, and which software. */
  seenAs: { text: string; server: string }[];
  /** `554 Transaction failed / 554 No SMTP service here`: every wire text on one line. */
  wireList: string;
  summary: string;
  description: string;
  whenYouSeeIt: string;
  fixSender: string;
  fixOperator: string;
  whenToSend: string;
  onReceive: string;
  /** `SMTP 554 Transaction failed`, in the locale's word order. */
  heading: string;
  classValue: string;
  /** The retry policy, and any exception to it (552 for too many recipients). */
  retryLabel: string;
  /** What the reply means for the client, from its class and retry: `5:after-change`. */
  outcomeId: string;
  outcome: string;
  /** The outcome said of both codes at once, for a pair that shares it. */
  outcomeBoth: string;
  /** Completes "Send 554 when …" by the outcome. */
  outcomeChoice: string;
  /** A sentence on the exception to `retry`, or '' when there is none. */
  retryException: string;
  /** The protocol's declared facts, in its order of salience. */
  facts: FactView[];
  /** Each phase as a sentence says where a reply comes, keyed by phase id. */
  phaseWhen: Record<string, string>;
  /** Every row of "at a glance" for this code: class, retry, the declared facts, enhanced codes. */
  glance: { label: string; value: string }[];
  related: { code: number; title: string; href: string }[];
  references: string[];
  /** The references with a link each: an RFC to its section at the RFC Editor, a URL to itself. */
  referenceLinks: ReferenceLink[];
  /** Parts of this view that are in English because the locale lacks them. */
  fallbacks: string[];
}

export interface LocaleTools {
  locale: string;
  format: Format;
  /** Renders one message without escaping; values are escaped once, by the layout. */
  say(id: string, values?: object): string;
  list(items: readonly string[]): string;
  /** Sentences one after another, with a space between them or none (ja, zh). */
  sentences(items: readonly string[]): string;
  /** Escapes a value for the output format where the layout cannot (Markdown). */
  escape(value: string): string;
  translations(protocol: string): ProtocolTranslations | undefined;
}

// Characters that could start emphasis, code, links, HTML or table cells in Markdown.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|]/g;

export function escapeMarkdown(value: string): string {
  return value.replace(MARKDOWN_SPECIAL, '\\$&');
}

const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;
const LETTER = /\p{L}/u;

/**
 * A separator that is a word ("و", "和") is written against its item in the locale's own script,
 * but a command name or a code glued to it ("وEHLO", "和554") reads as one token: a space parts them.
 */
function between(left: string, separator: string, right: string): string {
  const meets = (word: string | undefined, item: string | undefined) =>
    word !== undefined && item !== undefined && LETTER.test(word) && !LATIN_OR_DIGIT.test(word) && LATIN_OR_DIGIT.test(item);
  const before = meets(separator[0], left.at(-1)) ? ' ' : '';
  const after = meets(separator.at(-1), right[0]) ? ' ' : '';
  return `${left}${before}${separator}${after}${right}`;
}

/**
 * Joins like Intl.ListFormat's conjunction list, from separators the build took from it, except
 * that a word separator and an item in another script are kept apart by a space.
 */
export function joinList(items: readonly string[], separators: { pair: string; start: string; middle: string; end: string }): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return between(items[0]!, separators.pair, items[1]!);
  let text = between(items[0]!, separators.start, items[1]!);
  for (let i = 2; i < items.length - 1; i++) text = between(text, separators.middle, items[i]!);
  return between(text, separators.end, items[items.length - 1]!);
}

const toolsCache = new Map<string, LocaleTools>();

export function localeTools(locale: string, format: Format): LocaleTools {
  const key = `${locale}:${format}`;
  let tools = toolsCache.get(key);
  if (!tools) {
    const { messages } = templates(locale, 'plain');
    const { list: separators, sentenceSeparator } = bundle(locale);
    tools = {
      locale,
      format,
      say: (id, values = {}) => messages[id]!(values),
      list: (items) => joinList(items, separators),
      sentences: (items) => items.join(sentenceSeparator),
      escape: format === 'markdown' ? escapeMarkdown : (value) => value,
      translations: (protocol) => bundle(locale).protocols[protocol],
    };
    toolsCache.set(key, tools);
  }
  return tools;
}

/** Items joined as the locale writes a list: "A, B und C", 「A、B、C」, "A و B و C". */
export function listIn(locale: string, items: readonly string[]): string {
  return localeTools(locale, 'text').list(items);
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

function buildCodeView(protocol: ProtocolId, entry: CodeEntry, tools: LocaleTools): CodeView {
  const { say, list, escape: e } = tools;
  const definition = getProtocol(protocol) as ProtocolDefinition;
  const translations = tools.translations(protocol);
  const own = translations?.codeTexts[entry.code];
  const texts = own ?? entry;
  const protocolTexts = translations?.protocolTexts;
  const fallbacks: string[] = [];
  if (tools.locale !== 'en' && !own) fallbacks.push(`codes/${entry.code}`);
  if (tools.locale !== 'en' && !protocolTexts) fallbacks.push(`protocol/${protocol}`);

  const phaseName = (id: string) => protocolTexts?.phases?.[id]?.name ?? definition.phases?.find((p) => p.id === id)?.name ?? id;
  const phaseWhen = Object.fromEntries(
    (entry.phases ?? []).map((id) => [id, e(protocolTexts?.phases?.[id]?.when ?? definition.phases?.find((p) => p.id === id)?.when ?? id)]),
  );
  const exception = entry.retryWhen?.[0];
  const condition = exception ? (own?.retryWhen?.[0]?.condition ?? exception.condition) : '';
  const retryLabel = exception
    ? say('sentence.retryException', { retry: say(`retry.${entry.retry}`), exception: say(`retryAs.${exception.retry}`), condition })
    : say(`retry.${entry.retry}`);
  const outcomeId = outcomeOf(entry);
  const outcomeDefinition = definition.outcomes.find((o) => `${o.class}:${o.retry}` === outcomeId);
  const outcomeTexts = protocolTexts?.outcomes[outcomeId] ?? outcomeDefinition;
  // Classes 1 to 3 are not refusals: a fact may word them differently ("concerns" for "refuses").
  const applied = entry.class <= 3;

  const facts: FactView[] = definition.facts.map((fact) => {
    const own = protocolTexts?.facts[fact.field];
    const phrase = (id: string) => {
      // One language per value: the translation when there is one (check reports any gap in it).
      const words = own?.values?.[id] ?? fact.values?.find((v) => v.id === id);
      return {
        label: words?.label ?? id,
        clause: (applied ? words?.appliedClause : undefined) ?? words?.clause,
        choice: (applied ? words?.appliedChoice : undefined) ?? words?.choice,
      };
    };
    const items = factValues(entry, fact);
    let value: string;
    if (fact.kind === 'phases') {
      const main = (definition.phases ?? []).filter((p) => p.flow === 'main').map((p) => p.id);
      value = main.length > 0 && main.every((id) => items.includes(id)) ? say('label.anyPhase') : list(items.map(phaseName));
    } else {
      value = items.length === 0 ? say('label.none') : list(items.map((item) => phrase(item).label));
    }
    const first = items[0] === undefined ? undefined : phrase(items[0]);
    const lead = fact.kind === 'value' || fact.kind === 'lead';
    const itemPhrases: Record<string, string> = {};
    if (fact.kind === 'set') for (const item of items) if (phrase(item).clause) itemPhrases[item] = e(phrase(item).clause!);
    return {
      field: fact.field,
      label: e(own?.label ?? fact.label),
      value: e(value),
      clause: lead && first?.clause ? e(first.clause) : undefined,
      choice: lead && first?.choice ? e(first.choice) : undefined,
      items: itemPhrases,
    };
  });

  const classDefinition = definition.classes.find((c) => c.digit === entry.class);
  const className = protocolTexts?.classes[entry.class]?.name ?? classDefinition?.name ?? '';
  const title = texts.title;
  const classValue = say('sentence.classValue', { digit: entry.class, name: className });
  const enhanced = entry.enhancedCodes === undefined ? undefined : entry.enhancedCodes.length > 0 ? list(entry.enhancedCodes) : say('label.none');
  // Every value is escaped once: facts above, the rest here.
  const glance = [
    { label: e(say('label.class')), value: e(classValue) },
    { label: e(say('label.retry')), value: e(retryLabel) },
    ...facts.map((f) => ({ label: f.label, value: f.value })),
    ...(enhanced === undefined ? [] : [{ label: e(say('label.enhancedCodes')), value: e(enhanced) }]),
  ];

  const related = entry.related.map((code) => {
    const otherTitle = translations?.codeTexts[code]?.title ?? codeTitle(protocol, code) ?? '';
    return { code, title: e(otherTitle), href: e(`/${tools.locale}/${protocol}/${code}/`) };
  });
  // A vendor code no RFC defines is referenced by the vendor's own documentation.
  const references = [...entry.references, ...(entry.documentation ? [entry.documentation] : [])].map(e);

  return {
    code: entry.code,
    title: e(title),
    replyText: e(entry.replyText),
    seenAs: (entry.seenAs ?? []).map((seen) => ({ text: e(seen.text), server: e(seen.server) })),
    wireTexts: [entry.replyText, ...(entry.alternateReplyTexts ?? []).map((a) => a.text)].map((t) => e(`${entry.code} ${t}`)),
    wireList: e([entry.replyText, ...(entry.alternateReplyTexts ?? []).map((a) => a.text)].map((t) => `${entry.code} ${t}`).join(' / ')),
    summary: e(texts.summary),
    description: e(texts.description),
    whenYouSeeIt: e(texts.whenYouSeeIt),
    fixSender: e(texts.howToFix.sender),
    fixOperator: e(texts.howToFix.operator),
    whenToSend: e(texts.whenToSend),
    onReceive: e(texts.onReceive),
    heading: e(say('title.explanation', { protocol: definition.name, a: { code: entry.code, title } })),
    classValue: e(classValue),
    retryLabel: e(retryLabel),
    outcomeId,
    outcome: e(outcomeTexts?.outcome ?? ''),
    outcomeBoth: e(outcomeTexts?.both ?? ''),
    outcomeChoice: e(outcomeTexts?.choice ?? ''),
    retryException: exception ? e(say('difference.exception', { code: entry.code, retry: say(`retryAs.${exception.retry}`), condition })) : '',
    facts,
    phaseWhen,
    glance,
    related,
    references,
    referenceLinks: referenceLinks(references),
    fallbacks,
  };
}

export interface ReferenceLink {
  text: string;
  /** Empty when the reference has no page to link to. */
  href: string;
}

/**
 * Links for references that are already escaped: `RFC 5321 §4.2.3` goes to that section at the
 * RFC Editor, a URL to itself (its escaped form is what an attribute needs).
 */
export function referenceLinks(references: readonly string[]): ReferenceLink[] {
  return references.map((text) => {
    const rfc = /^RFC (\d{1,5})(?: §(\d+(?:\.\d+)*))?/.exec(text);
    if (rfc) return { text, href: `https://www.rfc-editor.org/rfc/rfc${rfc[1]}${rfc[2] ? `#section-${rfc[2]}` : ''}` };
    return { text, href: /^https:\/\/[^\s"<>]+$/.test(text) ? text : '' };
  });
}
