// renderReply: one finding of the reply parser explained for a reader, in any locale and format.
// The wire text is quoted as it was sent; everything around it is ours.
import { describeEnhancedCode, findCode, findProviderRule, type ReplyFinding } from '@protocodes/core';
import type { RenderedText } from './model.js';
import { addFallbacks, fallbackNotice, finish, resolveRequest, tidy, type RenderOptions } from './render.js';
import { bundle } from './runtime.js';
import { enhancedView } from './enhanced.js';
import { codeView } from './views.js';

export interface ReplyRenderOptions extends RenderOptions {
  /** Prefix of the links to code pages: `https://protocodes.example.org`; default root-relative (`/en/smtp/550/`); false for no links. */
  linkBase?: string | false;
}

/** What was found, the verdict, the reason and the fix, with links to the code pages. */
export function renderReply(finding: ReplyFinding, options: ReplyRenderOptions = {}): RenderedText {
  const s = resolveRequest('smtp', options);
  const { say, escape: e } = s.tools;
  const base = options.linkBase === false ? undefined : `${options.linkBase ?? ''}/${s.locale}/smtp/`;
  const translations = s.tools.translations('smtp');

  const codes: { code: string; title: string; summary: string; link: string }[] = [];
  const basic = finding.reply !== undefined ? findCode('smtp', finding.reply) : undefined;
  if (basic) {
    const view = codeView('smtp', basic, s.tools);
    addFallbacks(s.fallbacks, view.fallbacks, s.locale);
    codes.push({ code: String(basic.code), title: view.title, summary: view.summary, link: base ? `${base}${basic.code}/` : '' });
  }
  const enhancedInfo = finding.enhanced ? describeEnhancedCode(finding.enhanced) : undefined;
  const enhanced = enhancedInfo ? enhancedView(enhancedInfo, s.tools) : undefined;
  if (enhancedInfo && enhanced) {
    addFallbacks(s.fallbacks, enhanced.fallbacks, s.locale);
    const page = !base ? '' : enhancedInfo.entry ? `${base}${enhancedInfo.id}/` : `${base}#enhanced`;
    codes.push({ code: enhanced.code, title: enhanced.title, summary: enhanced.classMeaning || enhanced.summary, link: page });
  }

  const match = finding.provider ? findProviderRule(finding.provider.rule) : undefined;
  const ruleTexts = match ? (translations?.providerTexts?.[match.rule.id] ?? match.rule) : undefined;
  if (match && s.locale !== 'en' && !translations?.providerTexts?.[match.rule.id]) addFallbacks(s.fallbacks, [`providers/${match.rule.id}`], s.locale);
  const provider = match && ruleTexts
    ? { name: e(match.provider.name), title: e(ruleTexts.title), meaning: e(ruleTexts.meaning), reference: 'reference' in match.rule ? (match.rule.reference as string) : '' }
    : undefined;

  const fix = ruleTexts?.fix ?? (enhancedInfo?.entry ? enhanced?.fixSender : undefined) ?? (basic ? codeView('smtp', basic, s.tools).fixSender : '');
  const verdict = [
    { field: 'outcome', label: say('reply.outcome'), value: say(`outcome.${finding.verdict.outcome}`) },
    // The identifier is what the JSON says; "undefined" would read as a bug, so it is left out.
    { field: 'reason', label: say('reply.reason'), value: say(`reason.${finding.reason}`) },
    { field: 'side', label: say('reply.side'), value: say(`side.${finding.verdict.side}`) },
    { field: 'retry', label: say('reply.retry'), value: say(`verdictRetry.${finding.verdict.retry}`) },
    ...(finding.command ? [{ field: 'command', label: say('reply.command'), value: finding.command }] : []),
    ...(finding.remoteHost ? [{ field: 'remoteHost', label: say('reply.remoteHost'), value: finding.remoteHost }] : []),
  ].map((row) => ({ field: row.field, label: e(row.label), value: e(row.value) }));

  const codeList = [finding.reply, finding.enhanced].filter((c) => c !== undefined).join(' ');
  const heading = say('title.reply', { codes: codeList || finding.reason });
  const context = {
    lang: s.locale,
    dir: bundle(s.locale).dir,
    fallbackNotice: fallbackNotice(s),
    r: {
      heading: e(heading),
      // Every line of a multi-line reply stays quoted in text and Markdown.
      wire: s.format === 'html' ? e(finding.text) : e(finding.text).replace(/\r?\n/g, '\n> '),
      noCode: finding.reply === undefined && finding.enhanced === undefined ? e(say('reply.noCode')) : '',
      verdict,
      provider,
      providerReference: provider?.reference ?? '',
      fix: e(fix ?? ''),
      codes,
    },
    codes: codeList || finding.reason,
  };
  return finish(s, tidy(s.templates.layout('reply', s.format)(context), s.format), heading);
}

/** A provider rule as data in one locale: for pages and clients that show rules by themselves. */
export interface ProviderRuleDescription {
  locale: string;
  provider: { id: string; name: string; documentation?: string };
  rule: string;
  match: string[];
  reason: string;
  reasonText: string;
  title: string;
  meaning: string;
  fix: string;
  reference?: string;
  /** true when the texts are English because the locale has no current translation. */
  fellBack: boolean;
}

export function describeProviderRule(id: string, locale = 'en'): ProviderRuleDescription | undefined {
  const match = findProviderRule(id);
  if (!match) return undefined;
  const s = resolveRequest('smtp', { locale, format: 'text' });
  const own = s.tools.translations('smtp')?.providerTexts?.[id];
  const texts = own ?? match.rule;
  const { provider, rule } = match;
  return {
    locale: s.locale,
    provider: { id: provider.id, name: provider.name, ...('documentation' in provider && provider.documentation ? { documentation: provider.documentation as string } : {}) },
    rule: rule.id,
    match: [...rule.match],
    reason: rule.reason,
    reasonText: s.tools.say(`reason.${rule.reason}`),
    title: texts.title,
    meaning: texts.meaning,
    fix: texts.fix,
    ...('reference' in rule && rule.reference ? { reference: rule.reference as string } : {}),
    fellBack: s.locale !== 'en' && !own,
  };
}
