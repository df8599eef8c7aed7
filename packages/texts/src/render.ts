// renderExplanation and renderComparison: the one place every app gets its texts from.
import { isolateLeftToRight } from './bidi.js';
import {
  compareCodes,
  getProtocol,
  isProtocolId,
  ProtocodesError,
  protocolList,
  requireCode,
  UnknownProtocolError,
  type CodeComparison,
  type CodeEntry,
  type FactContrast,
  type ProtocolId,
  type ReplyCode,
} from '@protocodes/core/runtime';
import { negotiateLocale } from './locale.js';
import { looksEnhanced, MixedComparisonError, renderEnhancedComparison, renderEnhancedExplanation } from './enhanced.js';
import type { Fallback, Format, RenderedText } from './model.js';
import { FORMATS } from './model.js';
import { availableLocales, bundle, templates, type LocaleTemplates } from './runtime.js';
import { codeView, localeTools, referenceLinks, type CodeView, type LocaleTools } from './views.js';

export class InvalidFormatError extends ProtocodesError {
  override name = 'InvalidFormatError';
  constructor(readonly format: string) {
    super(`unknown format "${format}"; formats: ${FORMATS.join(', ')}`);
  }
}

export interface RenderOptions {
  /** A BCP 47 tag; negotiated against the available locales (`vi-VN` → `vi` → `en`). Default `en`. */
  locale?: string;
  /** Default `text`. */
  format?: Format;
}

/** An SMTP enhanced status code: in a class as a reply writes it (`5.7.1`, `4.7.650`), or `X.7.1` for every class. */
export type EnhancedStatusCode = `${2 | 4 | 5 | 'X'}.${number}.${number}`;

/** The codes a protocol's texts can be asked for: its reply codes, and for SMTP enhanced codes too. */
export type TextCode<P extends ProtocolId> = ReplyCode<P> | (P extends 'smtp' ? EnhancedStatusCode : never);

/** One code of a known protocol; a code the catalogue does not have is a compile error. */
export interface ExplanationRequest<P extends ProtocolId = ProtocolId> extends RenderOptions {
  protocol: P;
  code: TextCode<P>;
}

/** Two codes of a known protocol, in any order; the text uses the canonical order (smaller code first). */
export interface ComparisonRequest<P extends ProtocolId = ProtocolId> extends RenderOptions {
  protocol: P;
  codes: readonly [TextCode<P>, TextCode<P>];
}

/** A request from untrusted input (a URL, argv, a form): checked at run time, with errors that say what exists. */
export interface ExplanationInput extends RenderOptions {
  protocol: string;
  code: number | string;
}

/** Two codes from untrusted input, checked at run time. */
export interface ComparisonInput extends RenderOptions {
  protocol: string;
  /** In any order; the text uses the canonical order (smaller code first). */
  codes: readonly [number | string, number | string];
}

export interface Setup {
  protocol: ProtocolId;
  format: Format;
  locale: string;
  requestedLocale: string;
  tools: LocaleTools;
  fallbacks: Fallback[];
  templates: LocaleTemplates;
  /** The entry for a code of this protocol, or UnknownCodeError with suggestions. */
  entry(code: number | string): CodeEntry;
}

/** Validates protocol, format and locale, and gathers what rendering or describing needs. */
export function resolveRequest(protocol: string, options: RenderOptions): Setup {
  if (!isProtocolId(protocol)) throw new UnknownProtocolError(protocol, protocolList);
  const format = options.format ?? 'text';
  if (!FORMATS.includes(format)) throw new InvalidFormatError(String(format));
  const negotiated = negotiateLocale(options.locale ?? 'en', availableLocales);
  const localeTemplates = templates(negotiated.locale, format === 'html' ? 'escaped' : 'plain');
  const fallbacks: Fallback[] = negotiated.fellBack ? [{ part: 'locale', locale: negotiated.requested }] : [];
  for (const id of localeTemplates.fallbacks) fallbacks.push({ part: `messages/${id}`, locale: negotiated.locale });
  return {
    protocol,
    format,
    locale: negotiated.locale,
    requestedLocale: negotiated.requested,
    tools: localeTools(negotiated.locale, format),
    fallbacks,
    templates: localeTemplates,
    entry: (code) => requireCode(protocol, code),
  };
}

export function addFallbacks(target: Fallback[], parts: readonly string[], locale: string) {
  for (const part of parts) if (!target.some((f) => f.part === part)) target.push({ part, locale });
}

/** How a reader knows a part: `codes/251` is "SMTP 251", `pairs/250-251` is "SMTP 250/251". */
function partName(s: Setup, part: string): string {
  const [kind, id = ''] = part.split('/');
  const name = getProtocol(s.protocol).name;
  if (kind === 'codes') return `${name} ${id}`;
  if (kind === 'pairs') return `${name} ${id.replace('-', '/')}`;
  if (kind === 'enhanced' || kind === 'providers') return `${name} ${id}`;
  if (kind === 'protocol') return name;
  return id;
}

export function fallbackNotice(s: Setup): string | undefined {
  const parts = s.fallbacks.filter((f) => f.part !== 'locale').map((f) => partName(s, f.part));
  if (parts.length === 0) return undefined;
  return s.tools.escape(s.tools.say('sentence.fallback', { language: bundle(s.locale).name, parts: s.tools.list(parts) }));
}

/** Optional sections leave runs of blank lines behind in text and Markdown; one blank line is enough. HTML is left as it is: a quoted reply may hold blank lines of its own. */
export function tidy(output: string, format: Format): string {
  return format === 'html' ? output : output.replace(/\n{3,}/g, '\n\n');
}

export function finish(s: Setup, output: string, title: string): RenderedText {
  const { dir } = bundle(s.locale);
  const isolated = s.format === 'html' && dir === 'rtl' ? isolateLeftToRight(output) : output;
  return { output: isolated, format: s.format, locale: s.locale, requestedLocale: s.requestedLocale, dir, fallbacks: s.fallbacks, title };
}

/** One code explained: meaning, when it appears, how to fix it, facts, related codes, references. */
export function renderExplanation<P extends ProtocolId>(request: ExplanationRequest<P>): RenderedText {
  return renderExplanationFromInput(request as ExplanationInput);
}

/**
 * `renderExplanation` for untrusted input: any protocol name and code, checked at run time.
 * Throws UnknownProtocolError or UnknownCodeError (with suggestions) for what does not exist.
 */
export function renderExplanationFromInput(request: ExplanationInput): RenderedText {
  const s = resolveRequest(request.protocol, request);
  if (s.protocol === 'smtp' && looksEnhanced(request.code)) return renderEnhancedExplanation(s, String(request.code));
  const a = codeView(s.protocol, s.entry(request.code), s.tools);
  addFallbacks(s.fallbacks, a.fallbacks, s.locale);
  const context = {
    protocol: getProtocol(s.protocol).name,
    lang: s.locale,
    dir: bundle(s.locale).dir,
    a,
    fallbackNotice: fallbackNotice(s),
  };
  const output = tidy(s.templates.layout('explanation', s.format)(context), s.format);
  const title = s.format === 'text' ? a.heading : codeView(s.protocol, s.entry(request.code), localeTools(s.locale, 'text')).heading;
  return finish(s, output, title);
}

/** Two codes compared: the key difference from their facts, each code's texts, when to use which, the curated note. */
export function renderComparison<P extends ProtocolId>(request: ComparisonRequest<P>): RenderedText {
  return renderComparisonFromInput(request as ComparisonInput);
}

/** `renderComparison` for untrusted input: any protocol name and codes, checked at run time. */
export function renderComparisonFromInput(request: ComparisonInput): RenderedText {
  const s = resolveRequest(request.protocol, request);
  const [first, second] = request.codes;
  if (s.protocol === 'smtp' && (looksEnhanced(first) || looksEnhanced(second))) {
    if (!looksEnhanced(first) || !looksEnhanced(second)) throw new MixedComparisonError([String(first), String(second)]);
    return renderEnhancedComparison(s, [String(first), String(second)]);
  }
  const facts = compareCodes(s.protocol, request.codes[0], request.codes[1]);
  const a = codeView(s.protocol, facts.a, s.tools);
  const b = codeView(s.protocol, facts.b, s.tools);
  addFallbacks(s.fallbacks, [...a.fallbacks, ...b.fallbacks], s.locale);

  const pairTexts = s.tools.translations(s.protocol)?.pairTexts[facts.id];
  if (facts.note && s.locale !== 'en' && !pairTexts) addFallbacks(s.fallbacks, [`pairs/${facts.id}`], s.locale);
  const context = { ...pairParts(s, facts, a, b), fallbackNotice: fallbackNotice(s) };
  const output = s.templates.layout('comparison', s.format)(context);
  return finish(s, output, comparisonTitle(s, facts.id, facts.a, facts.b));
}

/** Pairs whose parts are kept: enough for every pair of every protocol in two locales and one format. */
const MAX_PAIR_PARTS = 20_000;
const pairPartsCache = new Map<string, object>();

/**
 * Everything a comparison shows that depends only on the pair, the locale and the format: worked
 * out once, since there are finitely many pairs and a site build or an API renders each many times.
 */
function pairParts(s: Setup, facts: CodeComparison, a: CodeView, b: CodeView): object {
  const key = `${s.protocol}:${facts.id}:${s.locale}:${s.format}`;
  let parts = pairPartsCache.get(key);
  if (parts === undefined) {
    const pairTexts = s.tools.translations(s.protocol)?.pairTexts[facts.id];
    const note = facts.note ? s.tools.escape(pairTexts?.note ?? facts.note.note) : undefined;
    const pairAdvice = facts.note ? s.tools.escape(pairTexts?.whenToSendWhich ?? facts.note.whenToSendWhich) : undefined;
    const receivers =
      a.onReceive === b.onReceive
        ? [{ label: s.tools.say('label.forBoth'), text: a.onReceive }]
        : [
            { label: String(a.code), text: a.onReceive },
            { label: String(b.code), text: b.onReceive },
          ];
    const references = [...new Set([...a.references, ...b.references, ...(facts.note?.references ?? []).map(s.tools.escape)])];
    parts = {
      protocol: getProtocol(s.protocol).name,
      lang: s.locale,
      dir: bundle(s.locale).dir,
      a,
      b,
      codes: [a, b],
      glance: glanceRows(s.tools, a, b),
      keyDifference: keyDifference(s.tools, facts, a, b),
      note,
      operatorChoice: operatorChoice(s.tools, facts, a, b, pairAdvice),
      receivers,
      references,
      referenceLinks: referenceLinks(references),
    };
    if (pairPartsCache.size >= MAX_PAIR_PARTS) pairPartsCache.clear();
    pairPartsCache.set(key, parts);
  }
  return parts;
}

/** The rows of "at a glance" for two codes; a value both share is marked so that it is printed once. */
function glanceRows(tools: LocaleTools, a: CodeView, b: CodeView) {
  return a.glance.map((row, i) => {
    const other = b.glance[i]!.value;
    return { label: row.label, code: a.code, a: row.value, b: other, same: row.value === other, bothValue: tools.say('sentence.bothValue', { value: row.value }) };
  });
}

const titles = new Map<string, string>();

/** The plain-text title of a pair; there are finitely many, so each is worded once. */
function comparisonTitle(s: Setup, id: string, first: CodeEntry, second: CodeEntry): string {
  const key = `${s.protocol}:${id}:${s.locale}`;
  let title = titles.get(key);
  if (title === undefined) {
    const plain = localeTools(s.locale, 'text');
    title = plain.say('title.comparison', {
      protocol: getProtocol(s.protocol).name,
      a: { code: first.code, title: codeView(s.protocol, first, plain).title },
      b: { code: second.code, title: codeView(s.protocol, second, plain).title },
    });
    titles.set(key, title);
  }
  return title;
}

const labels = new Map<string, string>();

/** One message of a locale as plain text (labels and sentences for apps that lay out their own lists). */
export function localeMessage(locale: string, id: string, values?: object): string {
  // Labels without values are the same every time: a site build asks for each thousands of times.
  const key = values === undefined ? `${locale}\0${id}` : undefined;
  const known = key === undefined ? undefined : labels.get(key);
  if (known !== undefined) return known;
  const negotiated = negotiateLocale(locale, availableLocales);
  if (!(id in templates(negotiated.locale, 'plain').messages)) throw new RangeError(`no message "${id}"`);
  const text = localeTools(negotiated.locale, 'text').say(id, values ?? {});
  if (key !== undefined && labels.size < 10_000) labels.set(key, text);
  return text;
}

/** The section headings a text in this locale can contain, so a terminal can set them in bold. */
export function headingsOf(locale: string): ReadonlySet<string> {
  const negotiated = negotiateLocale(locale, availableLocales);
  const ids = Object.keys(templates(negotiated.locale, 'plain').messages).filter((id) => id.startsWith('heading.') || id === 'label.forOperator' || id === 'label.forSender');
  const tools = localeTools(negotiated.locale, 'text');
  return new Set(ids.flatMap((id) => [tools.say(id), `${tools.say(id)}:`]));
}

/** More phases than this are not listed in a sentence; the at-a-glance table lists them. */
const MAX_LISTED_PHASES = 3;

/** Where only one of the two can come, said as briefly as the phases allow. */
function phaseContrast(tools: LocaleTools, facts: CodeComparison, a: CodeView, b: CodeView): string {
  const when = (view: CodeView, ids: readonly string[]) => tools.list(ids.map((id) => view.phaseWhen[id]!));
  const { onlyA, onlyB } = facts.phases;
  const listable = (ids: readonly string[]) => ids.length > 0 && ids.length <= MAX_LISTED_PHASES;
  if (listable(onlyA) && listable(onlyB)) return tools.say('contrast.phasesBoth', { a, b, onlyA: when(a, onlyA), onlyB: when(b, onlyB) });
  if (listable(onlyA) && (onlyB.length === 0 || onlyA.length <= onlyB.length)) return tools.say('contrast.phasesA', { a, b, onlyA: when(a, onlyA) });
  if (listable(onlyB)) return tools.say('contrast.phasesB', { a, b, onlyB: when(b, onlyB) });
  if (listable(onlyA)) return tools.say('contrast.phasesA', { a, b, onlyA: when(a, onlyA) });
  // One code comes at many more steps: say where the narrow one comes, if that is short.
  const [wide, narrow] = onlyB.length === 0 ? [a, b] : onlyA.length === 0 ? [b, a] : [undefined, undefined];
  if (wide && narrow && narrow.code !== wide.code) {
    const phases = narrow === a ? facts.phases.a : facts.phases.b;
    if (phases.length <= MAX_LISTED_PHASES) return tools.say('contrast.phasesNarrow', { wide, narrow, only: when(narrow, phases) });
  }
  return tools.say('contrast.phasesApart', { a, b });
}

/**
 * A clause contrasting the two codes on one declared fact, or undefined when the fact has no
 * words for it or its two halves would read the same.
 */
function factContrast(tools: LocaleTools, facts: CodeComparison, fact: FactContrast, a: CodeView, b: CodeView): string | undefined {
  const index = facts.facts.indexOf(fact);
  const [x, y] = [a.facts[index]!, b.facts[index]!];
  if (fact.fact.kind === 'phases') return phaseContrast(tools, facts, a, b);
  if (fact.fact.kind === 'set') {
    const onlyA = tools.list(fact.onlyA.flatMap((item) => (x.items[item] ? [x.items[item]] : [])));
    const onlyB = tools.list(fact.onlyB.flatMap((item) => (y.items[item] ? [y.items[item]] : [])));
    if (onlyA && onlyB) return tools.say('contrast.setBoth', { a, b, onlyA, onlyB });
    if (onlyA) return tools.say('contrast.setA', { a, b, onlyA });
    if (onlyB) return tools.say('contrast.setB', { a, b, onlyB });
    return undefined;
  }
  if (!x.clause || !y.clause || x.clause === y.clause) return undefined;
  return tools.say('contrast.value', { a: { code: a.code, clause: x.clause }, b: { code: b.code, clause: y.clause } });
}

/**
 * The key difference in one to three sentences: only the facts that differ, in the order of
 * salience the protocol declares, after the outcome; what both share is said once. Phases come
 * in only when nothing else tells the codes apart.
 */
export function keyDifference(tools: LocaleTools, facts: CodeComparison, a: CodeView, b: CodeView): string {
  const differing = facts.facts.filter((f) => !f.same && f.fact.contrast !== false);
  let clauses = differing.filter((f) => f.fact.kind !== 'phases').flatMap((f) => factContrast(tools, facts, f, a, b) ?? []);
  if (clauses.length === 0) clauses = differing.filter((f) => f.fact.kind === 'phases').flatMap((f) => factContrast(tools, facts, f, a, b) ?? []);
  const sentences: string[] = [];
  if (!facts.outcome.same) {
    sentences.push(tools.say('difference.outcomes', { a, b }));
  } else if (clauses.length > 0) {
    sentences.push(tools.say('difference.sharedOutcome', { a, b, outcomeBoth: a.outcomeBoth, contrast: clauses.shift() }));
  } else {
    sentences.push(tools.say('difference.sharedEverything', { a, b, outcomeBoth: a.outcomeBoth }));
  }
  for (const exception of [a.retryException, b.retryException]) if (exception) sentences.push(exception);
  for (const clause of clauses) {
    if (sentences.length >= 3) break;
    sentences.push(tools.say('difference.more', { contrast: clause }));
  }
  return tools.sentences(sentences);
}

/** For the operator: the pair's own advice, or the first fact that differs, as "send A when …; send B when …". */
export function operatorChoice(tools: LocaleTools, facts: CodeComparison, a: CodeView, b: CodeView, pairAdvice: string | undefined): string {
  if (pairAdvice !== undefined) return pairAdvice;
  const choose = (x: string, y: string) => tools.say('choose.contrast', { a: { code: a.code, choice: x }, b: { code: b.code, choice: y } });
  if (!facts.outcome.same && a.outcomeChoice && b.outcomeChoice && a.outcomeChoice !== b.outcomeChoice) return choose(a.outcomeChoice, b.outcomeChoice);
  for (const fact of facts.facts) {
    if (fact.same || fact.fact.kind === 'phases' || fact.fact.kind === 'set') continue;
    const index = facts.facts.indexOf(fact);
    const [x, y] = [a.facts[index]!.choice, b.facts[index]!.choice];
    if (x && y && x !== y) return choose(x, y);
  }
  if (facts.phases.onlyA.length > 0 && facts.phases.onlyB.length > 0) {
    const onlyA = tools.list(facts.phases.onlyA.map((id) => a.phaseWhen[id]!));
    const onlyB = tools.list(facts.phases.onlyB.map((id) => b.phaseWhen[id]!));
    return tools.say('choose.phases', { a, b, onlyA, onlyB });
  }
  return tools.say('choose.byReason', { a, b });
}
