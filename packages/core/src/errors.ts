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
