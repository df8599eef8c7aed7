// The "Explain a reply" box (on every home page and on /explain/). The parser runs in the browser
// (assets/explain.js): the pasted text never leaves the page. The localized words the script
// needs are a static file per locale (/<locale>/explain-texts.json), fetched when the box is first
// used, as the search index is, so that home pages stay small.
import { listCodes, listEnhancedEntries, listProviders, REPLY_REASONS } from '@protocodes/core';
import { describeEnhancedCodeText, describeProviderRule, localeMessage } from '@protocodes/texts';
import { escapeHtml } from '../html.js';
import type { Page } from '../layout.js';
import { codeInfo } from './links.js';

/** What assets/explain.js loads, per locale: /<locale>/explain-texts.json. */
export interface ExplainTexts {
  locale: string;
  messages: Record<string, string>;
  basic: Record<string, { title: string; summary: string; fix: string }>;
  enhanced: Record<string, { title: string; meanings: Record<string, string>; fix: string }>;
  providers: Record<string, { provider: string; title: string; meaning: string; fix: string; reference?: string }>;
}

const MESSAGE_IDS = [
  'reply.wire', 'reply.verdict', 'reply.outcome', 'reply.side', 'reply.retry', 'reply.reason', 'reply.command', 'reply.remoteHost',
  'reply.provider', 'reply.fix', 'reply.codes', 'reply.noCode', 'reply.nothingFound', 'reply.providerReference', 'web.explainEmpty',
  ...['success', 'temporary', 'permanent', 'unknown'].map((id) => `outcome.${id}`),
  ...['sender', 'recipient', 'receiving-server', 'network', 'nobody', 'unknown'].map((id) => `side.${id}`),
  ...['no', 'later', 'after-fix'].map((id) => `verdictRetry.${id}`),
];

const cache = new Map<string, ExplainTexts>();

export function explainTexts(locale: string): ExplainTexts {
  let texts = cache.get(locale);
  if (texts) return texts;
  const messages: Record<string, string> = {};
  for (const id of [...MESSAGE_IDS, ...REPLY_REASONS.map((r) => `reason.${r}`)]) messages[id] = localeMessage(locale, id);
  messages['title.reply'] = localeMessage(locale, 'title.reply', { codes: '{codes}' });
  const basic = Object.fromEntries(
    listCodes('smtp').map((entry) => {
      const info = codeInfo(locale, 'smtp', entry.code);
      return [String(entry.code), { title: info.texts.title, summary: info.texts.summary, fix: info.texts.howToFix.sender }];
    }),
  );
  const enhanced = Object.fromEntries(
    listEnhancedEntries().map((entry) => {
      const meanings: Record<string, string> = {};
      for (const use of entry.inClass) meanings[use.class] = describeEnhancedCodeText({ code: `${use.class}${entry.code.slice(1)}`, locale }).classMeaning;
      const described = describeEnhancedCodeText({ code: entry.code, locale });
      return [entry.code, { title: described.title, meanings, fix: described.howToFix?.sender ?? '' }];
    }),
  );
  const providers = Object.fromEntries(
    listProviders().flatMap((provider) =>
      provider.rules.map((rule) => {
        const d = describeProviderRule(rule.id, locale)!;
        return [rule.id, { provider: d.provider.name, title: d.title, meaning: d.meaning, fix: d.fix, ...(d.reference ? { reference: d.reference } : {}) }];
      }),
    ),
  );
  texts = { locale, messages, basic, enhanced, providers };
  cache.set(locale, texts);
  return texts;
}

/** The box: a text area and a button, results below; works without a server, needs the script. */
export function explainBox(locale: string, headingLevel: 'h1' | 'h2'): string {
  const say = (id: string) => escapeHtml(localeMessage(locale, id));
  return `<section class="explain" aria-labelledby="explain-heading">
<${headingLevel} id="explain-heading">${say('web.explainHeading')}</${headingLevel}>
<form class="explain-form" action="#explain-results" data-texts="/${locale}/explain-texts.json">
<label for="explain-text">${say('web.explainLabel')}</label>
<textarea id="explain-text" name="text" rows="6" spellcheck="false" autocomplete="off" placeholder="${say('web.explainPlaceholder')}"></textarea>
<p class="privacy">${say('web.explainPrivacy')}</p>
<button type="submit">${say('web.explainButton')}</button>
</form>
<noscript><p>${say('web.explainNoScript')}</p></noscript>
<div id="explain-results" class="explain-results" aria-live="polite"></div>
</section>`;
}

export function explainPage(locale: string): Page {
  const say = (id: string) => localeMessage(locale, id);
  return {
    locale,
    path: `/${locale}/explain/`,
    pathIn: (l) => `/${l}/explain/`,
    title: say('web.explainTitle'),
    description: say('web.explainDescription'),
    breadcrumbs: [{ label: say('web.home'), path: `/${locale}/` }, { label: say('web.explainHeading') }],
    ogType: 'website',
    scripts: ['/assets/explain.js'],
    main: explainBox(locale, 'h1'),
  };
}
