// Enhanced status codes (5.7.1, X.1.1) explained and compared. A code the registry lacks
// (5.7.606) is still explained from its class and subject, and the text says so.
import {
  compareEnhancedCodes,
  describeEnhancedCode as enhancedInfo,
  enhancedTitle,
  getProtocol,
  ProtocodesError,
  type EnhancedCodeInfo,
  type EnhancedTexts,
} from '@protocodes/core/runtime';
import type { RenderedText } from './model.js';
import { bundle } from './runtime.js';
import { localeTools, referenceLinks, type LocaleTools, type ReferenceLink } from './views.js';
import { addFallbacks, fallbackNotice, finish, resolveRequest, tidy, type Setup } from './render.js';

export class InvalidEnhancedCodeError extends ProtocodesError {
  override name = 'InvalidEnhancedCodeError';
  constructor(readonly code: string) {
    super(`"${code}" is not an enhanced status code; write it as class.subject.detail, such as 5.7.1 or X.1.1`);
  }
}

export class MixedComparisonError extends ProtocodesError {
  override name = 'MixedComparisonError';
  constructor(readonly codes: readonly [string, string]) {
    super(`cannot compare ${codes[0]} with ${codes[1]}: compare two reply codes (550 554) or two enhanced codes (5.1.1 5.7.1)`);
  }
}

/** Whether a request code is written as an enhanced code (has dots), and so is explained as one. */
export function looksEnhanced(code: number | string): boolean {
  return typeof code === 'string' && code.includes('.');
}

export function requireEnhanced(code: string): EnhancedCodeInfo {
  const info = enhancedInfo(code);
  if (!info) throw new InvalidEnhancedCodeError(code);
  return info;
}

export interface EnhancedView {
  code: string;
  title: string;
  heading: string;
  summary: string;
  unregistered: string;
  sampleText: string;
  classHeading: string;
  classMeaning: string;
  description: string;
  otherClasses: { code: string; meaning: string }[];
  whenYouSeeIt: string;
  fixSender: string;
  fixOperator: string;
  glance: { label: string; value: string }[];
  related: { code: string; title: string; href: string }[];
  references: string[];
  referenceLinks: ReferenceLink[];
  subject: number;
  subjectName: string;
  className: string;
  fallbacks: string[];
}

export function enhancedView(info: EnhancedCodeInfo, tools: LocaleTools): EnhancedView {
  const { say, list, escape: e } = tools;
  const smtp = getProtocol('smtp');
  const translations = tools.translations('smtp');
  const entry = info.entry;
  const own: EnhancedTexts | undefined = entry ? translations?.enhancedTexts?.[entry.code] : undefined;
  const texts = own ?? entry;
  const fallbacks: string[] = [];
  if (entry && tools.locale !== 'en' && !own) fallbacks.push(`enhanced/${entry.code}`);
  const protocolTexts = translations?.protocolTexts;
  const subjectName = protocolTexts?.subjects?.[info.subject]?.name ?? info.subjectDefinition?.name ?? '';
  const className = info.class ? (protocolTexts?.classes[info.class]?.name ?? info.classDefinition?.name ?? '') : '';
  const classIndex = entry && info.class ? entry.inClass.findIndex((use) => use.class === info.class) : -1;
  const withClass = (cls: number) => `${cls}${info.id.slice(1)}`;
  let classMeaning = '';
  if (entry && classIndex >= 0) classMeaning = own?.inClass[classIndex]?.meaning ?? entry.inClass[classIndex]!.meaning;
  else if (info.class) {
    const meaning = protocolTexts?.classes[info.class]?.meaning ?? info.classDefinition?.meaning ?? '';
    classMeaning = entry ? say('enhanced.notUsedInClass', { code: info.code, class: info.class, classMeaning: meaning }) : meaning;
  } else classMeaning = say('enhanced.noClass');
  const otherClasses = entry
    ? entry.inClass
        .map((use, i) => ({ cls: use.class, meaning: own?.inClass[i]?.meaning ?? use.meaning }))
        .filter((use) => use.cls !== info.class)
        .map((use) => ({ code: e(withClass(use.cls)), meaning: e(use.meaning) }))
    : [];
  const subjectMeaning = protocolTexts?.subjects?.[info.subject]?.meaning ?? info.subjectDefinition?.meaning;
  const unregistered = entry
    ? ''
    : `${say('enhanced.unregistered', { code: info.code })}${info.subjectDefinition ? '' : ` ${say('enhanced.unknownSubject', { subject: info.subject })}`}`;
  const title = texts?.title ?? (subjectName || info.code);
  const glance = [
    ...(info.class ? [{ label: say('label.class'), value: `${info.class}.X.X, ${className}` }] : []),
    { label: say('enhanced.subject'), value: info.subjectDefinition ? `X.${info.subject}.X, ${subjectName}` : `X.${info.subject}.X` },
    ...(entry && entry.basicCodes.length ? [{ label: say('enhanced.basicCodes'), value: list(entry.basicCodes.map(String)) }] : []),
    ...(entry && 'reason' in entry && entry.reason && entry.reason !== 'undefined' ? [{ label: say('enhanced.reason'), value: `${entry.reason}: ${say(`reason.${entry.reason}`)}` }] : []),
    ...(entry?.status === 'deprecated' ? [{ label: say('label.retry'), value: say('enhanced.deprecated', { code: entry.code }) }] : []),
  ].map((row) => ({ label: e(row.label), value: e(row.value) }));
  const related = (entry && 'related' in entry ? (entry.related as readonly string[]) : []).map((id) => {
    const code = info.class ? `${info.class}${id.slice(1)}` : id;
    return { code: e(code), title: e(translations?.enhancedTexts?.[id]?.title ?? enhancedTitle(id) ?? ''), href: e(`/${tools.locale}/smtp/${id}/`) };
  });
  const references = (entry?.references ?? smtp.references.filter((r: string) => r.startsWith('RFC 3463'))).map((r: string) => e(r));
  return {
    code: e(info.code),
    title: e(title),
    heading: e(say('title.enhanced', { e: { code: info.code, title } })),
    summary: e(texts?.summary ?? subjectMeaning ?? ''),
    unregistered: e(unregistered),
    sampleText: e(entry?.sampleText ?? ''),
    classHeading: e(info.class ? say('enhanced.inThisClass', { code: info.code, class: info.class }) : say('label.class')),
    classMeaning: e(classMeaning),
    description: e(texts?.description ?? ''),
    otherClasses,
    whenYouSeeIt: e(texts?.whenYouSeeIt ?? ''),
    fixSender: e(texts?.howToFix.sender ?? ''),
    fixOperator: e(texts?.howToFix.operator ?? ''),
    glance,
    related,
    references,
    referenceLinks: referenceLinks(references),
    subject: info.subject,
    subjectName: e(subjectName),
    className: e(className),
    fallbacks,
  };
}

function context(s: Setup, extra: object) {
  return { lang: s.locale, dir: bundle(s.locale).dir, fallbackNotice: fallbackNotice(s), ...extra };
}

export function renderEnhancedExplanation(s: Setup, code: string): RenderedText {
  const info = requireEnhanced(code);
  const view = enhancedView(info, s.tools);
  addFallbacks(s.fallbacks, view.fallbacks, s.locale);
  const output = tidy(s.templates.layout('enhanced', s.format)(context(s, { e: view })), s.format);
  return finish(s, output, s.format === 'text' ? view.heading : enhancedView(info, localeTools(s.locale, 'text')).heading);
}

export function renderEnhancedComparison(s: Setup, codes: readonly [string, string]): RenderedText {
  const facts = compareEnhancedCodes(requireEnhanced(codes[0]), requireEnhanced(codes[1]));
  const a = enhancedView(facts.a, s.tools);
  const b = enhancedView(facts.b, s.tools);
  addFallbacks(s.fallbacks, [...a.fallbacks, ...b.fallbacks], s.locale);
  const { say } = s.tools;
  const difference = [
    facts.sameSubject
      ? say('enhanced.sameSubject', { a, b, subject: a.subject, subjectName: a.subjectName })
      : say('enhanced.subjectsDiffer', { a, b }),
    ...(!facts.sameClass && facts.a.class && facts.b.class ? [say('enhanced.classesDiffer', { a, b })] : []),
    ...(facts.sharedBasicCodes.length ? [say('enhanced.sharedBasicCodes', { codes: s.tools.list(facts.sharedBasicCodes.map(String)) })] : []),
  ];
  const output = tidy(s.templates.layout('enhanced-comparison', s.format)(context(s, { a, b, difference, codes: [a, b] })), s.format);
  const text = [facts.a, facts.b].map((info) => enhancedView(info, localeTools(s.locale, 'text')));
  return finish(s, output, s.format === 'text' ? say('title.enhancedComparison', { a, b }) : say('title.enhancedComparison', { a: text[0], b: text[1] }));
}

/** An enhanced code as data for JSON clients: the registry facts and our texts in one locale. */
export interface EnhancedDescription {
  locale: string;
  requestedLocale: string;
  code: string;
  id: string;
  class?: number;
  subject: number;
  detail: number;
  registered: boolean;
  status?: string;
  sampleText?: string;
  title: string;
  summary: string;
  classMeaning: string;
  description?: string;
  whenYouSeeIt?: string;
  howToFix?: { sender: string; operator: string };
  basicCodes: number[];
  reason?: string;
  references: string[];
  fallbacks: { part: string; locale: string }[];
}

export function describeEnhanced(s: Setup, code: string): EnhancedDescription {
  const info = requireEnhanced(code);
  const view = enhancedView(info, localeTools(s.locale, 'text'));
  addFallbacks(s.fallbacks, view.fallbacks, s.locale);
  const entry = info.entry;
  return {
    locale: s.locale,
    requestedLocale: s.requestedLocale,
    code: info.code,
    id: info.id,
    ...(info.class ? { class: info.class } : {}),
    subject: info.subject,
    detail: info.detail,
    registered: entry !== undefined,
    ...(entry ? { status: entry.status, sampleText: entry.sampleText } : {}),
    title: view.title,
    summary: view.summary || view.unregistered,
    classMeaning: view.classMeaning,
    ...(entry ? { description: view.description, whenYouSeeIt: view.whenYouSeeIt, howToFix: { sender: view.fixSender, operator: view.fixOperator } } : {}),
    basicCodes: [...(entry?.basicCodes ?? [])],
    ...(entry && 'reason' in entry && entry.reason ? { reason: entry.reason as string } : {}),
    references: view.references,
    fallbacks: s.fallbacks.map((f) => ({ ...f })),
  };
}

/** `describeEnhanced` for callers outside this package: validates the locale like every other entry point. */
export function describeEnhancedCodeText(request: { code: string; locale?: string }): EnhancedDescription {
  return describeEnhanced(resolveRequest('smtp', { locale: request.locale ?? 'en', format: 'text' }), request.code);
}
