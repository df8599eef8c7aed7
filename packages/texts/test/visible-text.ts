// For tests: the text a reader sees in an HTML fragment, with every tag replaced by `separator`
// (a mark that is not white space keeps table cells from running into one another).
export function visibleHtml(html: string, separator: string): string {
  return html
    .replace(/<[^>]+>/g, separator)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x60;/g, '`')
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&');
}
