// The page shell every HTML page shares: head (title, description, canonical, hreflang, Open
// Graph, JSON-LD), the header with search and language switch, breadcrumbs, and the footer.
import { availableLocales, isolateLeftToRight, localeInfo, localeMessage } from '@protocodes/texts';
import type { SiteConfig } from './config.js';
import { escapeHtml, jsonForScript } from './html.js';

export interface Page {
  locale: string;
  /** The path of this page in its locale; `pathIn` gives the same page in another locale. */
  path: string;
  pathIn: (locale: string) => string;
  title: string;
  description: string;
  /** Trail above the content; the last item is this page. */
  breadcrumbs: { label: string; path?: string }[];
  main: string;
  jsonLd?: object;
  ogType?: 'website' | 'article';
  /** Module scripts besides search, such as the reply explainer. */
  scripts?: string[];
  /** Kept out of search engines (the 404 page). */
  noindex?: boolean;
}

const OG_LOCALE: Record<string, string> = { en: 'en_US', vi: 'vi_VN' };

export function ogLocale(locale: string): string {
  if (OG_LOCALE[locale]) return OG_LOCALE[locale]!;
  const max = new Intl.Locale(locale).maximize();
  return `${max.language}_${max.region ?? max.language.toUpperCase()}`;
}

export function renderPage(page: Page, config: SiteConfig): string {
  const info = localeInfo.find((l) => l.id === page.locale)!;
  const say = (id: string, values?: object) => escapeHtml(localeMessage(page.locale, id, values));
  const url = (path: string) => `${config.siteUrl}${path}`;
  const alternates = [
    ...availableLocales.map((l) => `<link rel="alternate" hreflang="${l}" href="${escapeHtml(url(page.pathIn(l)))}">`),
    `<link rel="alternate" hreflang="x-default" href="${escapeHtml(url(page.pathIn('en')))}">`,
  ].join('\n');
  const languages = localeInfo
    .map((l) =>
      l.id === page.locale
        ? `<li><a href="${escapeHtml(page.path)}" lang="${l.id}" hreflang="${l.id}" aria-current="true">${escapeHtml(l.name)}</a></li>`
        : `<li><a href="${escapeHtml(page.pathIn(l.id))}" lang="${l.id}" hreflang="${l.id}">${escapeHtml(l.name)}</a></li>`,
    )
    .join('');
  // Codes and wire texts in right-to-left pages: the texts' own output is isolated already.
  const isolate = (html: string) => (info.dir === 'rtl' ? isolateLeftToRight(html) : html);
  const crumbs = page.breadcrumbs
    .map((c, i) => (i === page.breadcrumbs.length - 1 || !c.path ? `<li aria-current="page">${escapeHtml(c.label)}</li>` : `<li><a href="${escapeHtml(c.path)}">${escapeHtml(c.label)}</a></li>`))
    .join('');
  const home = `/${page.locale}/`;
  return `<!doctype html>
<html lang="${page.locale}" dir="${info.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<meta name="description" content="${escapeHtml(page.description)}">
${page.noindex ? '<meta name="robots" content="noindex">' : `<link rel="canonical" href="${escapeHtml(url(page.path))}">\n${alternates}`}
<meta property="og:type" content="${page.ogType ?? 'article'}">
<meta property="og:site_name" content="protocodes">
<meta property="og:title" content="${escapeHtml(page.title)}">
<meta property="og:description" content="${escapeHtml(page.description)}">
<meta property="og:url" content="${escapeHtml(url(page.path))}">
<meta property="og:locale" content="${ogLocale(page.locale)}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="stylesheet" href="/assets/site.css">
<script type="module" src="/assets/search.js"></script>
${(page.scripts ?? []).map((src) => `<script type="module" src="${escapeHtml(src)}"></script>\n`).join('')}${page.jsonLd ? `<script type="application/ld+json">${jsonForScript(page.jsonLd)}</script>\n` : ''}</head>
<body>
<a class="skip" href="#main">${say('web.skipLink')}</a>
<header class="site">
<a class="brand" href="${home}">protocodes</a>
<form class="search" role="search" action="/${page.locale}/smtp/" method="get" data-index="/${page.locale}/search-index.json" data-loading="${say('web.searchLoading')}" data-empty="${escapeHtml(localeMessage(page.locale, 'label.noMatches', { query: '{query}' }))}" data-explain="/${page.locale}/explain/">
<label for="q">${say('web.searchLabel')}</label>
<input id="q" name="q" type="search" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="search-results" placeholder="${say('web.searchPlaceholder')}" autocomplete="off" spellcheck="false">
<button type="submit">${say('web.searchButton')}</button>
<div class="search-panel" hidden><ul id="search-results" role="listbox" aria-label="${say('web.searchResults')}"></ul><p class="search-status" role="status"></p></div>
</form>
<nav class="languages" aria-label="${say('web.language')}"><ul>${languages}</ul></nav>
</header>
<nav class="breadcrumbs" aria-label="${say('web.breadcrumb')}"><ol>${isolate(crumbs)}</ol></nav>
<main id="main" tabindex="-1">
${isolate(page.main)}
</main>
<footer class="site"><p>${say('web.footer')} <a href="/docs">${say('web.apiLink')}</a></p></footer>
</body>
</html>
`;
}
