// /docs: a readable page made from the OpenAPI document, so the two cannot disagree.
import { openApiDocument } from './openapi.js';
import { PROBLEM_TYPES } from './problems.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function docsPage(): string {
  const routes = Object.entries(openApiDocument.paths).map(([path, item]) => {
    const operation = item.get as { summary: string; description?: string; parameters?: readonly { name: string; in: string; description?: string }[] };
    const parameters = (operation.parameters ?? []).map((p) => `<li><code>${escape(p.name)}</code> (${p.in})${p.description ? `: ${escape(p.description)}` : ''}</li>`).join('');
    return `<section><h2><code>GET ${escape(path)}</code></h2><p>${escape(operation.summary)}.${operation.description ? ` ${escape(operation.description)}` : ''}</p>${parameters ? `<ul>${parameters}</ul>` : ''}</section>`;
  });
  const problems = Object.entries(PROBLEM_TYPES).map(([type, { status, title }]) => `<li id="problem-${type}"><code>${type}</code>: ${status} ${escape(title)}</li>`);
  return `<!doctype html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>protocodes API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}code{background:#f2f2f2;padding:0 .2em}@media (prefers-color-scheme:dark){body{color:#eee;background:#121212}code{background:#2a2a2a}}</style></head>
<body>
<h1>protocodes API</h1>
<p>${escape(openApiDocument.info.description)} The machine-readable description is at <a href="/v1/openapi.json"><code>/v1/openapi.json</code></a>.</p>
<p>Example: <a href="/v1/smtp/compare/235/554?lang=vi&amp;format=text"><code>/v1/smtp/compare/235/554?lang=vi&amp;format=text</code></a></p>
${routes.join('\n')}
<section><h2>Problems</h2><p>Errors are <code>application/problem+json</code> with <code>type</code>, <code>title</code>, <code>status</code> and <code>detail</code>, and <code>suggestions</code> or <code>allowed</code> where they help.</p><ul>${problems.join('')}</ul></section>
</body>
</html>
`;
}
