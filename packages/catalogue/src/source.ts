// One catalogue file as parsed YAML that still knows where every value came from, so that any
// problem can be reported at its file, line and column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { dirname } from 'node:path';
import { CatalogueFiles } from './files.js';
import type { Diagnostic } from './diagnostics.js';

export type PathSegment = string | number;

export interface Position {
  line: number;
  column: number;
}

export interface SourceFile {
  /** Path as shown to users: relative to the folder they work in, with forward slashes. */
  path: string;
  /** Where the file is on disk; undefined for text parsed from memory. */
  absolutePath?: string | undefined;
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** The parsed value, or undefined when the YAML could not be read. */
  data: unknown;
  /** Where the file uses YAML aliases (`*name`), which the catalogue does not accept. */
  aliases: number[];
  /** Where a key repeats one earlier in the same map. */
  duplicates: number[];
  /** Set when the YAML is nested too deeply to be read at all. */
  nestingError?: boolean;
}

const YAML_RULES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate-key',
};

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each field may appear once per entry; delete one of the two and keep the right value',
  BAD_INDENT: 'indent nested fields with two spaces, and list items by the same amount',
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs for indentation',
};

/** Reads one file with the loader's safeguards; throws with the diagnostic when it cannot be read. */
export function readSourceFile(absolutePath: string, displayPath: string): SourceFile {
  const problems: Diagnostic[] = [];
  const text = new CatalogueFiles(dirname(absolutePath), () => displayPath).read(absolutePath, (d) => problems.push(d));
  if (text === undefined) throw new Error(`${displayPath}: ${problems.map((p) => p.message).join('; ')}`);
  return { ...parseSourceFile(text, displayPath), absolutePath };
}

export function parseSourceFile(text: string, displayPath: string): SourceFile {
  try {
    return parseYaml(text, displayPath);
  } catch (error) {
    // Nesting deep enough to exhaust the stack: say so at the top of the file.
    if (!(error instanceof RangeError)) throw error;
    const lineCounter = new LineCounter();
    const document = parseDocument('', { lineCounter });
    const file: SourceFile = { path: displayPath, text: '', document, lineCounter, data: undefined, aliases: [], duplicates: [] };
    file.nestingError = true;
    return file;
  }
}

function parseYaml(text: string, displayPath: string): SourceFile {
  const lineCounter = new LineCounter();
  // The library's own duplicate-key check compares every key with every other (quadratic in a
  // hostile file with 32,000 keys), so duplicates are found below with a set instead.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, merge: false });
  // Aliases make a few lines expand into gigabytes ("billion laughs"), and the catalogue never
  // needs them: each is reported, and a file that has any is not turned into data.
  const aliases: number[] = [];
  const duplicates: number[] = [];
  visit(document, {
    Alias(_, node) {
      aliases.push(node.range?.[0] ?? 0);
      if (aliases.length > 50) return visit.BREAK;
      return undefined;
    },
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key) && duplicates.length <= 50) duplicates.push(pair.key.range?.[0] ?? 0);
        seen.add(key);
      }
      return undefined;
    },
  });
  // A duplicate key leaves a readable document, so its other problems can still be reported.
  const readable = aliases.length === 0 && document.errors.length === 0;
  const data = readable ? document.toJS({ maxAliasCount: 0 }) : undefined;
  return { path: displayPath, text, document, lineCounter, data, aliases, duplicates };
}

/** Where an unclosed quote starts: YAML reports it at the end of the file, far from the cause. */
function unclosedQuoteStart(text: string, quote: string): number | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const value = /^\s*(?:-\s+)?(?:[\w-]+:\s+)?/.exec(line)?.[0].length ?? 0;
    if (line[value] === quote && line.split(quote).length % 2 === 0) return offset + value;
    offset += line.length + 1;
  }
  return undefined;
}

export function yamlDiagnostics(file: SourceFile): Diagnostic[] {
  if (file.nestingError) {
    return [{ file: file.path, line: 1, column: 1, rule: 'yaml-syntax', message: 'the YAML is nested too deeply to be read', hint: 'catalogue files are a few levels deep; check for runaway brackets or indentation' }];
  }
  const aliases = file.aliases.map((offset): Diagnostic => {
    const { line, col } = file.lineCounter.linePos(offset);
    return { file: file.path, line, column: col, rule: 'yaml-alias', message: 'YAML aliases (*name) are not allowed in the catalogue', hint: 'write the value out in full; every entry stands on its own' };
  });
  const duplicates = file.duplicates.map((offset): Diagnostic => {
    const { line, col } = file.lineCounter.linePos(offset);
    return { file: file.path, line, column: col, rule: 'duplicate-key', message: 'a field appears twice in the same map', hint: YAML_HINTS.DUPLICATE_KEY! };
  });
  return [...aliases, ...duplicates, ...file.document.errors.map((error) => {
    const firstLine = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    const quote = error.code === 'MISSING_CHAR' ? /closing (["'])/.exec(firstLine)?.[1] : undefined;
    const start = quote ? unclosedQuoteStart(file.text, quote) : undefined;
    const { line, col } = file.lineCounter.linePos(start ?? error.pos[0]);
    const message =
      error.code === 'DUPLICATE_KEY'
        ? 'a field appears twice in the same map'
        : start !== undefined
          ? `invalid YAML: the quoted text that starts here is never closed`
          : `invalid YAML: ${firstLine}`;
    return {
      file: file.path,
      line,
      column: col,
      rule: YAML_RULES[error.code] ?? 'yaml-syntax',
      message,
      hint: YAML_HINTS[error.code] ?? (quote ? `add the closing ${quote} at the end of the text` : 'check quoting and indentation on this line and the one before it'),
    };
  })];
}

export function positionAt(file: SourceFile, offset: number): Position {
  const { line, col } = file.lineCounter.linePos(offset);
  return { line, column: col };
}

/** The node at a path, or its nearest existing ancestor. */
export function nodeAt(file: SourceFile, path: readonly PathSegment[]): Node | undefined {
  let node: unknown = file.document.contents;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair || !pair.value) return node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
    } else {
      break;
    }
  }
  return node as Node | undefined;
}

/** Where the value at a path starts (line 1, column 1 for an empty file). */
export function positionOf(file: SourceFile, path: readonly PathSegment[]): Position {
  const node = nodeAt(file, path);
  return positionAt(file, node?.range?.[0] ?? 0);
}

/** Where the key of the field at a path starts; falls back to the value's position. */
export function keyPositionOf(file: SourceFile, path: readonly PathSegment[]): Position {
  const parent = nodeAt(file, path.slice(0, -1));
  const key = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
    if (pair && isScalar(pair.key) && pair.key.range) return positionAt(file, pair.key.range[0]);
  }
  return positionOf(file, path);
}

/**
 * Where a piece of a string value starts. Exact for text written on one line; for text folded
 * over several lines, the first place the piece occurs in the value's source, else the value start.
 */
export function positionInString(file: SourceFile, path: readonly PathSegment[], piece: string): Position {
  const node = nodeAt(file, path);
  const range = node?.range;
  if (!range) return positionOf(file, path);
  const source = file.text.slice(range[0], range[1]);
  const offset = source.indexOf(piece);
  return positionAt(file, range[0] + (offset >= 0 ? offset : 0));
}
