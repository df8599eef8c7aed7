// Finished responses, kept so that a repeated request does no rendering work, and strong ETags
// derived from everything that shapes the bytes: the texts build and the normalized request.
import { textsVersion } from '@protocodes/texts';
import { apiCodeVersion } from './generated/code-version.js';

export interface Representation {
  /** Encoded once: encoding a long non-ASCII text on every response costs more than serving it. */
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  etag: string;
}

/**
 * A least-recently-used map bounded in bytes, not entries: keys come from clients, and entries
 * differ in size by a thousand times, so only a byte budget bounds the memory.
 */
export class LruCache<V> {
  readonly #entries = new Map<string, { value: V; cost: number }>();
  #bytes = 0;
  /** `costOf` estimates the bytes an entry keeps alive beyond its key. */
  constructor(
    readonly maxBytes: number,
    readonly costOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const cost = 2 * key.length + this.costOf(value) + ENTRY_OVERHEAD;
    if (cost > this.maxBytes) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= old.cost;
      this.#entries.delete(key);
    }
    this.#entries.set(key, { value, cost });
    this.#bytes += cost;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.cost;
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The bytes the entries are estimated to hold. */
  get bytes(): number {
    return this.#bytes;
  }
}

/** What a map entry and its small objects cost besides the key and the body (an estimate). */
const ENTRY_OVERHEAD = 200;

/** FNV-1a, twice with different offsets: 64 bits of a non-cryptographic hash, in any runtime. */
export function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function etagFor(key: string): string {
  return `"${textsVersion}-${apiCodeVersion}-${hash(key)}"`;
}

/** The bytes a representation keeps alive: its body and its headers. */
export function representationCost(representation: Representation): number {
  let cost = representation.body.byteLength;
  for (const [name, value] of Object.entries(representation.headers)) cost += 2 * (name.length + value.length);
  return cost;
}

/** RFC 9110 If-None-Match: a list of entity tags (weak ones compare weakly), or `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
