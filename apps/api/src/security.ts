// Response headers that keep a browser from misusing what the site and the API send: no type
// sniffing, no framing, no referrer leaks, and a Content-Security-Policy per kind of body.

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

/** Data (JSON, text, Markdown, problems): nothing in it may load or run. */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The site's pages: their own scripts, styles and images only; JSON-LD is data, not script. */
export const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** /docs: one page with its stylesheet inline and no script. */
export const DOCS_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export function securityHeaders(policy: string): Record<string, string> {
  return { ...SECURITY_HEADERS, 'content-security-policy': policy };
}
