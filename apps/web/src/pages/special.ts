// Pages outside any one locale (the language chooser and the 404 page), and the redirect that
// a pair in reverse order gets in the static build.
import { isProtocolId, protocolList, suggestCodes, type ProtocolId } from '@protocodes/core';
import { localeInfo, localeMessage, searchCodes } from '@protocodes/texts';
import type { SiteConfig } from '../config.js';
import { escapeHtml } from '../html.js';
import type { Page } from '../layout.js';
import { codeInfo } from './links.js';

const shell = (title: string, body: string, head = '') => `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="color-scheme" content="light dark">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="stylesheet" href="/assets/site.css">
${head}</head>
<body>
<main id="main" class="narrow">
${body}
</main>
</body>
</html>
`;

/** Every language, each in itself: where `/` leads on a static host. */
export function languageChooser(config: SiteConfig): string {
  const choices = localeInfo
    .map((l) => `<li lang="${l.id}" dir="${l.dir}"><a href="/${l.id}/" hreflang="${l.id}">${escapeHtml(l.name)}</a> <span class="summary">${escapeHtml(localeMessage(l.id, 'web.tagline'))}</span></li>`)
    .join('');
  const alternates = localeInfo.map((l) => `<link rel="alternate" hreflang="${l.id}" href="${escapeHtml(`${config.siteUrl}/${l.id}/`)}">`).join('\n');
  const heading = localeInfo.map((l) => `<span lang="${l.id}">${escapeHtml(localeMessage(l.id, 'web.chooseLanguage'))}</span>`).join(' · ');
  return shell('protocodes', `<h1>protocodes</h1>\n<h2>${heading}</h2>\n<ul class="links">${choices}</ul>`, `${alternates}\n<link rel="alternate" hreflang="x-default" href="${escapeHtml(`${config.siteUrl}/`)}">\n<link rel="canonical" href="${escapeHtml(`${config.siteUrl}/`)}">\n`);
}

/** One page for every language, since a static host serves the same 404.html for any path. */
export function notFoundPage(): string {
  const sections = localeInfo
    .map(
      (l) => `<section lang="${l.id}" dir="${l.dir}"><h1>${escapeHtml(localeMessage(l.id, 'web.notFoundTitle'))}</h1><p>${escapeHtml(localeMessage(l.id, 'web.notFoundText'))}</p><p><a href="/${l.id}/">${escapeHtml(localeMessage(l.id, 'web.home'))}</a> · <a href="/${l.id}/smtp/">SMTP</a></p></section>`,
    )
    .join('\n');
  return shell('404 · protocodes', sections, '<meta name="robots" content="noindex">\n');
}

/** The static build's stand-in for a 301: a page that sends the reader on to the canonical URL. */
export function redirectPage(locale: string, target: string, config: SiteConfig): string {
  const url = `${config.siteUrl}${target}`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(target)}</title>
<link rel="canonical" href="${escapeHtml(url)}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">
</head>
<body>
<p><a href="${escapeHtml(target)}">${escapeHtml(localeMessage(locale, 'web.moved', { url: target }))}</a></p>
</body>
</html>
`;
}

/** Edits between two words, a swap of two neighbours counting as one: `smpt` → `smtp`, `htpp` → `http`. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Pages the reader may have meant by a path the site does not have: a code close to the number
 * typed, in the protocol named (or the one its name is closest to), else what search finds for
 * the path's words.
 */
export function didYouMean(locale: string, path: string): { href: string; label: string }[] {
  let segments: string[];
  try {
    segments = decodeURIComponent(path).split('/').filter(Boolean).slice(1, 4);
  } catch {
    segments = path.split('/').filter(Boolean).slice(1, 4);
  }
  const first = segments[0]?.toLowerCase() ?? '';
  const nearest = first.length >= 3 ? [...protocolList].sort((x, y) => distance(first, x) - distance(first, y))[0] : undefined;
  const protocol: ProtocolId | undefined = isProtocolId(first) ? first : nearest !== undefined && distance(first, nearest) <= 2 ? nearest : undefined;
  const rest = protocol ? segments.slice(1) : segments;
  const typed = rest[0] ?? '';
  if (protocol && /^\d{1,4}$/.test(typed)) {
    // A digit too many (`5541`) is most often a slip on the way to the first three.
    const codes = suggestCodes(protocol, typed.length === 4 ? typed.slice(0, 3) : typed);
    if (codes.length > 0) return codes.map((code) => ({ href: `/${locale}/${protocol}/${code}/`, label: `${protocol.toUpperCase()} ${code} ${codeInfo(locale, protocol, code).texts.title}` }));
  }
  const words = rest.join(' ').replace(/[-_+.]+/g, ' ').slice(0, 100).trim();
  const hits = words === '' ? [] : searchCodes({ query: words, locale, limit: 3, ...(protocol ? { protocol } : {}) }).hits;
  if (hits.length > 0) return hits.map((hit) => ({ href: hit.path, label: hit.kind === 'provider' ? hit.title : `${hit.protocol.toUpperCase()} ${hit.code} ${hit.title}` }));
  return protocol ? [{ href: `/${locale}/${protocol}/`, label: localeMessage(locale, 'web.protocolTitle', { protocol: protocol.toUpperCase() }) }] : [];
}

/** The 404 page of one language, for a path under that language: with the search box and suggestions. */
export function localizedNotFoundPage(locale: string, path: string): Page {
  const say = (id: string, values?: object) => localeMessage(locale, id, values);
  const suggestions = didYouMean(locale, path);
  const list = suggestions.length > 0 ? `<section class="did-you-mean"><h2>${escapeHtml(say('web.didYouMean'))}</h2><ul class="links">${suggestions.map((s) => `<li><a href="${escapeHtml(s.href)}">${escapeHtml(s.label)}</a></li>`).join('')}</ul></section>` : '';
  return {
    locale,
    path: `/${locale}/404.html`,
    pathIn: (l) => `/${l}/404.html`,
    title: `${say('web.notFoundTitle')} · protocodes`,
    description: say('web.notFoundText'),
    breadcrumbs: [{ label: say('web.home'), path: `/${locale}/` }, { label: say('web.notFoundTitle') }],
    noindex: true,
    main: `<h1>${escapeHtml(say('web.notFoundTitle'))}</h1>
<p>${escapeHtml(say('web.notFoundText'))}</p>
${list}
<p><a href="/${locale}/">${escapeHtml(say('web.home'))}</a> · ${protocolList.map((p) => `<a href="/${locale}/${p}/">${p.toUpperCase()}</a>`).join(' · ')} · <a href="/${locale}/explain/">${escapeHtml(say('web.explainHeading'))}</a></p>`,
  };
}
