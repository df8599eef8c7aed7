import { describe, expect, it } from 'vitest';
import { LiteralMatcher } from './literal-matcher.js';

const found = (patterns: string[], text: string) => {
  const ids = new Set(new LiteralMatcher(patterns).scan(text));
  return patterns.filter((_, i) => ids.has(i));
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

  it('ignores case, ASCII and beyond, and reports each pattern once', () => {
    expect(found(['user unknown', 'нет такого'], 'USER UNKNOWN; user unknown; НЕТ ТАКОГО')).toEqual(['user unknown', 'нет такого']);
    expect(new LiteralMatcher(['ab']).scan('ab ab AB')).toEqual([0]);
  });

  it('matches non-ASCII patterns (Cyrillic replies) and ignores nothing else', () => {
    expect(found(['нет такого', 'spam'], '550 нет такого пользователя')).toEqual(['нет такого']);
    expect(found([], 'anything')).toEqual([]);
  });
});
