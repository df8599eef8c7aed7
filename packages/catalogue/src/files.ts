// The only way the loader touches the disk: regular files inside the catalogue, at most 1 MiB,
// valid UTF-8. A symlink that leaves the catalogue, a FIFO, a device, a folder named like a file
// or a dangling link each become one diagnostic; nothing is opened that could hang or never end.
import { lstatSync, openSync, readdirSync, readSync, closeSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { Diagnostic } from './diagnostics.js';

/** Generous: the largest catalogue file today is under 100 kB. */
export const MAX_FILE_BYTES = 1024 * 1024;
let readBuffer: Buffer | undefined;

export type EntryKind = 'file' | 'directory';

export interface Entry {
  name: string;
  /** Absolute path as listed (a symlink's own path, not its target's). */
  path: string;
}

type Report = (diagnostic: Diagnostic) => void;

function kindOf(stats: Stats): string {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'named pipe (FIFO)';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'special file';
}

export class CatalogueFiles {
  readonly #root: string;

  constructor(
    root: string,
    readonly display: (absolute: string) => string,
  ) {
    this.#root = realpathSync(root);
  }

  #problem(path: string, rule: string, message: string, hint: string): Diagnostic {
    return { file: this.display(path), line: 1, column: 1, rule, message, hint };
  }

  /** What a path is, following a symlink only when its target is inside the catalogue. */
  #resolve(path: string, report: Report): string | undefined {
    let own: Stats;
    try {
      own = lstatSync(path);
    } catch {
      return undefined;
    }
    if (!own.isSymbolicLink()) return kindOf(own);
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      report(this.#problem(path, 'not-a-file', 'this is a symbolic link to something that does not exist', 'remove the link, or point it at a file inside catalogue/'));
      return 'broken';
    }
    if (target !== this.#root && !target.startsWith(this.#root + sep)) {
      report(this.#problem(path, 'outside-catalogue', 'this symbolic link points outside the catalogue, so it is not read', 'replace the link with the file itself; the catalogue reads only its own files'));
      return 'outside';
    }
    return kindOf(statSync(target));
  }

  /** The entries of a folder that are of `kind` (`.yaml` files, or folders); anything else named like one is reported. */
  list(folder: string, kind: EntryKind, report: Report): Entry[] {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return [];
    }
    const entries: Entry[] = [];
    for (const name of names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
      if (kind === 'file' && !name.endsWith('.yaml')) continue;
      const path = join(folder, name);
      const found = this.#resolve(path, report);
      if (found === kind) entries.push({ name, path });
      else if (kind === 'file' && found !== 'broken' && found !== 'outside' && found !== undefined) {
        report(this.#problem(path, 'not-a-file', `${name} is a ${found}, not a regular file`, 'catalogue entries are plain YAML files; remove it or replace it with a file'));
      }
    }
    return entries;
  }

  /** Whether a path exists at all (as a file, a folder or a link of any kind). */
  exists(path: string): boolean {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  }

  /** The text of a catalogue file, or undefined after reporting why it cannot be read. */
  read(path: string, report: Report): string | undefined {
    const found = this.#resolve(path, report);
    if (found === undefined) {
      report(this.#problem(path, 'missing-file', 'the file does not exist', 'create it, or check its name'));
      return undefined;
    }
    if (found === 'broken' || found === 'outside') return undefined;
    if (found !== 'file') {
      report(this.#problem(path, 'not-a-file', `this is a ${found}, not a regular file`, 'catalogue entries are plain YAML files; replace it with a file'));
      return undefined;
    }
    const descriptor = openSync(path, 'r');
    try {
      // Read one byte past the limit rather than trust the size: a file can grow after stat.
      // One buffer serves every read: the text is copied out of it before the next file.
      const buffer = (readBuffer ??= Buffer.allocUnsafe(MAX_FILE_BYTES + 1));
      let length = 0;
      for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (length > MAX_FILE_BYTES) {
        report(this.#problem(path, 'file-too-large', `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`, 'split it, or check that it is the file you meant; no catalogue entry comes near this size'));
        return undefined;
      }
      const bytes = buffer.subarray(0, length);
      const bad = firstInvalidUtf8(bytes);
      if (bad !== undefined) {
        const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
        const line = bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1;
        const column = bytes.subarray(lineStart, bad).toString('utf8').length + 1;
        report({ file: this.display(path), line, column, rule: 'invalid-utf8', message: `byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} here is not valid UTF-8`, hint: 'save the file as UTF-8; the catalogue reads no other encoding' });
        return undefined;
      }
      return bytes.toString('utf8');
    } finally {
      closeSync(descriptor);
    }
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, if any. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) (length = 2), (min = 0x80);
    else if (byte >= 0xe0 && byte <= 0xef) (length = 3), (min = 0x800);
    else if (byte >= 0xf0 && byte <= 0xf4) (length = 4), (min = 0x10000);
    else return i;
    if (i + length > bytes.length) return i;
    let code = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return undefined;
}
