// Reads the whole catalogue folder, validates and lints every file, and returns the typed data
// together with every problem found. Nothing here stops at the first error.
import { join, relative, sep } from 'node:path';
import { compareDiagnostics, type Diagnostic } from './diagnostics.js';
import { CatalogueFiles } from './files.js';
import { lintCodeEntry, lintKeyOrder, lintProtocol, lintStrings } from './lint.js';
import type {
  Catalogue,
  CodeEntry,
  EnhancedEntry,
  ProviderFile,
  LocaleCatalogue,
  LocaleProtocolFile,
  Loaded,
  GlossaryFile,
  MessagesFile,
  PairNote,
  ProtocolCatalogue,
  ProtocolDefinition,
} from './model.js';
import { avoidedPhrases, lintGlossary } from './glossary.js';
import { lintSpacing } from './spacing.js';
import { lintEnhancedEntries, lintProviders } from './enhanced.js';
import { codeEntrySchema, enhancedEntrySchema, providerSchema, glossarySchema, localeProtocolSchema, messagesSchema, pairNoteSchema, protocolSchema, type JsonSchema } from './schema.js';
import { checkMessages, checkProtocolTranslations, pairId } from './translations.js';
import { positionOf } from './source.js';
import { parseSourceFile, yamlDiagnostics, type SourceFile } from './source.js';
import { validateAgainstSchema } from './validate.js';

/** More problems than this in one file are summed up in one line: the first ones show the cause. */
export const MAX_DIAGNOSTICS_PER_FILE = 50;

interface Checked<T> {
  loaded?: Loaded<T>;
  diagnostics: Diagnostic[];
}

function checkFile<T>(file: SourceFile | undefined, schema: JsonSchema): Checked<T> {
  if (!file) return { diagnostics: [] };
  const diagnostics = yamlDiagnostics(file);
  if (file.data === undefined) return { diagnostics: capped(file, diagnostics) };
  const schemaProblems = validateAgainstSchema(file, schema, MAX_DIAGNOSTICS_PER_FILE + 1);
  for (const found of [schemaProblems, lintStrings(file, schema, file.data), lintKeyOrder(file, schema)]) {
    for (const diagnostic of found) diagnostics.push(diagnostic);
  }
  // Only files that passed the schema reach the semantic lints and the compiled output.
  return schemaProblems.length === 0 ? { loaded: { value: file.data as T, file }, diagnostics: capped(file, diagnostics) } : { diagnostics: capped(file, diagnostics) };
}

function capped(file: SourceFile, diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
  const shown = diagnostics.sort(compareDiagnostics).slice(0, MAX_DIAGNOSTICS_PER_FILE);
  const last = shown[shown.length - 1]!;
  shown.push({ file: file.path, line: last.line, column: last.column, rule: 'too-many-problems', message: `more than ${MAX_DIAGNOSTICS_PER_FILE} problems in this file; the rest are not listed`, hint: 'fix the first ones and check again: they are often the cause of the others' });
  return shown;
}

/** `displayFrom` is the folder that printed paths are relative to (the shell's, by default). */
export function loadCatalogue(root: string, displayFrom = process.cwd()): Catalogue {
  const display = (absolute: string) => relative(displayFrom, absolute).split(sep).join('/');
  const files: Catalogue['files'] = [];
  const diagnostics: Diagnostic[] = [];
  const protocols: ProtocolCatalogue[] = [];
  const disk = new CatalogueFiles(root, display);
  const report = (diagnostic: Diagnostic) => diagnostics.push(diagnostic);
  const read = (absolute: string, schema: JsonSchema): SourceFile | undefined => {
    const text = disk.read(absolute, report);
    if (text === undefined) return undefined;
    const file = { ...parseSourceFile(text, display(absolute)), absolutePath: absolute };
    files.push({ file, schema });
    return file;
  };

  const protocolsFolder = join(root, 'protocols');
  const folders = disk.list(protocolsFolder, 'directory', report).map((entry) => entry.name);
  if (folders.length === 0) {
    diagnostics.push({ file: display(protocolsFolder), line: 1, column: 1, rule: 'no-protocols', message: 'no protocol folders found', hint: 'each protocol lives in catalogue/protocols/<id>/protocol.yaml' });
  }

  const loadAll = <T>(entries: readonly { path: string }[], schema: JsonSchema): Loaded<T>[] => {
    const loaded: Loaded<T>[] = [];
    for (const { path } of entries) {
      const check = checkFile<T>(read(path, schema), schema);
      diagnostics.push(...check.diagnostics);
      if (check.loaded) loaded.push(check.loaded);
    }
    return loaded;
  };

  for (const folder of folders) {
    const protocolPath = join(protocolsFolder, folder, 'protocol.yaml');
    if (!disk.exists(protocolPath)) {
      diagnostics.push({ file: display(protocolPath), line: 1, column: 1, rule: 'missing-file', message: `protocol folder "${folder}" has no protocol.yaml`, hint: 'add protocol.yaml with the classes, categories and phases' });
      continue;
    }
    const protocolCheck = checkFile<ProtocolDefinition>(read(protocolPath, protocolSchema), protocolSchema);
    diagnostics.push(...protocolCheck.diagnostics);
    const protocol = protocolCheck.loaded;
    if (protocol) diagnostics.push(...lintProtocol(protocol.file, protocol.value, folder));

    const codesFolder = join(protocolsFolder, folder, 'codes');
    const codes: Loaded<CodeEntry>[] = [];
    const codeFiles = disk.list(codesFolder, 'file', report);
    for (const { path } of codeFiles) {
      const check = checkFile<CodeEntry>(read(path, codeEntrySchema), codeEntrySchema);
      diagnostics.push(...check.diagnostics);
      if (check.loaded) codes.push(check.loaded);
    }
    if (!protocol) continue;

    // A code whose file is there but broken is reported once, in that file; links to it from
    // other files are not errors of their own.
    const knownCodes = new Set([...codes.map((c) => c.value.code), ...codeFiles.map((f) => Number(f.name.replace(/\.yaml$/, ''))).filter(Number.isInteger)]);
    for (const { value, file } of codes) {
      diagnostics.push(...lintCodeEntry(file, value, { protocol: protocol.value, fileId: baseName(file.path), knownCodes }));
    }

    const pairsFolder = join(protocolsFolder, folder, 'pairs');
    const pairs: Loaded<PairNote>[] = [];
    const pairFiles = disk.list(pairsFolder, 'file', report);
    for (const { path } of pairFiles) {
      const check = checkFile<PairNote>(read(path, pairNoteSchema), pairNoteSchema);
      diagnostics.push(...check.diagnostics);
      if (!check.loaded) continue;
      const problems = lintPair(check.loaded, knownCodes);
      diagnostics.push(...problems);
      if (problems.length === 0) pairs.push(check.loaded);
    }
    const enhancedFiles = disk.list(join(protocolsFolder, folder, 'enhanced'), 'file', report);
    const enhanced = loadAll<EnhancedEntry>(enhancedFiles, enhancedEntrySchema);
    const providerFiles = disk.list(join(protocolsFolder, folder, 'providers'), 'file', report);
    const providers = loadAll<ProviderFile>(providerFiles, providerSchema);
    const presentIds = new Set([...codeFiles, ...pairFiles, ...enhancedFiles].map((f) => f.name.replace(/\.yaml$/, '')));
    for (const { value } of providers) for (const rule of value.rules) presentIds.add(rule.id);
    diagnostics.push(...lintEnhancedEntries(enhanced, protocol.value, presentIds), ...lintProviders(providers));
    protocols.push({ id: folder, protocol, codes, pairs, enhanced, providers, presentIds });
  }

  const locales = loadLocales(join(root, 'locales'), protocols, read, display, diagnostics, disk);

  diagnostics.sort(compareDiagnostics);
  return { root, protocols, locales, files, diagnostics };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
}

function lintPair({ value, file }: Loaded<PairNote>, knownCodes: ReadonlySet<number>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const [a, b] = value.codes;
  const at = positionOf(file, ['codes']);
  const report = (message: string, hint: string): Diagnostic => ({ file: file.path, line: at.line, column: at.column, rule: 'pair-codes', message, hint });
  for (const code of value.codes) {
    if (!knownCodes.has(code)) found.push(report(`code ${code} has no entry`, 'pair notes compare two existing codes'));
  }
  if (a >= b) found.push(report(`codes are listed as ${a}, ${b}`, `list the smaller first: [${Math.min(a, b)}, ${Math.max(a, b)}]`));
  const expected = pairId([Math.min(a, b), Math.max(a, b)]);
  if (baseName(file.path) !== expected) found.push(report(`the codes say ${expected} but the file is named ${baseName(file.path)}.yaml`, `rename the file to ${expected}.yaml`));
  return found;
}

function loadLocales(
  folder: string,
  protocols: ProtocolCatalogue[],
  read: (absolute: string, schema: JsonSchema) => SourceFile | undefined,
  display: (absolute: string) => string,
  diagnostics: Diagnostic[],
  disk: CatalogueFiles,
): LocaleCatalogue[] {
  if (!disk.exists(folder)) return [];
  const ids = disk.list(folder, 'directory', (d) => diagnostics.push(d)).map((entry) => entry.name);
  const loaded: LocaleCatalogue[] = [];
  for (const id of ids) {
    let canonical: string | undefined;
    try {
      canonical = Intl.getCanonicalLocales(id)[0];
    } catch {
      canonical = undefined;
    }
    if (canonical !== id) {
      diagnostics.push({ file: display(join(folder, id)), line: 1, column: 1, rule: 'locale-tag', message: `"${id}" is not a canonical BCP 47 language tag`, hint: canonical ? `rename the folder to ${canonical}` : 'name the folder like vi, pt-BR or zh-Hant' });
      continue;
    }
    const locale: LocaleCatalogue = { id, draft: false, protocols: [], status: [] };
    const messagesPath = join(folder, id, 'messages.yaml');
    if (disk.exists(messagesPath)) {
      const check = checkFile<MessagesFile>(read(messagesPath, messagesSchema), messagesSchema);
      diagnostics.push(...check.diagnostics);
      if (check.loaded) {
        locale.messages = check.loaded;
        locale.draft = check.loaded.value.locale.draft === true;
      }
    } else {
      diagnostics.push({ file: display(messagesPath), line: 1, column: 1, rule: 'missing-file', message: `locale ${id} has no messages.yaml`, hint: 'copy locales/en/messages.yaml and translate it' });
    }
    const glossaryPath = join(folder, id, 'glossary.yaml');
    if (disk.exists(glossaryPath)) {
      const check = checkFile<GlossaryFile>(read(glossaryPath, glossarySchema), glossarySchema);
      diagnostics.push(...check.diagnostics);
      if (check.loaded) locale.glossary = check.loaded;
    }
    const avoided = avoidedPhrases(locale.glossary?.value.terms ?? []);
    if (locale.messages) {
      diagnostics.push(...lintGlossary(locale.messages.file, messagesSchema, avoided, display(glossaryPath)));
      diagnostics.push(...lintSpacing(locale.messages.file, messagesSchema, id));
    }
    for (const protocol of protocols) {
      const path = join(folder, id, `${protocol.id}.yaml`);
      if (id === 'en' || !disk.exists(path)) continue;
      const check = checkFile<LocaleProtocolFile>(read(path, localeProtocolSchema), localeProtocolSchema);
      diagnostics.push(...check.diagnostics);
      if (check.loaded) {
        locale.protocols.push({ id: protocol.id, translations: check.loaded });
        diagnostics.push(...lintGlossary(check.loaded.file, localeProtocolSchema, avoided, display(glossaryPath)));
        diagnostics.push(...lintSpacing(check.loaded.file, localeProtocolSchema, id));
      }
    }
    loaded.push(locale);
  }

  const english = loaded.find((l) => l.id === 'en');
  if (!english?.messages) {
    diagnostics.push({ file: display(join(folder, 'en', 'messages.yaml')), line: 1, column: 1, rule: 'missing-file', message: 'the English messages are missing', hint: 'locales/en/messages.yaml is the source every other locale translates' });
    return loaded;
  }
  for (const locale of loaded) {
    if (locale === english) continue;
    if (locale.messages) {
      const result = checkMessages(locale.messages.file, locale.messages.value, english.messages.value);
      diagnostics.push(...result.diagnostics);
      locale.status.push(result.status);
    }
    for (const protocol of protocols) {
      const translations = locale.protocols.find((p) => p.id === protocol.id)?.translations;
      if (!translations) {
        const total = 1 + protocol.codes.length + protocol.pairs.length + protocol.enhanced.length + protocol.providers.reduce((n, p) => n + p.value.rules.length, 0);
        locale.status.push({ scope: protocol.id, total, fresh: 0, stale: [], missing: [`all of ${protocol.id}`] });
        continue;
      }
      const result = checkProtocolTranslations(translations.file, translations.value, protocol);
      diagnostics.push(...result.diagnostics);
      locale.status.push(result.status);
    }
  }
  return loaded;
}
