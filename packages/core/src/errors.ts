// Errors a caller can act on: each names what was asked for and what exists instead.

export class ProtocodesError extends Error {
  override name = 'ProtocodesError';
}

export class UnknownProtocolError extends ProtocodesError {
  override name = 'UnknownProtocolError';
  constructor(
    readonly protocol: string,
    readonly known: readonly string[],
  ) {
    super(`unknown protocol "${protocol}"; known protocols: ${known.join(', ')}`);
  }
}

export class UnknownCodeError extends ProtocodesError {
  override name = 'UnknownCodeError';
  constructor(
    readonly protocol: string,
    readonly code: string,
    /** The nearest existing codes, closest first; may be empty. */
    readonly suggestions: readonly number[],
  ) {
    super(
      `${protocol} has no code "${code}"` +
        (suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : ''),
    );
  }
}

export class InvalidComparisonError extends ProtocodesError {
  override name = 'InvalidComparisonError';
  constructor(
    readonly protocol: string,
    readonly code: number,
  ) {
    super(`cannot compare ${protocol} ${code} with itself; give two different codes`);
  }
}

/**
 * A code, pair or protocol that exists but whose data this program has not loaded: only with
 * `@protocodes/core/on-demand`, before `loadCodes` has brought it in.
 */
export class NotLoadedError extends ProtocodesError {
  override name = 'NotLoadedError';
  constructor(
    readonly protocol: string,
    /** The codes to load (`554`, `5.7.1`); empty when the whole protocol is missing, or for a list of every code. */
    readonly missing: readonly string[],
    /** Set when every code was asked for (a list), which on demand means loading them all. */
    readonly listing = false,
  ) {
    const what = missing.length ? `${protocol} ${missing.join(', ')}` : protocol;
    const codes = missing.length ? missing.map((code) => (/^\d+$/.test(code) ? code : `'${code}'`)).join(', ') : '…';
    super(
      listing
        ? `listing every ${protocol} code needs every code loaded: import @protocodes/core, which holds them all, instead of an on-demand entry`
        : `not loaded yet: ${what}. Run await loadCodes('${protocol}', [${codes}]) from @protocodes/core/on-demand ` +
            `(or @protocodes/texts/on-demand) first, or import @protocodes/core, which holds every code`,
    );
  }
}
