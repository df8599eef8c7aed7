// `new <protocol> <code>`: the skeleton of a new entry (a reply code, or an SMTP enhanced status
// code), and a commented stub for it in every locale file of the protocol. Empty texts and lists
// are left for `check` to report: its `empty-value` diagnostics name each field and repeat the
// schema's description of what to write.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ProtocolDefinition } from './model.js';
import { codeEntrySchema, enhancedEntrySchema, PROTOCOL_FIELDS, type JsonSchema } from './schema.js';

/** A mistake in what the user asked for: printed as one line, never as a stack trace. */
export class NewEntryError extends Error {}

export interface NewEntryResult {
  /** The entry's file, relative to the catalogue folder. */
  entryFile: string;
  /** The locale files that got a stub, relative to the catalogue folder. */
  localeFiles: string[];
}

/** What differs between a reply code and an enhanced code; the writing is shared. */
interface EntryKind {
  /** The id as written in its file name and as a key of the locale files (`557`, `X.7.30`). */
  id: string;
  folder: 'codes' | 'enhanced';
  /** Every field of the schema that this protocol's entries have, in the schema's order. */
  fields: SkeletonField[];
  /** The value a required field starts with: what the id tells, else an empty value `check` reports. */
  startingValue: (field: string, schema: JsonSchema) => string;
  /** The translated texts of a locale entry, as the commented lines of a stub. */
  stubFields: string[];
  /** Orders ids in a locale file's section. */
  sortKey: (id: string) => number[];
}

interface SkeletonField {
  field: string;
  schema: JsonSchema;
  optional: boolean;
}

const LINE_WIDTH = 100;
/** Fields any code may have although its protocol does not list them (see lint.ts). */
const OPTIONAL_PROTOCOL_FIELDS = new Set<string>(['retryWhen', 'vendorMeanings', 'redirect', 'documentation']);
const HOW_TO_FIX_STUB = ['howToFix:', '  sender: ""', '  operator: ""'];

/** `display` turns a path relative to the catalogue folder into the one to print. */
export function newEntry(catalogueRoot: string, protocolId: string, idText: string, display = (file: string) => file): NewEntryResult {
  const protocol = readProtocol(catalogueRoot, protocolId);
  const kind = protocol.subjects && /^[X\d]\.\d+\.\d+$/.test(idText) ? enhancedKind(protocol, idText) : codeKind(protocol, idText, existingIds(catalogueRoot, protocol, 'codes'));
  const entryFile = `protocols/${protocol.id}/${kind.folder}/${kind.id}.yaml`;
  if (existsSync(join(catalogueRoot, entryFile))) throw new NewEntryError(`${display(entryFile)} already exists; edit it instead`);

  const localeFiles = readdirSync(join(catalogueRoot, 'locales'))
    .sort()
    .map((locale) => `locales/${locale}/${protocol.id}.yaml`)
    .filter((file) => existsSync(join(catalogueRoot, file)));
  writeFileSync(join(catalogueRoot, entryFile), skeleton(`${protocol.name} ${idText}`, kind));
  for (const file of localeFiles) {
    const path = join(catalogueRoot, file);
    writeFileSync(path, withTranslationStub(readFileSync(path, 'utf8'), kind, entryFile));
  }
  return { entryFile, localeFiles };
}

function readProtocol(catalogueRoot: string, protocolId: string): ProtocolDefinition {
  const protocols = readdirSync(join(catalogueRoot, 'protocols')).filter((id) => existsSync(join(catalogueRoot, 'protocols', id, 'protocol.yaml')));
  if (!protocols.includes(protocolId)) throw new NewEntryError(`unknown protocol "${protocolId}"; protocols: ${protocols.sort().join(', ')}`);
  return parse(readFileSync(join(catalogueRoot, 'protocols', protocolId, 'protocol.yaml'), 'utf8')) as ProtocolDefinition;
}

function existingIds(catalogueRoot: string, protocol: ProtocolDefinition, folder: string): string[] {
  const path = join(catalogueRoot, 'protocols', protocol.id, folder);
  return existsSync(path) ? readdirSync(path).map((name) => name.replace(/\.yaml$/, '')).sort() : [];
}

function codeKind(protocol: ProtocolDefinition, codeText: string, existing: readonly string[]): EntryKind {
  if (!/^[1-9]\d\d$/.test(codeText)) {
    const enhanced = protocol.subjects ? ', or an enhanced status code such as X.7.1' : '';
    throw new NewEntryError(`"${codeText}" is not a code: ${protocol.name} codes are three digits, such as ${existing.at(-1) ?? '250'}${enhanced}`);
  }
  const classes = protocol.classes.map((c) => c.digit);
  if (!classes.includes(Number(codeText[0]))) {
    throw new NewEntryError(`${codeText}: ${protocol.name} has no class ${codeText[0]} (its classes in protocol.yaml: ${classes.join(', ')})`);
  }
  const categories = protocol.categories?.map((c) => c.digit);
  if (categories && !categories.includes(Number(codeText[1]))) {
    throw new NewEntryError(`${codeText}: ${protocol.name} has no category ${codeText[1]} (its categories in protocol.yaml: ${categories.join(', ')})`);
  }
  return {
    id: codeText,
    folder: 'codes',
    fields: codeFields(protocol),
    startingValue: (field, schema) => ({ code: codeText, class: codeText[0]!, category: codeText[1]! })[field] ?? emptyValue(schema),
    stubFields: ['title', 'summary', 'description', 'whenYouSeeIt', ...HOW_TO_FIX_STUB, 'whenToSend', 'onReceive'],
    sortKey: (id) => [Number(id)],
  };
}

/** `X.7.30`, or `5.7.30` to start its class 5 meaning too. */
function enhancedKind(protocol: ProtocolDefinition, idText: string): EntryKind {
  const [digit, subject, detail] = idText.split('.') as [string, string, string];
  const classes = enhancedEntrySchema.properties.inClass.items.properties.class.enum as readonly number[];
  if (digit !== 'X' && !classes.includes(Number(digit))) {
    throw new NewEntryError(`${idText}: an enhanced status code starts with X or its class (${classes.join(', ')}), as in X.7.1 or 5.7.1`);
  }
  if (!/^\d{1,3}$/.test(subject) || !/^\d{1,3}$/.test(detail)) {
    throw new NewEntryError(`${idText}: the subject and detail of an enhanced status code have one to three digits each, as in X.7.1`);
  }
  const subjects = protocol.subjects!.map((s) => s.digit);
  if (!subjects.includes(Number(subject))) {
    throw new NewEntryError(`${idText}: ${protocol.name} has no subject ${subject} (its subjects in protocol.yaml: ${subjects.join(', ')})`);
  }
  const id = `X.${Number(subject)}.${Number(detail)}`;
  const properties = enhancedEntrySchema.properties as Record<string, JsonSchema>;
  const required = new Set<string>(enhancedEntrySchema.required);
  return {
    id,
    folder: 'enhanced',
    fields: Object.entries(properties).map(([field, schema]) => ({ field, schema, optional: !required.has(field) })),
    startingValue: (field, schema) => {
      if (field === 'code') return id;
      if (field === 'inClass' && digit !== 'X') return `\n  - class: ${digit}\n    meaning: ""`;
      return emptyValue(schema);
    },
    stubFields: ['title', 'summary', 'description', 'inClass:', '  - meaning: ""', 'whenYouSeeIt', ...HOW_TO_FIX_STUB],
    sortKey: (key) => key.split('.').slice(1).map(Number),
  };
}

/** Which of the schema's fields a code of this protocol has: those it must carry, and those it may. */
function codeFields(protocol: ProtocolDefinition): SkeletonField[] {
  const properties = codeEntrySchema.properties as Record<string, JsonSchema>;
  const required = new Set<string>(codeEntrySchema.required);
  const carried = new Set<string>(protocol.fields);
  return Object.entries(properties).flatMap(([field, schema]): SkeletonField[] => {
    if (required.has(field) || carried.has(field)) return [{ field, schema, optional: false }];
    const protocolSpecific = (PROTOCOL_FIELDS as readonly string[]).includes(field);
    if (protocolSpecific && !OPTIONAL_PROTOCOL_FIELDS.has(field)) return [];
    if (!appliesTo(schema, protocol)) return [];
    // An exception to the retry policy names a phase, so only protocols with sessions have them.
    if (field === 'retryWhen' && !protocol.phases) return [];
    return [{ field, schema, optional: true }];
  });
}

/** Descriptions end with the protocols a field is for, as in "… (HTTP)."; others are for all. */
function appliesTo(schema: JsonSchema, protocol: ProtocolDefinition): boolean {
  const named = /\(([A-Z]+(?:, [A-Z]+)*)\)\.?$/.exec(schema.description ?? '');
  return !named || named[1]!.split(', ').includes(protocol.name.toUpperCase());
}

/** Nothing yet: `check` reports an empty text or list, a missing yes-or-no, an enum left blank. */
function emptyValue(schema: JsonSchema): string {
  if (schema.type === 'array') return '[]';
  if (schema.type === 'boolean') return '';
  return '""';
}

function comment(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + 2 + line.length + 1 + word.length > LINE_WIDTH) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${indent}# ${line}`);
  return lines;
}

function optionalExample(field: string, schema: JsonSchema): string[] {
  if (schema.type !== 'array' || !schema.items?.properties) return [`# ${field}: ${emptyValue(schema)}`];
  const [first, ...rest] = Object.keys(schema.items.properties);
  return [`# ${field}:`, `#   - ${first}: ""`, ...rest.map((key) => `#     ${key}: ""`)];
}

function skeleton(name: string, kind: EntryKind): string {
  const lines = comment(
    `${name}. Fill in every empty value: \`catalogue:check\` lists each one that is still empty, with what to write. ` +
      'Write every sentence yourself; only wire and registry texts are copied, verbatim. ' +
      'Optional fields are commented out: uncomment one to use it.',
    '',
  );
  for (const { field, schema, optional } of kind.fields) {
    lines.push('', ...comment(`${optional ? '(optional) ' : ''}${schema.description ?? ''}${schema['x-example'] ? ` Example: ${schema['x-example']}` : ''}`, ''));
    if (optional) lines.push(...optionalExample(field, schema));
    else if (schema.type === 'object' && schema.properties) {
      lines.push(`${field}:`);
      for (const [key, child] of Object.entries(schema.properties)) {
        lines.push(...comment(child.description ?? '', '  '), `  ${key}: ${kind.startingValue(key, child)}`.trimEnd());
      }
    } else {
      const value = kind.startingValue(field, schema);
      lines.push(value.startsWith('\n') ? `${field}:${value}` : `${field}: ${value}`.trimEnd());
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Adds a commented-out entry to a locale file's section for the entry's kind, in id order. It stays
 * a comment so that the entry counts as missing (`translation-missing`) until someone translates
 * it: a real entry without a `source` hash would be stamped by `check --fix` as if it were done.
 */
export function withTranslationStub(text: string, kind: Pick<EntryKind, 'id' | 'folder' | 'stubFields' | 'sortKey'>, entryFile: string): string {
  const lines = text.split('\n');
  const sectionLine = lines.findIndex((line) => line === `${kind.folder}:`);
  const firstKey = /^ {2}("?)[^\s#"][^:]*\1:/.exec(lines[sectionLine + 1] ?? '');
  const quote = sectionLine >= 0 && firstKey?.[1] ? '"' : '';
  const indent = sectionLine >= 0 ? '  ' : '';
  const stub = [
    ...comment(
      `${kind.id} is not translated yet, so readers get English. To translate it, write the translation of each text of ${entryFile} ` +
        'into the lines below, uncomment them, then run catalogue:check --fix to record which English the translation was made from.',
      indent,
    ),
    `${indent}# ${quote}${kind.id}${quote}:`,
    ...kind.stubFields.map((field) => `${indent}#   ${field.includes(':') ? field : `${field}: ""`}`),
  ];
  if (sectionLine < 0) return `${text.endsWith('\n') ? text : `${text}\n`}# ${kind.folder}:\n${stub.join('\n')}\n`;

  const after = (id: string) => compareKeys(kind.sortKey(id), kind.sortKey(kind.id)) > 0;
  let insertAt = sectionLine + 1;
  while (insertAt < lines.length && !/^\S/.test(lines[insertAt]!)) {
    const key = /^ {2}"?([^\s#"][^:"]*)"?:/.exec(lines[insertAt]!);
    if (key && after(key[1]!)) break;
    insertAt++;
  }
  // Comments and blank lines just before the next entry (or section) belong to it.
  while (insertAt > sectionLine + 1 && /^\s*(#.*)?$/.test(lines[insertAt - 1]!)) insertAt--;
  lines.splice(insertAt, 0, ...stub);
  return lines.join('\n');
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? -1) - (b[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}
