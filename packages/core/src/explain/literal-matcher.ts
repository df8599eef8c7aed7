// Finds which of many literal strings occur in a text, in one pass over the text (Aho-Corasick).
// Reasons and provider rules are matched with it, so adding a phrase or a rule does not add a
// pass: the cost stays linear in the text, whatever the number of phrases.

const ASCII = 128;

export class LiteralMatcher {
  readonly size: number;
  /** Full transition table for ASCII: `delta[node * 128 + char]`. */
  readonly #delta: Int32Array;
  /** Sparse transitions for other characters, followed with the failure links. */
  readonly #wide: Map<number, number>[];
  readonly #fail: Int32Array;
  /** The patterns that end at each node, including those reached through failure links. */
  readonly #out: (readonly number[])[];

  constructor(patterns: readonly string[]) {
    this.size = patterns.length;
    this.#seen = new Uint8Array(patterns.length);
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    patterns.forEach((pattern, id) => {
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        let next = children[node]!.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push([]);
          children[node]!.set(c, next);
        }
        node = next;
      }
      own[node]!.push(id);
    });
    const count = children.length;
    this.#delta = new Int32Array(count * ASCII);
    this.#fail = new Int32Array(count);
    this.#wide = children.map((map) => new Map([...map].filter(([c]) => c >= ASCII)));
    this.#out = own;
    // Breadth first: a node's failure link and transitions only need shallower nodes.
    const queue: number[] = [];
    for (let c = 0; c < ASCII; c++) {
      const next = children[0]!.get(c);
      if (next !== undefined) {
        this.#delta[c] = next;
        queue.push(next);
      }
    }
    for (const [c, next] of children[0]!) if (c >= ASCII) queue.push(next);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      const fail = this.#fail[node]!;
      if (this.#out[fail]!.length > 0) this.#out[node] = [...this.#out[node]!, ...this.#out[fail]!];
      for (let c = 0; c < ASCII; c++) {
        const next = children[node]!.get(c);
        if (next === undefined) this.#delta[node * ASCII + c] = this.#delta[fail * ASCII + c]!;
        else {
          this.#delta[node * ASCII + c] = next;
          this.#fail[next] = this.#delta[fail * ASCII + c]!;
          queue.push(next);
        }
      }
      for (const [c, next] of children[node]!) {
        if (c < ASCII) continue;
        this.#fail[next] = node === 0 ? 0 : this.#step(fail, c);
        queue.push(next);
      }
    }
  }

  #step(node: number, c: number): number {
    if (c < ASCII) return this.#delta[node * ASCII + c]!;
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
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      // Patterns are lower-case: the text is folded as it is read, instead of copied lower-cased.
      if (c >= 65 && c <= 90) c += 32;
      else if (c >= ASCII) c = String.fromCharCode(c).toLowerCase().charCodeAt(0);
      node = c < ASCII ? delta[node * ASCII + c]! : this.#step(node, c);
      const out = this.#out[node]!;
      for (let k = 0; k < out.length; k++) {
        const id = out[k]!;
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
