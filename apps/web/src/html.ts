// Escaping for the page shell. Every value that reaches HTML goes through one of these.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so text cannot end the script. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function escapeXml(text: string): string {
  return escapeHtml(text);
}

/** Places a fragment the site made (a figure) before a landmark of a rendered text; fails loudly if the landmark moved. */
export function insertBefore(html: string, landmark: string, fragment: string): string {
  const at = html.indexOf(landmark);
  if (at < 0) throw new Error(`the rendered text has no ${landmark} to place the figure before`);
  return `${html.slice(0, at)}${fragment}\n${html.slice(at)}`;
}
