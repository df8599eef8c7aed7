// `--fix`: mechanical repairs only (key order, reference spelling). Edits are made on the source
// text so that comments, quoting and line breaks stay exactly as the contributor wrote them.
import { writeFileSync } from 'node:fs';
import { isMap, isScalar, parse } from 'yaml';
import type { Catalogue } from './model.js';
import { protocolSourceTexts, sourceHash, translationSources } from './translations.js';
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
/** Puts the keys of every misordered map in schema order; maps inside one being moved wait a pass. */
function reorderMaps(file: SourceFile, schema: JsonSchema): string | undefined {
  const text = file.text;
  const edits: { start: number; end: number; body: string }[] = [];
  for (const { path, map } of keyOrderProblems(file, schema)) {
    if (map.flow) continue;
    const order = Object.keys(schemaAt(schema, path)?.properties ?? {});
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
    if (edits.some((edit) => first.start < edit.end && last.end > edit.start)) continue;
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    const sorted = [...chunks].sort((a, b) => rank(a.key) - rank(b.key));
    edits.push({ start: first.start, end: last.end, body: sorted.map((c) => (c.body.endsWith('\n') ? c.body : `${c.body}\n`)).join('') });
  }
  if (edits.length === 0) return undefined;
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.body + result.slice(edit.end);
  return result;
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
export function fixFile(file: SourceFile, schema: JsonSchema): boolean {
  if (file.data === undefined) return false;
  let current = file;
  let changed = false;
  for (let pass = 0; pass < 50; pass++) {
    const next = fixReferences(current, schema) ?? reorderMaps(current, schema);
    if (next === undefined) break;
    current = { ...parseSourceFile(next, current.path), absolutePath: file.absolutePath };
    changed = true;
  }
  if (changed) writeFileSync(file.absolutePath!, current.text);
  return changed;
}

/**
 * Records, for translations that have none yet, the hash of the English they were made from.
 * Stale hashes are never touched: those need a person to compare the texts first.
 */
export function stampTranslations(catalogue: Catalogue): string[] {
  const changed: string[] = [];
  const english = catalogue.locales.find((l) => l.id === 'en')?.messages?.value;
  for (const locale of catalogue.locales) {
    if (locale.id === 'en') continue;
    for (const { id, translations } of locale.protocols) {
      const protocol = catalogue.protocols.find((p) => p.id === id);
      if (!protocol) continue;
      const sources: [string[], unknown][] = [
        [['protocol'], protocolSourceTexts(protocol.protocol.value)],
        ...translationSources(protocol).map(({ section, id, texts }) => [[section, id], texts] as [string[], unknown]),
      ];
      const inserts: { offset: number; line: string }[] = [];
      for (const [path, source] of sources) {
        const node = nodeAt(translations.file, path);
        const entry = valueAt(translations.value, path) as { source?: string } | undefined;
        if (!entry || entry.source || !isMap(node) || node.flow || !node.items[0]?.key) continue;
        const keyStart = (node.items[0].key as { range: [number, number] }).range[0];
        const start = lineStart(translations.file.text, keyStart);
        inserts.push({ offset: start, line: `${' '.repeat(keyStart - start)}source: ${yamlString(sourceHash(source))}\n` });
      }
      if (inserts.length === 0) continue;
      let text = translations.file.text;
      for (const { offset, line } of inserts.sort((a, b) => b.offset - a.offset)) text = text.slice(0, offset) + line + text.slice(offset);
      writeFileSync(translations.file.absolutePath!, text);
      changed.push(translations.file.path);
    }

    const messages = locale.messages;
    if (!messages || !english) continue;
    const current = messages.value.sources ?? {};
    const next: Record<string, string> = {};
    for (const [group, entries] of Object.entries(messages.value.messages)) {
      for (const [key] of Object.entries(entries)) {
        const source = english.messages[group]?.[key];
        if (source === undefined) continue;
        next[`${group}.${key}`] = current[`${group}.${key}`] ?? sourceHash(source);
      }
    }
    if (JSON.stringify(next) === JSON.stringify(current)) continue;
    const text = messages.file.text;
    const blockStart = /^sources:/m.exec(text)?.index;
    let body = text;
    if (blockStart !== undefined) {
      const rest = text.slice(text.indexOf('\n', blockStart) + 1);
      const after = rest.search(/^\S/m);
      body = text.slice(0, blockStart) + (after < 0 ? '' : rest.slice(after));
    }
    const block = `sources:\n${Object.entries(next).map(([id, hash]) => `  ${id}: ${yamlString(hash)}\n`).join('')}`;
    writeFileSync(messages.file.absolutePath!, `${body.trimEnd()}\n${block}`);
    changed.push(messages.file.path);
  }
  return changed;
}

function valueAt(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);
}

/** A hash as YAML: quoted when it would otherwise read as a number (`123456789012`, `12e345678901`). */
function yamlString(value: string): string {
  return parse(value) === value ? value : `"${value}"`;
}
