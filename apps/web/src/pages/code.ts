import { getProtocol, type ProtocolId } from '@protocodes/core';
import { localeMessage, renderExplanationFromInput } from '@protocodes/texts';
import type { SiteConfig } from '../config.js';
import { factFigures, sessionFigure } from '../diagram.js';
import { escapeHtml, insertBefore } from '../html.js';
import type { Page } from '../layout.js';
import { codeInfo, pairLink, relatedOf } from './links.js';

export function codePage(locale: string, protocol: ProtocolId, code: number, config: SiteConfig): Page {
  const say = (id: string, values?: object) => localeMessage(locale, id, values);
  const definition = getProtocol(protocol);
  const info = codeInfo(locale, protocol, code);
  const explanation = renderExplanationFromInput({ protocol, code, locale, format: 'html' });
  const path = `/${locale}/${protocol}/${code}/`;
  const compare = relatedOf(protocol, code).map((other) => pairLink(locale, protocol, code, other)).join('');
  return {
    locale,
    path,
    pathIn: (l) => `/${l}/${protocol}/${code}/`,
    title: say('web.codeTitle', { protocol: definition.name, code, title: info.texts.title }),
    description: info.texts.summary,
    breadcrumbs: [{ label: say('web.home'), path: `/${locale}/` }, { label: definition.name, path: `/${locale}/${protocol}/` }, { label: String(code) }],
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'DefinedTerm',
      name: `${definition.name} ${code} ${info.texts.title}`,
      termCode: String(code),
      description: info.texts.summary,
      url: `${config.siteUrl}${path}`,
      inLanguage: locale,
      inDefinedTermSet: { '@type': 'DefinedTermSet', name: say('web.protocolTitle', { protocol: definition.name }), url: `${config.siteUrl}/${locale}/${protocol}/` },
    },
    main: `${insertBefore(explanation.output, '<section class="related">', sessionFigure(protocol, [{ code, mark: 'a' }], locale, `session-${code}`) + factFigures(protocol, [{ code, mark: 'a' }], locale, `fact-${code}`))}
<section class="compare-with"><h2>${escapeHtml(say('web.compareWith', { code }))}</h2><ul class="links pairs">${compare}</ul></section>`,
  };
}
