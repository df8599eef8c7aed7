// robots.txt, the sitemap index and one sitemap per locale, and the per-locale search index.
import { availableLocales, localeMessage, searchEntries } from '@protocodes/texts';
import type { SiteConfig } from './config.js';
import { escapeXml } from './html.js';
import { pageRoutes, pathOf, type Route } from './routes.js';

export function robotsTxt(config: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${config.siteUrl}/sitemap.xml\n`;
}

export function sitemapIndex(config: SiteConfig): string {
  const entries = availableLocales.map((l) => `  <sitemap><loc>${escapeXml(`${config.siteUrl}/sitemaps/${l}.xml`)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/** Every page of one locale once, each with its alternates in every language. */
export function sitemap(locale: string, config: SiteConfig): string {
  const urls = [...pageRoutes(locale)].map((route) => {
    const path = pathOf(route);
    const alternates = availableLocales
      .map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(config.siteUrl + pathOf({ ...route, locale: l } as Route))}"/>`)
      .join('');
    return `  <url><loc>${escapeXml(config.siteUrl + path)}</loc>${alternates}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

/** What the search box loads on first use: every entry search-core ranks, with its fields' texts. */
export function searchIndex(locale: string): string {
  // The words the box shows besides results travel with the index, not in every page.
  const messages = { explain: localeMessage(locale, 'web.searchExplain'), tryExplain: localeMessage(locale, 'web.searchTryExplain') };
  return JSON.stringify({ locale, messages, entries: searchEntries(locale) });
}
