// Finds which of many literal strings occur in a text, in one pass over the text (Aho-Corasick).
// Reasons and provider rules are matched with it, so adding a phrase or a rule does not add a
// pass: the cost stays linear in the text, whatever the number of phrases.

const ASCII = 128;

export class LiteralMatcher {
  readonly size: number;
  /**
   * Each ASCII character's column in `#delta`: one per lower-case character the patterns use, an
   * upper-case letter sharing its lower-case column, and column 0 for every other character.
   */
  readonly #columnOf = new Uint8Array(ASCII);
  readonly #width: number;
  /** Full transition table for ASCII, in few columns so that it stays in the cache: `delta[node * width + column]`. */
  readonly #delta: Int32Array;
  /** Sparse transitions for other characters, followed with the failure links. */
  readonly #wide: Map<number, number>[];
  readonly #fail: Int32Array;
  /** The patterns that end at node n, including those reached through failure links: `#outIds[#outStart[n] .. #outStart[n + 1]]`. */
  readonly #outStart: Int32Array;
  readonly #outIds: Int32Array;

  constructor(patterns: readonly string[]) {
    this.size = patterns.length;
    this.#seen = new Uint8Array(patterns.length);
    const children: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    patterns.forEach((pattern, id) => {
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        let next = children[node]!.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          out.push([]);
          children[node]!.set(c, next);
        }
        node = next;
      }
      out[node]!.push(id);
    });
    const count = children.length;
    const columnChars = [...new Set(patterns.join(''))].map((ch) => ch.charCodeAt(0)).filter((c) => c < ASCII).sort((a, b) => a - b);
    columnChars.forEach((c, k) => {
      this.#columnOf[c] = k + 1;
      if (c >= 97 && c <= 122) this.#columnOf[c - 32] = k + 1;
    });
    const width = (this.#width = columnChars.length + 1);
    this.#delta = new Int32Array(count * width);
    this.#fail = new Int32Array(count);
    this.#wide = children.map((map) => new Map([...map].filter(([c]) => c >= ASCII)));
    // Breadth first: a node's failure link and transitions only need shallower nodes.
    const queue: number[] = [];
    columnChars.forEach((c, k) => {
      const next = children[0]!.get(c);
      if (next !== undefined) {
        this.#delta[k + 1] = next;
        queue.push(next);
      }
    });
    for (const [c, next] of children[0]!) if (c >= ASCII) queue.push(next);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      const fail = this.#fail[node]!;
      if (out[fail]!.length > 0) out[node] = [...out[node]!, ...out[fail]!];
      for (let k = 1; k < width; k++) {
        const next = children[node]!.get(columnChars[k - 1]!);
        if (next === undefined) this.#delta[node * width + k] = this.#delta[fail * width + k]!;
        else {
          this.#delta[node * width + k] = next;
          this.#fail[next] = this.#delta[fail * width + k]!;
          queue.push(next);
        }
      }
      for (const [c, next] of children[node]!) {
        if (c < ASCII) continue;
        this.#fail[next] = node === 0 ? 0 : this.#step(fail, c);
        queue.push(next);
      }
    }
    // Flat arrays: the scan checks one number per character instead of reading an array per node.
    this.#outStart = new Int32Array(count + 1);
    for (let node = 0; node < count; node++) this.#outStart[node + 1] = this.#outStart[node]! + out[node]!.length;
    this.#outIds = Int32Array.from(out.flat());
  }

  #step(node: number, c: number): number {
    if (c < ASCII) return this.#delta[node * this.#width + this.#columnOf[c]!]!;
    for (let at = node; ; at = this.#fail[at]!) {
      const next = this.#wide[at]!.get(c);
      if (next !== undefined) return next;
      if (at === 0) return 0;
    }
  }

  readonly #seen: Uint8Array;

  /** The ids of every (lower-case) pattern that occurs in `text`, ignoring case, each once. */
  scan(text: string): number[] {
    const found: number[] = [];
    const seen = this.#seen;
    let node = 0;
    const delta = this.#delta;
    const columnOf = this.#columnOf;
    const width = this.#width;
    const outStart = this.#outStart;
    const outIds = this.#outIds;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      // Patterns are lower-case: the text is folded as it is read (for ASCII by the columns), instead of copied lower-cased.
      node = c < ASCII ? delta[node * width + columnOf[c]!]! : this.#step(node, String.fromCharCode(c).toLowerCase().charCodeAt(0));
      for (let k = outStart[node]!, last = outStart[node + 1]!; k < last; k++) {
        const id = outIds[k]!;
        if (seen[id] === 0) {
          seen[id] = 1;
          found.push(id);
        }
      }
    }
    for (const id of found) seen[id] = 0;
    return found;
  }
}
