// renderExplanation and renderComparison: the one place every app gets its texts from.
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
  type ProtocolId,
} from '@protocodes/core';
import { negotiateLocale } from './locale.js';
import type { Fallback, Format, RenderedText } from './model.js';
import { FORMATS } from './model.js';
import { availableLocales, bundle, templates, type LocaleTemplates } from './runtime.js';
import { codeView, localeTools, type CodeView, type LocaleTools } from './views.js';

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

export interface ExplanationRequest extends RenderOptions {
  protocol: string;
  code: number | string;
}

export interface ComparisonRequest extends RenderOptions {
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

function addFallbacks(target: Fallback[], parts: readonly string[], locale: string) {
  for (const part of parts) if (!target.some((f) => f.part === part)) target.push({ part, locale });
}

/** How a reader knows a part: `codes/251` is "SMTP 251", `pairs/250-251` is "SMTP 250/251". */
function partName(s: Setup, part: string): string {
  const [kind, id = ''] = part.split('/');
  const name = getProtocol(s.protocol).name;
  if (kind === 'codes') return `${name} ${id}`;
  if (kind === 'pairs') return `${name} ${id.replace('-', '/')}`;
  if (kind === 'protocol') return name;
  return id;
}

function fallbackNotice(s: Setup): string | undefined {
  const parts = s.fallbacks.filter((f) => f.part !== 'locale').map((f) => partName(s, f.part));
  if (parts.length === 0) return undefined;
  return s.tools.escape(s.tools.say('sentence.fallback', { language: bundle(s.locale).name, parts: s.tools.list(parts) }));
}

function finish(s: Setup, output: string, title: string): RenderedText {
  return { output, format: s.format, locale: s.locale, requestedLocale: s.requestedLocale, dir: bundle(s.locale).dir, fallbacks: s.fallbacks, title };
}

/** One code explained: meaning, when it appears, how to fix it, facts, related codes, references. */
export function renderExplanation(request: ExplanationRequest): RenderedText {
  const s = resolveRequest(request.protocol, request);
  const a = codeView(s.protocol, s.entry(request.code), s.tools);
  addFallbacks(s.fallbacks, a.fallbacks, s.locale);
  const context = {
    protocol: getProtocol(s.protocol).name,
    lang: s.locale,
    dir: bundle(s.locale).dir,
    a,
    fallbackNotice: fallbackNotice(s),
  };
  const output = s.templates.layout('explanation', s.format)(context);
  const title = s.format === 'text' ? a.heading : codeView(s.protocol, s.entry(request.code), localeTools(s.locale, 'text')).heading;
  return finish(s, output, title);
}

/** Two codes compared: the key difference from their facts, each code's texts, when to use which, the curated note. */
export function renderComparison(request: ComparisonRequest): RenderedText {
  const s = resolveRequest(request.protocol, request);
  const facts = compareCodes(s.protocol, request.codes[0], request.codes[1]);
  const a = codeView(s.protocol, facts.a, s.tools);
  const b = codeView(s.protocol, facts.b, s.tools);
  addFallbacks(s.fallbacks, [...a.fallbacks, ...b.fallbacks], s.locale);

  const pairTexts = s.tools.translations(s.protocol)?.pairTexts[facts.id];
  if (facts.note && s.locale !== 'en' && !pairTexts) addFallbacks(s.fallbacks, [`pairs/${facts.id}`], s.locale);
  const note = facts.note ? s.tools.escape(pairTexts?.note ?? facts.note.note) : undefined;
  const references = [...new Set([...a.references, ...b.references, ...(facts.note?.references ?? []).map(s.tools.escape)])];

  const context = {
    protocol: getProtocol(s.protocol).name,
    lang: s.locale,
    dir: bundle(s.locale).dir,
    a,
    b,
    codes: [a, b],
    keyDifference: keyDifference(s.tools, facts, a, b),
    note,
    references,
    fallbackNotice: fallbackNotice(s),
  };
  const output = s.templates.layout('comparison', s.format)(context);
  return finish(s, output, comparisonTitle(s, facts.id, facts.a, facts.b));
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

/** The key difference in two sentences: what each outcome means for the client, then where each occurs and who acts. */
export function keyDifference(tools: LocaleTools, facts: CodeComparison, a: CodeView, b: CodeView): string {
  const outcome = tools.say(facts.retry.same ? 'sentence.outcomesSame' : 'sentence.outcomesDiffer', { a, b, outcomeBoth: a.outcomeBoth });
  const phases = tools.say(facts.phases.same ? 'sentence.phasesSame' : 'sentence.phasesDiffer', { a, b });
  return `${outcome} ${phases}`;
}
