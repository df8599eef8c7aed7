import { getProtocol, listCuratedPairs, listCodes, type ProtocolId } from '@protocodes/core';
import { localeMessage } from '@protocodes/texts';
import { escapeHtml } from '../html.js';
import type { Page } from '../layout.js';
import { enhancedSection } from './enhanced.js';
import { codeInfo, codeLink, pairLink } from './links.js';

export function protocolPage(locale: string, protocol: ProtocolId): Page {
  const say = (id: string, values?: object) => localeMessage(locale, id, values);
  const definition = getProtocol(protocol);
  const codes = listCodes(protocol);
  const groups = definition.classes
    .map((c) => {
      const members = codes.filter((e) => e.class === c.digit);
      if (members.length === 0) return '';
      const facts = codeInfo(locale, protocol, members[0]!.code).facts;
      const heading = say('sentence.classValue', { digit: c.digit, name: facts.className });
      return `<section id="class-${c.digit}"><h2>${escapeHtml(heading)}</h2><ul class="links codes">${members.map((e) => codeLink(locale, protocol, e.code, true)).join('')}</ul></section>`;
    })
    .join('\n');
  const title = say('web.protocolTitle', { protocol: definition.name });
  return {
    locale,
    path: `/${locale}/${protocol}/`,
    pathIn: (l) => `/${l}/${protocol}/`,
    title,
    description: say('web.protocolDescription', { protocol: definition.name, count: codes.length }),
    breadcrumbs: [{ label: say('web.home'), path: `/${locale}/` }, { label: definition.name }],
    ogType: 'website',
    main: `<h1>${escapeHtml(title)}</h1>
${groups}
<section><h2>${escapeHtml(say('web.pairsHeading'))}</h2><ul class="links pairs">${listCuratedPairs(protocol).map(([a, b]) => pairLink(locale, protocol, a, b)).join('')}</ul></section>${protocol === 'smtp' ? `\n${enhancedSection(locale)}` : ''}`,
  };
}
