import { getProtocol, listCuratedPairs, listCodes, protocolList, type ProtocolId } from '@protocodes/core';
import { localeMessage, protocolNamesIn } from '@protocodes/texts';
import { FEATURED_CODES } from '../config.js';
import { escapeHtml } from '../html.js';
import type { Page } from '../layout.js';
import { explainBox } from './explain.js';
import { codeLink, pairLink } from './links.js';

/** Commonly confused pairs shown on the home page: per protocol, the curated pairs of its featured codes. */
const HOME_PAIRS_PER_PROTOCOL = 4;
/** Mail first: SMTP is what protocodes began with and what most readers come for. */
const HOME_ORDER: readonly ProtocolId[] = [...new Set<ProtocolId>(['smtp', 'http', 'ftp', ...protocolList])].filter((p) => protocolList.includes(p));

export function homePage(locale: string): Page {
  const say = (id: string, values?: object) => localeMessage(locale, id, values);
  const cards = HOME_ORDER
    .map((p) => {
      const { name } = getProtocol(p);
      const names = protocolNamesIn(p, locale);
      const featured = (FEATURED_CODES[p] ?? []).slice(0, 4).map((code) => codeLink(locale, p, code)).join('');
      return `<li class="protocol-card"><h3><a href="/${locale}/${p}/">${escapeHtml(say('web.protocolTitle', { protocol: name }))}</a></h3>
<p class="full-name">${escapeHtml(names.title)} · <span class="count">${escapeHtml(say('web.codeCount', { count: listCodes(p).length }))}</span></p>
<p>${escapeHtml(names.summary)}</p>
<ul class="links codes">${featured}</ul></li>`;
    })
    .join('\n');
  const pairs = HOME_ORDER
    .flatMap((p) => {
      const featured = new Set(FEATURED_CODES[p] ?? []);
      return listCuratedPairs(p)
        .filter(([a, b]) => featured.has(a) && featured.has(b))
        .slice(0, HOME_PAIRS_PER_PROTOCOL)
        .map(([a, b]) => pairLink(locale, p, a, b));
    })
    .join('');
  return {
    locale,
    path: `/${locale}/`,
    pathIn: (l) => `/${l}/`,
    title: say('web.homeTitle'),
    description: say('web.homeDescription'),
    breadcrumbs: [{ label: say('web.home') }],
    ogType: 'website',
    scripts: ['/assets/explain.js'],
    main: `<h1>protocodes</h1>
<p class="lead">${escapeHtml(say('web.tagline'))}</p>
${explainBox(locale, 'h2')}
<section><h2>${escapeHtml(say('web.protocolsHeading'))}</h2><ul class="protocol-cards">${cards}</ul></section>
<section><h2>${escapeHtml(say('web.pairsHeading'))}</h2><ul class="links pairs">${pairs}</ul></section>`,
  };
}
