// /docs: a readable page made from the OpenAPI document, so the two cannot disagree. It has the
// web site's colours and header, and renders the little Markdown the descriptions use.
import { openApiDocument } from './openapi.js';
import { PROBLEM_TYPES } from './problems.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `code`, **strong** and [links](https://…) of an OpenAPI description, everything else escaped. */
export function markdownInline(text: string): string {
  return escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https:\/\/[^\s)]+|\/[^\s)]*)\)/g, '<a href="$2">$1</a>');
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string; enum?: readonly string[]; default?: unknown; minimum?: number; maximum?: number; maxLength?: number };
}

interface Operation {
  summary: string;
  description?: string;
  parameters?: readonly Parameter[];
  requestBody?: { content: Record<string, unknown> };
}

function schemaNote(schema: Parameter['schema']): string {
  if (!schema) return '';
  const parts: string[] = [];
  if (schema.enum) parts.push(`one of ${schema.enum.map((v) => `<code>${escape(v)}</code>`).join(', ')}`);
  else if (schema.type) parts.push(escape(schema.type));
  if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`${schema.minimum}–${schema.maximum}`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.default !== undefined) parts.push(`default <code>${escape(String(schema.default))}</code>`);
  return parts.length > 0 ? ` <span class="schema">(${parts.join('; ')})</span>` : '';
}

function operationSection(method: string, path: string, operation: Operation): string {
  const parameters = (operation.parameters ?? [])
    .map((p) => `<tr><td><code>${escape(p.name)}</code>${p.required ? ' <span class="required">required</span>' : ''}</td><td>${escape(p.in)}</td><td>${markdownInline(p.description ?? '')}${schemaNote(p.schema)}</td></tr>`)
    .join('');
  const table = parameters ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Meaning</th></tr></thead><tbody>${parameters}</tbody></table>` : '';
  const body = operation.requestBody ? `<p>Body: ${Object.keys(operation.requestBody.content).map((type) => `<code>${escape(type)}</code>`).join(', ')}.</p>` : '';
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '').toLowerCase();
  return `<section id="${id}"><h2><code>${method.toUpperCase()} ${escape(path)}</code></h2><p>${markdownInline(operation.summary)}.${operation.description ? ` ${markdownInline(operation.description)}` : ''}</p>${table}${body}</section>`;
}

const STYLE = `:root{color-scheme:light dark;--text:#1b1f24;--muted:#4b5563;--bg:#fff;--surface:#f4f5f7;--line:#d5d9e0;--link:#0b57d0}
@media (prefers-color-scheme:dark){:root{--text:#e8eaed;--muted:#b0b6bf;--bg:#121417;--surface:#1d2025;--line:#3a3f47;--link:#8ab4f8}}
*{box-sizing:border-box}html{font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--text);background:var(--bg)}
body{max-width:56rem;margin:0 auto;padding:0 1rem 3rem}a{color:var(--link)}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.8rem 0;border-bottom:1px solid var(--line)}
.brand{font-weight:700;font-size:1.15rem;text-decoration:none;color:var(--text)}
code{font:.92em ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;background:var(--surface);padding:0 .25em;border-radius:3px;overflow-wrap:anywhere}
h1{font-size:1.8rem;line-height:1.25}h2{font-size:1.15rem;margin-top:2rem}
table{width:100%;border-collapse:collapse;font-size:.95rem;table-layout:fixed}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-top:1px solid var(--line);overflow-wrap:anywhere}
th:nth-child(1),td:nth-child(1){width:30%}th:nth-child(2),td:nth-child(2){width:4.5rem}
.required{color:var(--muted);font-size:.85em}.schema{color:var(--muted)}
section{border-top:1px solid var(--line);margin-top:1.5rem}`;

export function docsPage(): string {
  const routes = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => operationSection(method, path, operation)),
  );
  const problems = Object.entries(PROBLEM_TYPES).map(([type, { status, title }]) => `<li id="problem-${type}"><code>${type}</code>: ${status} ${escape(title)}</li>`);
  return `<!doctype html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>protocodes API</title>
<meta name="description" content="The protocodes HTTP API: status codes of SMTP, HTTP and FTP explained and compared, as JSON, text, Markdown or HTML.">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 64 64%22%3E%3Crect width=%2264%22 height=%2264%22 rx=%2214%22 fill=%22%230b57d0%22/%3E%3C/svg%3E">
<style>${STYLE}</style></head>
<body>
<header><a class="brand" href="/">protocodes</a><nav aria-label="Site"><a href="/">Back to the site</a> · <a href="/v1/openapi.json">OpenAPI document</a></nav></header>
<main>
<h1>protocodes API</h1>
<p>${markdownInline(openApiDocument.info.description)} The machine-readable description is at <a href="/v1/openapi.json"><code>/v1/openapi.json</code></a>.</p>
<p>Example: <a href="/v1/smtp/compare/235/554?lang=vi&amp;format=text"><code>/v1/smtp/compare/235/554?lang=vi&amp;format=text</code></a></p>
${routes.join('\n')}
<section id="problems"><h2>Problems</h2><p>Errors are <code>application/problem+json</code> with <code>type</code>, <code>title</code>, <code>status</code> and <code>detail</code>, and <code>suggestions</code> or <code>allowed</code> where they help.</p><ul>${problems.join('')}</ul></section>
</main>
</body>
</html>
`;
}
