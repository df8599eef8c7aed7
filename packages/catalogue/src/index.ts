export { loadCatalogue } from './load.js';
export { compileBlockers, compileCatalogue, catalogueVersion, publishedLocales, toLiteral } from './compile.js';
export { formatDiagnostic, RULES, type Diagnostic } from './diagnostics.js';
export { fieldDocs, withFieldDocs } from './docs.js';
export { fixFile } from './fix.js';
export { normalizeReference } from './lint.js';
export { parseSourceFile, readSourceFile, type SourceFile } from './source.js';
export { codeEntrySchema, localeProtocolSchema, messagesSchema, pairNoteSchema, protocolSchema, type JsonSchema } from './schema.js';
export type * from './model.js';
