// Locale-free facts about two codes: what a comparison text is built from. No sentence is
// written here; @protocodes/texts turns these facts into prose.
import { InvalidComparisonError } from './errors.js';
import { requireCodeIn } from './lookup.js';
import type { Actor, CodeEntry, Connection, PairNote, ProtocolData, RetryPolicy, Scope } from './model.js';

/**
 * The facts a comparison can contrast, most telling first: what the reply means for the client
 * (class and retry together), what it refuses or affects, whether the connection survives, who
 * has to act, and where in the session it comes.
 */
export const COMPARED_FACTS = ['outcome', 'scope', 'connection', 'actor', 'phases'] as const;
export type ComparedFact = (typeof COMPARED_FACTS)[number];

interface Contrast<T> {
  readonly a: T;
  readonly b: T;
  readonly same: boolean;
}

/** What a reply means for the client: its class and retry policy together (`5:after-change`). */
export function outcomeOf(entry: CodeEntry): string {
  return `${entry.class}:${entry.retry}`;
}

/** The actor who matters most for a code (its first), or `nobody`. */
export function leadActorOf(entry: CodeEntry): Actor {
  return entry.actors[0] ?? 'nobody';
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
  readonly scope: Contrast<Scope>;
  readonly connection: Contrast<Connection>;
  /** Each code's first actor: who has to act before anyone else. */
  readonly leadActor: Contrast<Actor>;
  /** The facts in which the two codes differ, in the order of COMPARED_FACTS. */
  readonly differences: readonly ComparedFact[];
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
  const contrast = <T>(x: T, y: T): Contrast<T> => ({ a: x, b: y, same: x === y });
  const outcome = contrast(outcomeOf(a), outcomeOf(b));
  const scope = contrast(a.scope, b.scope);
  const connection = contrast(a.connection, b.connection);
  const leadActor = contrast(leadActorOf(a), leadActorOf(b));
  const phasesSame = shared.length === a.phases.length && shared.length === b.phases.length;
  const same: Record<ComparedFact, boolean> = { outcome: outcome.same, scope: scope.same, connection: connection.same, actor: leadActor.same, phases: phasesSame };
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
      same: phasesSame,
    },
    actors: { a: a.actors, b: b.actors, shared: a.actors.filter((actor) => b.actors.includes(actor)) },
    outcome,
    scope,
    connection,
    leadActor,
    differences: COMPARED_FACTS.filter((fact) => !same[fact]),
    related: a.related.includes(b.code) || b.related.includes(a.code),
    note: data.pairs[id],
  };
}
