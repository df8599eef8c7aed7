// Reads the whole catalogue folder, validates and lints every file, and returns the typed data
// together with every problem found. Nothing here stops at the first error.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compareDiagnostics, type Diagnostic } from './diagnostics.js';
import { lintCodeEntry, lintKeyOrder, lintProtocol, lintStrings } from './lint.js';
import type { Catalogue, CodeEntry, Loaded, ProtocolCatalogue, ProtocolDefinition } from './model.js';
import { codeEntrySchema, protocolSchema, type JsonSchema } from './schema.js';
import { readSourceFile, yamlDiagnostics, type SourceFile } from './source.js';
import { validateAgainstSchema } from './validate.js';

function yamlFilesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

interface Checked<T> {
  loaded?: Loaded<T>;
  diagnostics: Diagnostic[];
}

function checkFile<T>(file: SourceFile, schema: JsonSchema): Checked<T> {
  const diagnostics = [...yamlDiagnostics(file)];
  if (file.data === undefined) return { diagnostics };
  const schemaProblems = validateAgainstSchema(file, schema);
  diagnostics.push(...schemaProblems, ...lintStrings(file, schema, file.data), ...lintKeyOrder(file, schema));
  // Only files that passed the schema reach the semantic lints and the compiled output.
  return schemaProblems.length === 0 ? { loaded: { value: file.data as T, file }, diagnostics } : { diagnostics };
}

/** `displayFrom` is the folder that printed paths are relative to (the shell's, by default). */
export function loadCatalogue(root: string, displayFrom = process.cwd()): Catalogue {
  const display = (absolute: string) => relative(displayFrom, absolute).split(sep).join('/');
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const protocols: ProtocolCatalogue[] = [];
  const read = (absolute: string) => {
    const file = readSourceFile(absolute, display(absolute));
    files.push(file);
    return file;
  };

  const protocolsFolder = join(root, 'protocols');
  const folders = existsSync(protocolsFolder)
    ? readdirSync(protocolsFolder, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  if (folders.length === 0) {
    diagnostics.push({ file: display(protocolsFolder), line: 1, column: 1, rule: 'no-protocols', message: 'no protocol folders found', hint: 'each protocol lives in catalogue/protocols/<id>/protocol.yaml' });
  }

  for (const folder of folders) {
    const protocolPath = join(protocolsFolder, folder, 'protocol.yaml');
    if (!existsSync(protocolPath)) {
      diagnostics.push({ file: display(protocolPath), line: 1, column: 1, rule: 'missing-file', message: `protocol folder "${folder}" has no protocol.yaml`, hint: 'add protocol.yaml with the classes, categories and phases' });
      continue;
    }
    const protocolCheck = checkFile<ProtocolDefinition>(read(protocolPath), protocolSchema);
    diagnostics.push(...protocolCheck.diagnostics);
    const protocol = protocolCheck.loaded;
    if (protocol) diagnostics.push(...lintProtocol(protocol.file, protocol.value, folder));

    const codesFolder = join(protocolsFolder, folder, 'codes');
    const codes: Loaded<CodeEntry>[] = [];
    for (const name of yamlFilesIn(codesFolder)) {
      const check = checkFile<CodeEntry>(read(join(codesFolder, name)), codeEntrySchema);
      diagnostics.push(...check.diagnostics);
      if (check.loaded) codes.push(check.loaded);
    }
    if (!protocol) continue;

    const knownCodes = new Set(codes.map((c) => c.value.code));
    for (const { value, file } of codes) {
      const fileId = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
      diagnostics.push(...lintCodeEntry(file, value, { protocol: protocol.value, fileId, knownCodes }));
    }
    protocols.push({ id: folder, protocol, codes });
  }

  diagnostics.sort(compareDiagnostics);
  return { root, protocols, files, diagnostics };
}
