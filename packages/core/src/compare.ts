// Locale-free facts about two codes: what a comparison text is built from. No sentence is
// written here; @protocodes/texts turns these facts into prose.
import { InvalidComparisonError } from './errors.js';
import { requireCodeIn } from './lookup.js';
import type { Actor, CodeEntry, PairNote, ProtocolData, RetryPolicy } from './model.js';

export interface CodeComparison {
  readonly protocol: string;
  /** The smaller code. Comparisons are symmetric; the canonical order is ascending. */
  readonly a: CodeEntry;
  readonly b: CodeEntry;
  /** True when the caller asked for them the other way round. */
  readonly swapped: boolean;
  /** `<a>-<b>`, the pair's canonical id. */
  readonly id: string;
  readonly sameClass: boolean;
  readonly sameCategory: boolean;
  readonly retry: { readonly a: RetryPolicy; readonly b: RetryPolicy; readonly same: boolean };
  readonly phases: {
    readonly a: readonly string[];
    readonly b: readonly string[];
    readonly shared: readonly string[];
    readonly onlyA: readonly string[];
    readonly onlyB: readonly string[];
    readonly same: boolean;
  };
  readonly actors: { readonly a: readonly Actor[]; readonly b: readonly Actor[]; readonly shared: readonly Actor[] };
  /** Whether either entry lists the other as related. */
  readonly related: boolean;
  /** The hand-written note for this pair, when there is one. */
  readonly note: PairNote | undefined;
}

export function compareIn(data: ProtocolData, first: unknown, second: unknown): CodeComparison {
  const x = requireCodeIn(data, first);
  const y = requireCodeIn(data, second);
  if (x.code === y.code) throw new InvalidComparisonError(data.protocol.id, x.code);
  const [a, b] = x.code < y.code ? [x, y] : [y, x];
  const id = `${a.code}-${b.code}`;
  const shared = a.phases.filter((p) => b.phases.includes(p));
  return {
    protocol: data.protocol.id,
    a,
    b,
    swapped: a !== x,
    id,
    sameClass: a.class === b.class,
    sameCategory: a.category === b.category,
    retry: { a: a.retry, b: b.retry, same: a.retry === b.retry },
    phases: {
      a: a.phases,
      b: b.phases,
      shared,
      onlyA: a.phases.filter((p) => !shared.includes(p)),
      onlyB: b.phases.filter((p) => !shared.includes(p)),
      same: shared.length === a.phases.length && shared.length === b.phases.length,
    },
    actors: { a: a.actors, b: b.actors, shared: a.actors.filter((actor) => b.actors.includes(actor)) },
    related: a.related.includes(b.code) || b.related.includes(a.code),
    note: data.pairs[id],
  };
}
