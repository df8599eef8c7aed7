// Pages of SMTP enhanced status codes (one per registry entry, and pairs of related ones) and of
// provider rules (an index of every provider, and one page per rule).
import { findEnhancedEntry, listEnhancedEntries, listProviders } from '@protocodes/core';
import { describeEnhancedCodeText, describeProviderRule, localeMessage, renderComparisonFromInput, renderExplanationFromInput } from '@protocodes/texts';
import { escapeHtml } from '../html.js';
import type { Page } from '../layout.js';
import { enhancedPairs } from '../routes.js';

const smtpCrumbs = (locale: string) => {
  const say = (id: string) => localeMessage(locale, id);
  return [{ label: say('web.home'), path: `/${locale}/` }, { label: 'SMTP', path: `/${locale}/smtp/` }, { label: say('web.enhancedHeading'), path: `/${locale}/smtp/#enhanced` }];
};

export function enhancedLink(locale: string, id: string): string {
  const title = describeEnhancedCodeText({ code: id, locale }).title;
  return `<li><a href="/${locale}/smtp/${id}/"><span class="code">${escapeHtml(id)}</span> ${escapeHtml(title)}</a></li>`;
}

/** The list on the SMTP page: every registry entry, grouped by nothing but registry order. */
export function enhancedSection(locale: string): string {
  const say = (id: string) => escapeHtml(localeMessage(locale, id));
  return `<section id="enhanced"><h2>${say('web.enhancedHeading')}</h2><ul class="links codes">${listEnhancedEntries().map((e) => enhancedLink(locale, e.code)).join('')}</ul>
<p><a href="/${locale}/smtp/providers/">${say('web.providersHeading')}</a> · <a href="/${locale}/explain/">${say('web.explainHeading')}</a></p></section>`;
}

export function enhancedPage(locale: string, id: string): Page {
  const entry = findEnhancedEntry(id)!;
  const described = describeEnhancedCodeText({ code: id, locale });
  const explanation = renderExplanationFromInput({ protocol: 'smtp', code: id, locale, format: 'html' });
  const pairs = enhancedPairs().filter(([a, b]) => a === id || b === id);
  const say = (key: string, values?: object) => localeMessage(locale, key, values);
  const pairLinks = pairs
    .map(([a, b]) => `<li><a href="/${locale}/smtp/${a}-vs-${b}/"><span class="code">${escapeHtml(a)}</span> <span class="vs">/</span> <span class="code">${escapeHtml(b)}</span></a></li>`)
    .join('');
  return {
    locale,
    path: `/${locale}/smtp/${id}/`,
    pathIn: (l) => `/${l}/smtp/${id}/`,
    title: say('web.codeTitle', { protocol: 'SMTP', code: entry.code, title: described.title }),
    description: say('web.enhancedDescription', { code: entry.code, title: described.title }),
    breadcrumbs: [...smtpCrumbs(locale), { label: entry.code }],
    main: `${explanation.output}${pairLinks ? `\n<section class="compare-with"><h2>${escapeHtml(say('web.compareWith', { code: entry.code }))}</h2><ul class="links pairs">${pairLinks}</ul></section>` : ''}`,
  };
}

export function enhancedComparePage(locale: string, a: string, b: string): Page {
  const rendered = renderComparisonFromInput({ protocol: 'smtp', codes: [a, b], locale, format: 'html' });
  return {
    locale,
    path: `/${locale}/smtp/${a}-vs-${b}/`,
    pathIn: (l) => `/${l}/smtp/${a}-vs-${b}/`,
    title: rendered.title,
    description: localeMessage(locale, 'web.compareDescription', { protocol: 'SMTP', a, b }),
    breadcrumbs: [...smtpCrumbs(locale), { label: `${a} / ${b}` }],
    main: rendered.output,
  };
}

export function providersPage(locale: string): Page {
  const say = (id: string, values?: object) => localeMessage(locale, id, values);
  const sections = listProviders()
    .map((provider) => {
      const rules = provider.rules
        .map((rule) => {
          const d = describeProviderRule(rule.id, locale)!;
          return `<li><a href="/${locale}/smtp/providers/${rule.id}/">${escapeHtml(d.title)}</a> <span class="summary">${escapeHtml(d.reason)}</span></li>`;
        })
        .join('');
      return `<section id="${provider.id}"><h2>${escapeHtml(provider.name)}</h2><ul class="links">${rules}</ul></section>`;
    })
    .join('\n');
  return {
    locale,
    path: `/${locale}/smtp/providers/`,
    pathIn: (l) => `/${l}/smtp/providers/`,
    title: say('web.providersHeading'),
    description: say('web.explainDescription'),
    breadcrumbs: [{ label: say('web.home'), path: `/${locale}/` }, { label: 'SMTP', path: `/${locale}/smtp/` }, { label: say('web.providersHeading') }],
    ogType: 'website',
    main: `<h1>${escapeHtml(say('web.providersHeading'))}</h1>\n${sections}`,
  };
}

export function providerRulePage(locale: string, ruleId: string): Page {
  const say = (id: string, values?: object) => localeMessage(locale, id, values);
  const d = describeProviderRule(ruleId, locale)!;
  const title = say('web.providerTitle', { provider: d.provider.name, title: d.title });
  const tokens = d.match.map((t) => `<li><code>${escapeHtml(t)}</code></li>`).join('');
  const reference = d.reference ?? d.provider.documentation;
  return {
    locale,
    path: `/${locale}/smtp/providers/${ruleId}/`,
    pathIn: (l) => `/${l}/smtp/providers/${ruleId}/`,
    title,
    description: say('web.providerDescription', { provider: d.provider.name, title: d.title }),
    breadcrumbs: [{ label: say('web.home'), path: `/${locale}/` }, { label: 'SMTP', path: `/${locale}/smtp/` }, { label: say('web.providersHeading'), path: `/${locale}/smtp/providers/` }, { label: d.title }],
    main: `<article class="provider-rule">
<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(d.meaning)}</p>
<dl>
<dt>${escapeHtml(say('reply.reason'))}</dt><dd>${escapeHtml(`${d.reason}: ${d.reasonText}`)}</dd>
<dt>${escapeHtml(say('reply.fix'))}</dt><dd>${escapeHtml(d.fix)}</dd>
<dt>${escapeHtml(say('reply.wire'))}</dt><dd><ul>${tokens}</ul></dd>
</dl>
${reference ? `<p><a href="${escapeHtml(reference)}" rel="noopener">${escapeHtml(say('reply.providerReference'))}</a></p>` : ''}
</article>`,
  };
}
