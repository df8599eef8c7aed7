// Locale-free facts about two codes: what a comparison text is built from. No sentence is
// written here; @protocodes/texts turns these facts into prose.
import { InvalidComparisonError, NotLoadedError } from './errors.js';
import { requireCodeIn } from './lookup.js';
import type { Actor, CodeEntry, FactDefinition, PairNote, ProtocolData, RetryPolicy } from './model.js';

interface Contrast<T> {
  readonly a: T;
  readonly b: T;
  readonly same: boolean;
}

/** One declared fact of both codes: their values (items, for lists) and whether they differ. */
export interface FactContrast {
  readonly fact: FactDefinition;
  readonly a: readonly string[];
  readonly b: readonly string[];
  readonly onlyA: readonly string[];
  readonly onlyB: readonly string[];
  readonly same: boolean;
}

/** A code's value for a declared fact, as strings: one for `value`, all items for lists. */
export function factValues(entry: CodeEntry, fact: FactDefinition): string[] {
  const raw = (entry as unknown as Record<string, unknown>)[fact.field];
  if (raw === undefined) return fact.default === undefined ? [] : [fact.default];
  return Array.isArray(raw) ? raw.map(String) : [String(raw)];
}

function contrastFact(fact: FactDefinition, a: CodeEntry, b: CodeEntry): FactContrast {
  const x = factValues(a, fact);
  const y = factValues(b, fact);
  const onlyA = x.filter((v) => !y.includes(v));
  const onlyB = y.filter((v) => !x.includes(v));
  // A `lead` fact compares the first item only: who acts first, who usually generates it.
  const same = fact.kind === 'lead' ? x[0] === y[0] : onlyA.length === 0 && onlyB.length === 0;
  return { fact, a: x, b: y, onlyA, onlyB, same };
}

/** What a reply means for the client: its class and retry policy together (`5:after-change`). */
export function outcomeOf(entry: CodeEntry): string {
  return `${entry.class}:${entry.retry}`;
}



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
  /** Class and retry together, as `outcomeOf` writes them. */
  readonly outcome: Contrast<string>;
  /** Every fact the protocol declares, in its order of salience. */
  readonly facts: readonly FactContrast[];
  /** What differs, most telling first: `outcome`, then the fields of the facts that differ. */
  readonly differences: readonly string[];
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
  const phasesA = a.phases ?? [];
  const phasesB = b.phases ?? [];
  const shared = phasesA.filter((p) => phasesB.includes(p));
  const outcome = { a: outcomeOf(a), b: outcomeOf(b), same: outcomeOf(a) === outcomeOf(b) };
  const facts = data.protocol.facts.map((fact) => contrastFact(fact, a, b));
  const actorsA = a.actors ?? [];
  const actorsB = b.actors ?? [];
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
      a: phasesA,
      b: phasesB,
      shared,
      onlyA: phasesA.filter((p) => !shared.includes(p)),
      onlyB: phasesB.filter((p) => !shared.includes(p)),
      same: shared.length === phasesA.length && shared.length === phasesB.length,
    },
    actors: { a: actorsA, b: actorsB, shared: actorsA.filter((actor) => actorsB.includes(actor)) },
    outcome,
    facts,
    differences: [...(outcome.same ? [] : ['outcome']), ...facts.filter((f) => !f.same).map((f) => f.fact.field)],
    related: a.related.includes(b.code) || b.related.includes(a.code),
    note: pairNoteIn(data, id),
  };
}

function pairNoteIn(data: ProtocolData, id: string): PairNote | undefined {
  if (data.notLoaded?.pairs.has(id)) throw new NotLoadedError(data.protocol.id, id.split('-'));
  return data.pairs[id];
}
