// Small text helpers shared by the linters.

export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Up to `count` candidates close enough to `word` to be a likely typo of it, closest first. */
export function closestWords(word: string, candidates: readonly string[], count = 3): string[] {
  const lower = word.toLowerCase();
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(lower, candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= Math.max(2, Math.floor(candidate.length / 3)))
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

/** Maximal runs of letters, of digits, of spaces, and of anything else: a linear tokenization. */
const TOKENS = /\p{L}+|\p{N}+|\s+|[^\p{L}\p{N}\s]+/gu;

/**
 * The first `limit` "the the" in a text, as the repeated piece. Written as a scan over tokens
 * rather than a backreference, which backtracks quadratically on a long run of letters.
 */
export function doubledWords(text: string, limit = 10): string[] {
  const found: string[] = [];
  const tokens = text.match(TOKENS) ?? [];
  const isWord = (token: string | undefined) => token !== undefined && /^\p{L}/u.test(token);
  const isNumber = (token: string | undefined) => token !== undefined && /^\p{N}/u.test(token);
  for (let i = 0; i + 2 < tokens.length && found.length < limit; i++) {
    const word = tokens[i]!;
    const again = tokens[i + 2]!;
    // Most neighbours differ in length: that settles them before any case folding.
    if (word.length !== again.length) continue;
    const space = tokens[i + 1]!;
    if (!isWord(word) || !/^\s/.test(space) || word.toLowerCase() !== again.toLowerCase()) continue;
    if (isNumber(tokens[i - 1]) || isNumber(tokens[i + 3])) continue;
    found.push(`${word}${space}${again}`);
  }
  return found;
}
