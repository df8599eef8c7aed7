import { getProtocol, listCuratedPairs, listCodes, protocolList } from '@protocodes/core';
import { localeMessage } from '@protocodes/texts';
import { FEATURED_CODES } from '../config.js';
import { escapeHtml } from '../html.js';
import type { Page } from '../layout.js';
import { explainBox } from './explain.js';
import { codeLink, pairLink } from './links.js';

export function homePage(locale: string): Page {
  const say = (id: string, values?: object) => localeMessage(locale, id, values);
  const protocols = protocolList
    .map((p) => `<li><a href="/${locale}/${p}/">${escapeHtml(say('web.protocolTitle', { protocol: getProtocol(p).name }))}</a> <span class="count">${listCodes(p).length}</span></li>`)
    .join('');
  const featured = protocolList.flatMap((p) => (FEATURED_CODES[p] ?? []).map((code) => codeLink(locale, p, code))).join('');
  const pairs = protocolList.flatMap((p) => listCuratedPairs(p).map(([a, b]) => pairLink(locale, p, a, b))).join('');
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
<section><h2>${escapeHtml(say('web.protocolsHeading'))}</h2><ul class="links">${protocols}</ul></section>
<section><h2>${escapeHtml(say('web.popularHeading'))}</h2><ul class="links codes">${featured}</ul></section>
<section><h2>${escapeHtml(say('web.pairsHeading'))}</h2><ul class="links pairs">${pairs}</ul></section>`,
  };
}
