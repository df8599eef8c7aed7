// robots.txt, the sitemap index and one sitemap per locale, and the per-locale search index.
import { protocolList } from '@protocodes/core';
import { availableLocales, searchDocuments } from '@protocodes/texts';
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

/** What the search box loads on first use: each code's fields, already folded. */
export function searchIndex(locale: string): string {
  const documents = protocolList.flatMap((protocol) =>
    searchDocuments(protocol, locale).map((d) => ({
      p: protocol,
      c: d.code,
      t: d.title,
      s: d.summary,
      f: d.fields.map((f) => [f.field, f.folded]),
    })),
  );
  return JSON.stringify({ locale, documents });
}
