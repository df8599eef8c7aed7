// The data this program holds. Importing `@protocodes/core` holds every protocol in full;
// `@protocodes/core/on-demand` holds a protocol's outline and adds codes as `loadCodes` brings
// them. Everything in runtime.ts reads from here and nothing else.
import { NotLoadedError } from './errors.js';
import type { ProtocolData } from './model.js';

/** An enhanced code's registry entry, as generated (typed precisely in enhanced.ts). */
type EnhancedEntries = Readonly<Record<string, object>>;

const held = new Map<string, ProtocolData>();
interface NotLoadedEnhanced {
  readonly ids: ReadonlySet<string>;
  /** Every registry entry's title, loaded or not. */
  readonly titles: Readonly<Record<string, string>>;
}
let enhanced: { entries: EnhancedEntries; notLoaded?: NotLoadedEnhanced } | undefined;

export function holdProtocol(id: string, data: ProtocolData): void {
  held.set(id, data);
}

/** The data held for a known protocol id, or NotLoadedError when none is. */
export function heldProtocol(id: string): ProtocolData {
  const data = held.get(id);
  if (data === undefined) throw new NotLoadedError(id, []);
  return data;
}

export function heldProtocolIfAny(id: string): ProtocolData | undefined {
  return held.get(id);
}

/** SMTP's enhanced codes; `notLoaded` names the registry ids that exist but are not loaded yet. */
export function holdEnhanced(entries: EnhancedEntries, notLoaded?: NotLoadedEnhanced): void {
  enhanced = { entries, ...(notLoaded ? { notLoaded } : {}) };
}

/** The entry for a registry id (`X.7.1`), undefined when the registry has none. */
export function heldEnhancedEntry(id: string): object | undefined {
  if (enhanced === undefined) throw new NotLoadedError('smtp', [id]);
  if (enhanced.notLoaded?.ids.has(id)) throw new NotLoadedError('smtp', [id]);
  return Object.hasOwn(enhanced.entries, id) ? enhanced.entries[id] : undefined;
}

/** A registry entry's title, whether or not its entry is loaded. */
export function heldEnhancedTitle(id: string): string | undefined {
  if (enhanced === undefined) throw new NotLoadedError('smtp', [id]);
  const entry = Object.hasOwn(enhanced.entries, id) ? (enhanced.entries[id] as { title?: string }) : undefined;
  return entry?.title ?? enhanced.notLoaded?.titles[id];
}

export function heldEnhancedEntries(): object[] {
  if (enhanced === undefined || enhanced.notLoaded?.ids.size) throw new NotLoadedError('smtp', [], true);
  return Object.values(enhanced.entries);
}
