import { describe, expect, it } from 'vitest';
import { LiteralMatcher } from './literal-matcher.js';

const found = (patterns: string[], text: string) => {
  const hits = new Uint8Array(patterns.length);
  new LiteralMatcher(patterns).scan(text, hits);
  return patterns.filter((_, i) => hits[i] === 1);
};

describe('LiteralMatcher', () => {
  it('finds every pattern that occurs, overlapping and nested ones included', () => {
    expect(found(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['he', 'she', 'hers']);
    expect(found(['user unknown', 'unknown', 'no such user'], '550 5.1.1 user unknown')).toEqual(['user unknown', 'unknown']);
  });

  it('agrees with String.includes on random texts and patterns', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = (n: number) => Array.from({ length: n }, () => 'abcé'[Math.floor(random() * 4)]).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = [...new Set(Array.from({ length: 8 }, () => word(1 + Math.floor(random() * 4))))];
      const text = word(40);
      expect(found(patterns, text)).toEqual(patterns.filter((p) => text.includes(p)));
    }
  });

  it('matches non-ASCII patterns (Cyrillic replies) and ignores nothing else', () => {
    expect(found(['нет такого', 'spam'], '550 нет такого пользователя')).toEqual(['нет такого']);
    expect(found([], 'anything')).toEqual([]);
  });
});
