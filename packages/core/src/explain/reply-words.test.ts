import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchProvider } from './providers.js';
import { reasonFromWords, REPLY_REASONS } from './reasons.js';
import { readReplyWords } from './reply-words.js';

const lines = readFileSync(new URL('../../test/replies/lines.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text);

describe('readReplyWords', () => {
  it('finds what matchProvider and reasonFromWords find separately, on every corpus line', () => {
    let providers = 0;
    for (const text of lines) {
      const words = readReplyWords(text);
      expect(words.provider(), text).toEqual(matchProvider(text));
      expect(words.reason(), text).toBe(reasonFromWords(text));
      if (words.provider()) providers++;
    }
    // The comparison means something only if both kinds of word occur.
    expect(providers).toBeGreaterThan(20);
  });

  it('limits the reason to the reasons asked for', () => {
    const words = readReplyWords('Connection timed out; mailbox full');
    expect(words.reason()).toBe('mailboxfull');
    expect(words.reason(new Set<(typeof REPLY_REASONS)[number]>(['networkerror']))).toBe('networkerror');
  });
});
