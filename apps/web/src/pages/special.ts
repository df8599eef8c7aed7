// Pages outside any one locale (the language chooser and the 404 page), and the redirect that
// a pair in reverse order gets in the static build.
import { localeInfo, localeMessage } from '@protocodes/texts';
import type { SiteConfig } from '../config.js';
import { escapeHtml } from '../html.js';

const shell = (title: string, body: string, head = '') => `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
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
