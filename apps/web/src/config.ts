// What the site is built with: its public address and its editorial choices.

export interface SiteConfig {
  /** The public origin, without a trailing slash; canonical links, hreflang and sitemaps use it. */
  siteUrl: string;
}

export function siteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const siteUrl = (env.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+$/.test(siteUrl)) {
    throw new Error(`SITE_URL=${JSON.stringify(env.SITE_URL)} must be an origin such as https://protocodes.example.org`);
  }
  return { siteUrl };
}

/** The codes people look up most, shown on the home page (an editorial list, not analytics). */
export const FEATURED_CODES: Readonly<Record<string, readonly number[]>> = {
  smtp: [550, 554, 421, 450, 451, 535, 530, 552],
  http: [404, 502, 503, 403, 301, 429, 500, 504],
  ftp: [530, 550, 425, 421],
};
