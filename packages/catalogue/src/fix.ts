// `--fix`: mechanical repairs only (key order, reference spelling). Edits are made on the source
// text so that comments, quoting and line breaks stay exactly as the contributor wrote them.
import { writeFileSync } from 'node:fs';
import { isScalar } from 'yaml';
import { forEachString, keyOrderProblems, normalizeReference } from './lint.js';
import { referenceSchema, schemaAt, type JsonSchema } from './schema.js';
import { nodeAt, parseSourceFile, type SourceFile } from './source.js';

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/** Reorders the first out-of-order block map; returns the new text, or undefined if none. */
function reorderOneMap(file: SourceFile, schema: JsonSchema): string | undefined {
  for (const { path, map } of keyOrderProblems(file, schema)) {
    if (map.flow) continue;
    const order = Object.keys(schemaAt(schema, path)?.properties ?? {});

    const text = file.text;
    const chunks = map.items.map((pair, i) => {
      const start = lineStart(text, (pair.key as { range: [number, number] }).range[0]);
      const next = map.items[i + 1];
      const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? start;
      const end = next ? lineStart(text, (next.key as { range: [number, number] }).range[0]) : lineEnd(text, Math.max(valueEnd - 1, start));
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      return { key, start, end, body: text.slice(start, end) };
    });
    const first = chunks[0];
    const last = chunks[chunks.length - 1];
    if (!first || !last) continue;
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    const sorted = [...chunks].sort((a, b) => rank(a.key) - rank(b.key));
    const body = sorted.map((c) => (c.body.endsWith('\n') ? c.body : `${c.body}\n`)).join('');
    return text.slice(0, first.start) + body + text.slice(last.end);
  }
  return undefined;
}

function fixReferences(file: SourceFile, schema: JsonSchema): string | undefined {
  const edits: { start: number; end: number; value: string }[] = [];
  forEachString(schema, file.data, (path, text, sub) => {
    if (sub !== referenceSchema) return;
    const normalized = normalizeReference(text);
    const node = nodeAt(file, path);
    if (normalized && normalized !== text && isScalar(node) && node.range) {
      edits.push({ start: node.range[0], end: node.range[1], value: normalized });
    }
  });
  if (edits.length === 0) return undefined;
  let text = file.text;
  for (const { start, end, value } of edits.sort((x, y) => y.start - x.start)) {
    text = text.slice(0, start) + value + text.slice(end);
  }
  return text;
}

/** Applies every mechanical fix to one file; writes it when something changed. */
export function fixFile(absolutePath: string, file: SourceFile, schema: JsonSchema): boolean {
  if (file.data === undefined) return false;
  let current = file;
  let changed = false;
  for (let pass = 0; pass < 50; pass++) {
    const next = fixReferences(current, schema) ?? reorderOneMap(current, schema);
    if (next === undefined) break;
    current = parseSourceFile(next, current.path);
    changed = true;
  }
  if (changed) writeFileSync(absolutePath, current.text);
  return changed;
}
