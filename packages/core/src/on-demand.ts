// @protocodes/core/on-demand: core's API with no codes held at first. `loadCodes` brings in the
// codes a program is about to use, each from a module of its own, so that a browser bundle
// fetches the protocol's outline (definition and titles) and only the codes it renders.
import { UnknownCodeError, UnknownProtocolError } from './errors.js';
import { parseEnhancedCode } from './enhanced.js';
import { parseCodeInput, suggestCodesIn } from './lookup.js';
import type { CodeEntry, PairNote, ProtocolData, ProtocolDefinition } from './model.js';
import { isProtocolId, protocolList, type ProtocolId } from './runtime.js';
import { heldProtocolIfAny, holdEnhanced, holdProtocol } from './store.js';

export * from './runtime.js';

/** The generated `parts/<protocol>.js` module: what exists, and a loader for each part. */
interface Outline {
  protocol: object;
  titles: Readonly<Record<string, string>>;
  codeLoaders: Readonly<Record<string, () => Promise<{ entry: object }>>>;
  pairLoaders: Readonly<Record<string, () => Promise<{ note: object }>>>;
  enhancedTitles: Readonly<Record<string, string>>;
  enhancedLoaders: Readonly<Record<string, () => Promise<{ entry: object }>>>;
}

const outlines: Record<ProtocolId, () => Promise<Outline>> = {
  ftp: () => import('./generated/parts/ftp.js'),
  http: () => import('./generated/parts/http.js'),
  smtp: () => import('./generated/parts/smtp.js'),
};

/** What has been loaded so far, per protocol. */
interface Loaded {
  outline: Outline;
  codes: Record<number, CodeEntry>;
  pairs: Record<string, PairNote>;
  enhanced: Record<string, object>;
}
const loaded = new Map<ProtocolId, Promise<Loaded>>();

function startLoading(protocol: ProtocolId): Promise<Loaded> {
  let state = loaded.get(protocol);
  if (state === undefined) {
    state = outlines[protocol]().then((outline) => ({ outline, codes: {}, pairs: {}, enhanced: {} }));
    loaded.set(protocol, state);
  }
  return state;
}

/**
 * Loads the texts of `codes` (`554`, `"554"`, and for SMTP enhanced codes such as `"5.7.1"`) and
 * the curated notes of every pair they make with each other and with codes loaded before. After it resolves,
 * every function of this module (and of `@protocodes/texts/on-demand`) works for those codes.
 * Rejects with UnknownProtocolError or UnknownCodeError (with suggestions) for what does not exist.
 */
export async function loadCodes(protocol: string, codes: readonly (number | string)[]): Promise<void> {
  if (!isProtocolId(protocol)) throw new UnknownProtocolError(protocol, protocolList);
  const held = heldProtocolIfAny(protocol);
  if (held !== undefined && held.notLoaded === undefined) return; // the all-in-one entry holds everything
  const state = await startLoading(protocol);
  const { outline } = state;
  const basic: number[] = [];
  const enhanced: string[] = [];
  for (const input of codes) {
    const parts = protocol === 'smtp' && typeof input === 'string' ? parseEnhancedCode(input) : undefined;
    if (parts) {
      // A code the registry lacks (5.7.606) is explained from its class and subject: nothing to load.
      if (Object.hasOwn(outline.enhancedLoaders, parts.id)) enhanced.push(parts.id);
      continue;
    }
    const code = parseCodeInput(input);
    if (code === undefined || !Object.hasOwn(outline.codeLoaders, String(code))) {
      throw new UnknownCodeError(protocol, String(input), suggestAmong(outline, String(input)));
    }
    basic.push(code);
  }
  const requested = [...new Set(basic)].sort((a, b) => a - b);
  // The notes of pairs among every code loaded so far, so that codes loaded one call at a time compare too.
  const loadedOrAsked = new Set([...Object.keys(state.codes).map(Number), ...requested]);
  const pairIds = requested.flatMap((a) => [...loadedOrAsked].map((b) => (a < b ? `${a}-${b}` : `${b}-${a}`))).filter((id) => Object.hasOwn(outline.pairLoaders, id));
  await Promise.all([
    ...requested.filter((code) => !state.codes[code]).map(async (code) => {
      state.codes[code] = (await outline.codeLoaders[String(code)]!()).entry as CodeEntry;
    }),
    ...[...new Set(pairIds)].filter((id) => !state.pairs[id]).map(async (id) => {
      state.pairs[id] = (await outline.pairLoaders[id]!()).note as PairNote;
    }),
    ...[...new Set(enhanced)].filter((id) => !state.enhanced[id]).map(async (id) => {
      state.enhanced[id] = (await outline.enhancedLoaders[id]!()).entry;
    }),
  ]);
  hold(protocol, state);
}

/** Holds what is loaded, with the rest of the outline marked as not loaded. */
function hold(protocol: ProtocolId, state: Loaded): void {
  const { outline } = state;
  const data: ProtocolData = {
    protocol: outline.protocol as ProtocolDefinition,
    codes: { ...state.codes },
    pairs: { ...state.pairs },
    notLoaded: {
      codes: new Set(Object.keys(outline.codeLoaders).map(Number).filter((code) => !state.codes[code])),
      pairs: new Set(Object.keys(outline.pairLoaders).filter((id) => !state.pairs[id])),
      titles: outline.titles,
    },
  };
  holdProtocol(protocol, data);
  if (protocol === 'smtp') {
    const ids = new Set(Object.keys(outline.enhancedLoaders).filter((id) => !state.enhanced[id]));
    holdEnhanced({ ...state.enhanced }, { ids, titles: outline.enhancedTitles });
  }
}

/** Codes near a mistyped one, among all the protocol's codes, loaded or not. */
function suggestAmong(outline: Outline, typed: string): number[] {
  const known = new Set(Object.keys(outline.codeLoaders).map(Number));
  return suggestCodesIn({ protocol: outline.protocol as ProtocolDefinition, codes: {}, pairs: {}, notLoaded: { codes: known, pairs: new Set(), titles: {} } }, typed);
}
