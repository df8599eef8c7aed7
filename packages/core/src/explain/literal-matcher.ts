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
  /** Sparse transitions for other characters, followed with the failure links; only nodes that have such children have a map. */
  readonly #wide: (Map<number, number> | undefined)[];
  readonly #fail: Int32Array;
  /** The patterns that end at node n, including those reached through failure links: `#outIds[#outStart[n] .. #outStart[n + 1]]`. */
  readonly #outStart: Int32Array;
  readonly #outIds: Int32Array;

  constructor(patterns: readonly string[]) {
    this.size = patterns.length;
    this.#seen = new Uint8Array(patterns.length);
    const columnChars = [...new Set(patterns.join(''))].map((ch) => ch.charCodeAt(0)).filter((c) => c < ASCII).sort((a, b) => a - b);
    columnChars.forEach((c, k) => {
      this.#columnOf[c] = k + 1;
      if (c >= 97 && c <= 122) this.#columnOf[c - 32] = k + 1;
    });
    const width = (this.#width = columnChars.length + 1);
    // The trie is built straight into the transition table, its edges also kept as a list per node
    // (first child, next sibling), without a map per node: a matcher has thousands of nodes, and
    // building it is on the path of a CLI start, where this code runs before it is optimised.
    const maxNodes = 1 + patterns.reduce((sum, pattern) => sum + pattern.length, 0);
    const delta = new Int32Array(maxNodes * width);
    const firstChild = new Int32Array(maxNodes).fill(-1);
    const nextSibling = new Int32Array(maxNodes);
    const columnInto = new Int32Array(maxNodes);
    const wide: (Map<number, number> | undefined)[] = [];
    const own = new Map<number, number[]>();
    let count = 1;
    patterns.forEach((pattern, id) => {
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        if (c < ASCII) {
          const k = this.#columnOf[c]!;
          let next = delta[node * width + k]!;
          if (next === 0) {
            next = count++;
            delta[node * width + k] = next;
            columnInto[next] = k;
            nextSibling[next] = firstChild[node]!;
            firstChild[node] = next;
          }
          node = next;
        } else {
          const children = (wide[node] ??= new Map());
          let next = children.get(c);
          if (next === undefined) children.set(c, (next = count++));
          node = next;
        }
      }
      const ids = own.get(node);
      if (ids) ids.push(id);
      else own.set(node, [id]);
    });
    this.#delta = delta;
    this.#wide = wide;
    const fail = (this.#fail = new Int32Array(count));
    // Breadth first: a node's failure link and transitions only need shallower nodes. A node's row
    // starts as a copy of its failure node's row (one native copy), then its own children go in.
    const none: readonly number[] = [];
    const out: (readonly number[])[] = new Array(count);
    out[0] = own.get(0) ?? none;
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      const failNode = fail[node]!;
      if (node !== 0) {
        const mine = own.get(node);
        const inherited = out[failNode]!;
        out[node] = mine ? (inherited.length > 0 ? [...mine, ...inherited] : mine) : inherited;
        delta.copyWithin(node * width, failNode * width, failNode * width + width);
      }
      for (let child = firstChild[node]!; child !== -1; child = nextSibling[child]!) {
        const k = columnInto[child]!;
        fail[child] = node === 0 ? 0 : delta[failNode * width + k]!;
        delta[node * width + k] = child;
        queue.push(child);
      }
      for (const [c, child] of wide[node] ?? []) {
        fail[child] = node === 0 ? 0 : this.#step(failNode, c);
        queue.push(child);
      }
    }
    this.#delta = delta.slice(0, count * width);
    // Flat arrays: the scan checks one number per character instead of reading an array per node.
    this.#outStart = new Int32Array(count + 1);
    for (let node = 0; node < count; node++) this.#outStart[node + 1] = this.#outStart[node]! + out[node]!.length;
    this.#outIds = new Int32Array(this.#outStart[count]!);
    for (let node = 0; node < count; node++) this.#outIds.set(out[node]!, this.#outStart[node]!);
  }

  #step(node: number, c: number): number {
    if (c < ASCII) return this.#delta[node * this.#width + this.#columnOf[c]!]!;
    for (let at = node; ; at = this.#fail[at]!) {
      const next = this.#wide[at]?.get(c);
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
