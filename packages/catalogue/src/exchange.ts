// Translations as files for translators' tools: export a locale as XLIFF 2.0 or gettext PO (one
// unit per English text, with the hash of the entry it belongs to), and import such a file back
// into catalogue/locales/<locale>/, refusing units whose English changed since the export.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import gettextParser from 'gettext-parser';
import js2xliff from 'xliff/js2xliff';
import xliff2js from 'xliff/xliff2js';
import { Document, isMap, parseDocument, Scalar } from 'yaml';
import type { Catalogue, LocaleCatalogue } from './model.js';
import { protocolSourceTexts, sourceHash, translationSources } from './translations.js';

export const EXCHANGE_FORMATS = ['xliff', 'po'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

/** One English text and its translation. `file` is `messages` or a protocol id. */
export interface ExchangeUnit {
  file: string;
  /** Where the text sits in that file: `codes/554/howToFix/sender`, `sentence.outcome`. */
  id: string;
  source: string;
  target?: string;
  /** The hash of the English entry the text belongs to, as translations record it. */
  hash: string;
}

export class ExchangeError extends Error {
  override name = 'ExchangeError';
}

interface EntryUnits {
  file: string;
  /** The entry's path in the locale file: `['codes', '554']`, `['protocol']`. */
  path: string[];
  hash: string;
  /** Leaf path inside the entry → English text. */
  leaves: Map<string, string>;
  /** The locale's current translation of the entry, when it was made from this English. */
  fresh?: Record<string, unknown>;
}

function leavesOf(value: unknown, path: string[] = [], out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path.join('/'), value);
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) leavesOf(child, [...path, key], out);
  return out;
}

function entryAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}

/** Every translatable entry of the catalogue, with the locale's fresh translation when there is one. */
function entriesFor(catalogue: Catalogue, locale: LocaleCatalogue): EntryUnits[] {
  const entries: EntryUnits[] = [];
  const english = catalogue.locales.find((l) => l.id === 'en')?.messages?.value;
  if (!english) throw new ExchangeError('the catalogue has no English messages (locales/en/messages.yaml)');
  for (const [group, messages] of Object.entries(english.messages)) {
    for (const [key, source] of Object.entries(messages)) {
      const id = `${group}.${key}`;
      const hash = sourceHash(source);
      const target = locale.messages?.value.messages[group]?.[key];
      const fresh = target !== undefined && locale.messages?.value.sources?.[id] === hash ? { text: target } : undefined;
      entries.push({ file: 'messages', path: [group, key], hash, leaves: new Map([['text', source]]), ...(fresh ? { fresh } : {}) });
    }
  }
  for (const protocol of catalogue.protocols) {
    const translations = locale.protocols.find((p) => p.id === protocol.id)?.translations.value;
    const sources: [string[], unknown][] = [
      [['protocol'], protocolSourceTexts(protocol.protocol.value)],
      ...translationSources(protocol).map(({ section, id, texts }) => [[section, id], texts] as [string[], unknown]),
    ];
    for (const [path, texts] of sources) {
      const hash = sourceHash(texts);
      const current = entryAt(translations, path) as ({ source?: string } & Record<string, unknown>) | undefined;
      entries.push({ file: protocol.id, path, hash, leaves: leavesOf(texts), ...(current?.source === hash ? { fresh: current } : {}) });
    }
  }
  return entries;
}

function unitId(entry: EntryUnits, leaf: string): string {
  return entry.file === 'messages' ? entry.path.join('.') : [...entry.path, leaf].join('/');
}

/** The units of a locale: every English text, with the fresh translation as target. */
export function exportUnits(catalogue: Catalogue, localeId: string): ExchangeUnit[] {
  const locale = requireLocale(catalogue, localeId);
  return entriesFor(catalogue, locale).flatMap((entry) =>
    [...entry.leaves].map(([leaf, source]) => {
      const target = entry.fresh ? entryAt(entry.fresh, leaf.split('/')) : undefined;
      return { file: entry.file, id: unitId(entry, leaf), source, hash: entry.hash, ...(typeof target === 'string' ? { target } : {}) };
    }),
  );
}

function requireLocale(catalogue: Catalogue, localeId: string): LocaleCatalogue {
  if (localeId === 'en') throw new ExchangeError('English is the source language; export another locale, such as vi');
  const locale = catalogue.locales.find((l) => l.id === localeId);
  if (!locale?.messages) {
    const known = catalogue.locales.filter((l) => l.id !== 'en').map((l) => l.id);
    throw new ExchangeError(
      `there is no locale ${JSON.stringify(localeId)} in the catalogue (${known.join(', ') || 'none yet'}); to start one, create locales/${localeId}/messages.yaml with draft: true (see catalogue/README.md)`,
    );
  }
  return locale;
}

const HASH_NOTE = /^source-hash ([0-9a-f]{12})$/;

/** The units as an XLIFF 2.0 document: one `<file>` per catalogue file, the hash as a note. */
export async function toXliff(units: readonly ExchangeUnit[], localeId: string): Promise<string> {
  const resources: Record<string, Record<string, { source: string; target?: string; note: string }>> = {};
  for (const unit of units) (resources[unit.file] ??= {})[unit.id] = { source: unit.source, ...(unit.target !== undefined ? { target: unit.target } : {}), note: `source-hash ${unit.hash}` };
  return `${await js2xliff({ sourceLanguage: 'en', targetLanguage: localeId, resources })}\n`;
}

/** The units as a gettext PO file: the unit's place as msgctxt, the hash as an extracted comment. */
export function toPo(units: readonly ExchangeUnit[], localeId: string): string {
  const translations: Record<string, Record<string, object>> = { '': { '': { msgid: '', msgstr: [''] } } };
  for (const unit of units) {
    const context = `${unit.file}:${unit.id}`;
    translations[context] = { [unit.source]: { msgctxt: context, msgid: unit.source, msgstr: [unit.target ?? ''], comments: { extracted: `source-hash ${unit.hash}` } } };
  }
  const headers = { 'Project-Id-Version': 'protocodes catalogue', Language: localeId, 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=UTF-8', 'Content-Transfer-Encoding': '8bit' };
  return gettextParser.po.compile({ charset: 'utf-8', headers, translations }, { foldLength: 0 }).toString('utf8') + '\n';
}

/** Reads an exported file back into units; the format is told by its content, not its name. */
export async function readExchangeFile(text: string): Promise<{ locale: string; units: ExchangeUnit[] }> {
  if (/^\s*(?:<\?xml[^>]*>\s*)?<xliff\b/.test(text)) return readXliff(text);
  if (/^\s*(?:#.*\n\s*)*msg(?:ctxt|id)\s/m.test(text)) return readPo(text);
  throw new ExchangeError('this is neither an XLIFF 2.0 file nor a gettext PO file; import takes what `catalogue:export` writes');
}

async function readXliff(text: string): Promise<{ locale: string; units: ExchangeUnit[] }> {
  let parsed: { targetLanguage?: string; resources?: Record<string, Record<string, { source?: unknown; target?: unknown; note?: unknown }>> };
  try {
    parsed = await xliff2js(text);
  } catch (error) {
    throw new ExchangeError(`the XLIFF file cannot be read: ${(error as Error).message}`);
  }
  if (!parsed.targetLanguage) throw new ExchangeError('the XLIFF file has no trgLang: it does not say which locale it translates');
  const units: ExchangeUnit[] = [];
  for (const [file, entries] of Object.entries(parsed.resources ?? {})) {
    for (const [id, unit] of Object.entries(entries)) {
      const note = Array.isArray(unit.note) ? unit.note.join('\n') : unit.note;
      const hash = typeof note === 'string' ? HASH_NOTE.exec(note.trim())?.[1] : undefined;
      units.push({ file, id, source: typeof unit.source === 'string' ? unit.source : '', hash: hash ?? '', ...(typeof unit.target === 'string' && unit.target !== '' ? { target: unit.target } : {}) });
    }
  }
  return { locale: parsed.targetLanguage, units };
}

function readPo(text: string): { locale: string; units: ExchangeUnit[] } {
  let parsed: ReturnType<typeof gettextParser.po.parse>;
  try {
    parsed = gettextParser.po.parse(text, 'utf-8');
  } catch (error) {
    throw new ExchangeError(`the PO file cannot be read: ${(error as Error).message}`);
  }
  const locale = parsed.headers.Language ?? parsed.headers.language;
  if (!locale) throw new ExchangeError('the PO file has no Language header: it does not say which locale it translates');
  const units: ExchangeUnit[] = [];
  for (const [context, messages] of Object.entries(parsed.translations)) {
    if (context === '') continue;
    const colon = context.indexOf(':');
    for (const message of Object.values(messages)) {
      const hash = HASH_NOTE.exec(message.comments?.extracted?.trim() ?? '')?.[1] ?? '';
      const target = message.msgstr[0];
      units.push({ file: context.slice(0, colon), id: context.slice(colon + 1), source: message.msgid, hash, ...(target ? { target } : {}) });
    }
  }
  return { locale: locale.replace(/_/g, '-'), units };
}

export interface ImportResult {
  locale: string;
  /** Files rewritten, relative to the catalogue. */
  written: string[];
  /** Entries whose translation was new or different. */
  changed: number;
  /** Entries left alone because some of their texts have no target yet. */
  incomplete: string[];
}

/**
 * Writes the translated units into the locale's files, with the hashes of their English. Refuses
 * the whole file, writing nothing, when a unit is not in the catalogue, its English text differs,
 * or its entry's English changed since the export.
 */
export function importUnits(catalogue: Catalogue, localeId: string, units: readonly ExchangeUnit[]): ImportResult {
  const locale = requireLocale(catalogue, localeId);
  const entries = entriesFor(catalogue, locale);
  const byUnit = new Map<string, { entry: EntryUnits; leaf: string }>();
  for (const entry of entries) for (const leaf of entry.leaves.keys()) byUnit.set(`${entry.file}:${unitId(entry, leaf)}`, { entry, leaf });
  const problems: string[] = [];
  const targets = new Map<EntryUnits, Map<string, string>>();
  for (const unit of units) {
    const known = byUnit.get(`${unit.file}:${unit.id}`);
    if (!known) {
      problems.push(`${unit.file}:${unit.id} is not in the catalogue: it was renamed or removed since the export`);
      continue;
    }
    if (unit.hash !== known.entry.hash) {
      const what = known.entry.file === 'messages' ? `message ${known.entry.path.join('.')}` : `${known.entry.file} ${known.entry.path.join('/')}`;
      problems.push(`${unit.file}:${unit.id} is stale: the English of ${what} changed since the export`);
      continue;
    }
    if (unit.source !== known.entry.leaves.get(known.leaf)) {
      problems.push(`${unit.file}:${unit.id} does not match: its source text is not the catalogue's English`);
      continue;
    }
    if (unit.target !== undefined) {
      let map = targets.get(known.entry);
      if (!map) targets.set(known.entry, (map = new Map()));
      map.set(known.leaf, unit.target);
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => `  ${p}`).join('\n');
    throw new ExchangeError(
      `nothing imported: ${problems.length} unit${problems.length === 1 ? '' : 's'} cannot be used\n${shown}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}\nexport the locale again and carry the translations over`,
    );
  }
  const incomplete: string[] = [];
  const folder = join(catalogue.root, 'locales', localeId);
  const edits = new Map<string, { path: string[]; value: unknown }[]>();
  const edit = (file: string, path: string[], value: unknown) => {
    let list = edits.get(file);
    if (!list) edits.set(file, (list = []));
    list.push({ path, value });
  };
  let changed = 0;
  for (const [entry, texts] of targets) {
    if (texts.size < entry.leaves.size) {
      incomplete.push(`${entry.file}:${entry.path.join('/')}`);
      continue;
    }
    if (entry.file === 'messages') {
      const text = texts.get('text')!;
      if (entry.fresh?.text === text) continue;
      edit('messages', ['messages', ...entry.path], text);
      edit('messages', ['sources', entry.path.join('.')], entry.hash);
      changed++;
      continue;
    }
    const english = sourceTextsOf(catalogue, entry);
    const value = { source: entry.hash, ...(withLeaves(english, texts) as Record<string, unknown>) };
    if (entry.fresh && sameTexts(value, entry.fresh)) continue;
    edit(entry.file, entry.path, value);
    changed++;
  }
  const written: string[] = [];
  for (const [file, list] of edits) {
    const path = join(folder, `${file}.yaml`);
    let text = existsSync(path) ? readFileSync(path, 'utf8') : `# Translations of the ${file} entries into ${localeId}.\n`;
    for (const { path: at, value } of list) text = setInText(text, at, value);
    writeFileSync(path, text);
    written.push(`locales/${localeId}/${file}.yaml`);
  }
  return { locale: localeId, written, changed, incomplete };
}

/** Equal texts, whatever order the keys were written in. */
function sameTexts(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => sameTexts((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** The English texts of an entry, to give a translation the same shape (maps stay maps, lists lists). */
function sourceTextsOf(catalogue: Catalogue, entry: EntryUnits): unknown {
  const protocol = catalogue.protocols.find((p) => p.id === entry.file)!;
  if (entry.path[0] === 'protocol') return protocolSourceTexts(protocol.protocol.value);
  return translationSources(protocol).find((e) => e.section === entry.path[0] && e.id === entry.path[1])!.texts;
}

/** `shape` with each string leaf replaced by the text at its path. */
function withLeaves(shape: unknown, texts: ReadonlyMap<string, string>, path: string[] = []): unknown {
  if (typeof shape === 'string') return texts.get(path.join('/'));
  if (Array.isArray(shape)) return shape.map((item, i) => withLeaves(item, texts, [...path, String(i)]));
  if (shape && typeof shape === 'object') return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, withLeaves(v, texts, [...path, k])]));
  return shape;
}

/**
 * Sets `path` to `value` by editing the YAML text: the pair's lines are replaced, or new lines are
 * added at the end of its parent map, so every other line of the file stays as it was written.
 */
export function setInText(text: string, path: readonly string[], value: unknown): string {
  const document = parseDocument(text);
  const pair = findPair(document, path);
  if (pair) {
    const start = lineStart(text, pair.keyStart);
    const end = lineEnd(text, pair.valueEnd);
    return text.slice(0, start) + render(path.at(-1)!, value, pair.keyStart - start) + text.slice(end);
  }
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length ? findPair(document, parentPath) : undefined;
  if (parentPath.length && !parent) {
    // No parent yet: create it, then add to it.
    return setInText(setInText(text, parentPath, {}), path, value);
  }
  const container = parentPath.length ? document.getIn(parentPath, true) : document.contents;
  const items = isMap(container) ? container.items : [];
  const last = items.at(-1);
  if (last && isScalarLike(last.key)) {
    const keyStart = (last.key as { range: [number, number, number] }).range[0];
    const lastEnd = lineEnd(text, rangeEnd(last));
    return text.slice(0, lastEnd) + render(path.at(-1)!, value, keyStart - lineStart(text, keyStart)) + text.slice(lastEnd);
  }
  if (parent) {
    // An empty map (`key: {}`): replace it by the map with one entry.
    const start = lineStart(text, parent.keyStart);
    const end = lineEnd(text, parent.valueEnd);
    return text.slice(0, start) + render(parentPath.at(-1)!, { [path.at(-1)!]: value }, parent.keyStart - start) + text.slice(end);
  }
  const body = text.replace(/^\{\}\n?$/m, '');
  return `${body}${body.endsWith('\n') || body === '' ? '' : '\n'}${render(path.at(-1)!, value, 0)}`;
}

function isScalarLike(key: unknown): boolean {
  return !!key && typeof key === 'object' && 'range' in key;
}

function rangeEnd(pair: { key: unknown; value: unknown }): number {
  const node = (pair.value ?? pair.key) as { range: [number, number, number] };
  return node.range[1];
}

function findPair(document: Document, path: readonly string[]): { keyStart: number; valueEnd: number } | undefined {
  const container = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
  if (!isMap(container)) return undefined;
  const pair = container.items.find((item) => String((item.key as { value?: unknown })?.value ?? item.key) === path.at(-1));
  if (!pair || !isScalarLike(pair.key)) return undefined;
  return { keyStart: (pair.key as { range: [number, number, number] }).range[0], valueEnd: rangeEnd(pair) };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line that holds `offset - 1` (the end of a node), newline included. */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(offset - 1, 0));
  return newline < 0 ? text.length : newline + 1;
}

/** `key: value` as the catalogue writes YAML: long texts folded at 100 columns, indented by `indent`. */
function render(key: string, value: unknown, indent: number): string {
  // Numeric ids (`554:`) stay plain keys, as the catalogue writes them.
  const document = new Document();
  document.contents = document.createNode(new Map([[/^\d+$/.test(key) ? Number(key) : key, value]])) as never;
  visitStrings(document.contents, (scalar) => {
    if (typeof scalar.value === 'string' && scalar.value.length > 60 && !scalar.value.includes('\n')) scalar.type = Scalar.BLOCK_FOLDED;
  });
  const block = document.toString({ lineWidth: Math.max(100 - indent, 40), minContentWidth: 20 });
  const pad = ' '.repeat(indent);
  return block
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

function visitStrings(node: unknown, visit: (scalar: Scalar) => void): void {
  if (node instanceof Scalar) visit(node);
  else if (isMap(node)) for (const item of node.items) visitStrings(item.value, visit);
  else if (node && typeof node === 'object' && 'items' in node) for (const item of (node as { items: unknown[] }).items) visitStrings(item, visit);
}
