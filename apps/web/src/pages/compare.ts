import { getProtocol, listCuratedPairs, type ProtocolId } from '@protocodes/core';
import { describeComparison, localeMessage, renderComparisonFromInput } from '@protocodes/texts';
import { factFigures, sessionFigure } from '../diagram.js';
import { escapeHtml, insertBefore } from '../html.js';
import type { Page } from '../layout.js';
import { codeLink, pairLink } from './links.js';

export function comparePage(locale: string, protocol: ProtocolId, a: number, b: number): Page {
  const say = (id: string, values?: object) => localeMessage(locale, id, values);
  const definition = getProtocol(protocol);
  const facts = describeComparison({ protocol, codes: [a, b], locale });
  const comparison = renderComparisonFromInput({ protocol, codes: [a, b], locale, format: 'html' });
  const question = (name: string, text: string) => ({ '@type': 'Question', name, acceptedAnswer: { '@type': 'Answer', text } });
  const others = listCuratedPairs(protocol)
    .filter(([x, y]) => !(x === a && y === b) && [x, y].some((c) => c === a || c === b))
    .map(([x, y]) => pairLink(locale, protocol, x, y))
    .join('');
  return {
    locale,
    path: `/${locale}/${protocol}/${a}-vs-${b}/`,
    pathIn: (l) => `/${l}/${protocol}/${a}-vs-${b}/`,
    title: facts.title,
    description: say('web.compareDescription', { protocol: definition.name, a, b }),
    breadcrumbs: [{ label: say('web.home'), path: `/${locale}/` }, { label: definition.name, path: `/${locale}/${protocol}/` }, { label: `${a} / ${b}` }],
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      inLanguage: locale,
      mainEntity: [
        question(say('web.faqDifference', { protocol: definition.name, a, b }), facts.keyDifference),
        question(say('web.faqWhichToSend', { a, b }), facts.whenToUseWhich.operator),
        question(say('web.faqFix', { protocol: definition.name, code: a }), facts.a.texts.howToFix.sender),
        question(say('web.faqFix', { protocol: definition.name, code: b }), facts.b.texts.howToFix.sender),
      ],
    },
    main: `${insertBefore(comparison.output, '<section class="code"', sessionFigure(protocol, [{ code: a, mark: 'a' }, { code: b, mark: 'b' }], locale, `session-${a}-${b}`) + factFigures(protocol, [{ code: a, mark: 'a' }, { code: b, mark: 'b' }], locale, `fact-${a}-${b}`))}
<section class="see-also"><ul class="links codes">${codeLink(locale, protocol, a)}${codeLink(locale, protocol, b)}</ul>${others ? `<h2>${escapeHtml(say('web.pairsHeading'))}</h2><ul class="links pairs">${others}</ul>` : ''}</section>`,
  };
}
