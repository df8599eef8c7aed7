// Finished responses, kept so that a repeated request does no rendering work, and strong ETags
// derived from the catalogue version and the normalized request.
import { catalogueVersion } from '@protocodes/core';

export interface Representation {
  /** Encoded once: encoding a long non-ASCII text on every response costs more than serving it. */
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  etag: string;
}

/** A small least-recently-used map: keys come from clients, so it must not grow without bound. */
export class LruCache<V> {
  readonly #entries = new Map<string, V>();
  constructor(readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value!);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** FNV-1a, twice with different offsets: 64 bits of a non-cryptographic hash, in any runtime. */
function hash(text: string): string {
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
  return `"${catalogueVersion}-${hash(key)}"`;
}

/** RFC 9110 If-None-Match: a list of entity tags (weak ones compare weakly), or `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
