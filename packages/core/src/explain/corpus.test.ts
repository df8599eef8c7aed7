import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainReply } from './parse-reply.js';

// Lines written by hand from what MTAs and providers send (packages/core/test/replies/README.md).
interface CorpusLine { shape: string; text: string; reply: number | null; enhanced: string | null; command: string | null; reason: string }
const corpus: CorpusLine[] = readFileSync(new URL('../../test/replies/lines.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((line) => JSON.parse(line) as CorpusLine);

describe('the reply corpus', () => {
  const misses: Record<'reply' | 'enhanced' | 'command' | 'reason', string[]> = { reply: [], enhanced: [], command: [], reason: [] };
  for (const line of corpus) {
    const found = explainReply(line.text);
    const got = { reply: found?.reply ?? null, enhanced: found?.enhanced ?? null, command: found?.command ?? null, reason: found?.reason ?? 'undefined' };
    for (const field of ['reply', 'enhanced', 'command', 'reason'] as const) {
      if (got[field] !== line[field]) misses[field].push(`${line.shape}: expected ${line[field]}, got ${got[field]} in ${JSON.stringify(line.text.slice(0, 140))}`);
    }
  }
  const accuracy = (field: keyof typeof misses) => 1 - misses[field].length / corpus.length;

  it('holds at least 200 lines in at least 15 shapes', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((l) => l.shape)).size).toBeGreaterThanOrEqual(15);
  });
  it('reads the codes right on at least 98 % of lines', () => {
    console.log(`reply ${(accuracy('reply') * 100).toFixed(1)} %, enhanced ${(accuracy('enhanced') * 100).toFixed(1)} %, command ${(accuracy('command') * 100).toFixed(1)} %, reason ${(accuracy('reason') * 100).toFixed(1)} % of ${corpus.length} lines`);
    expect(accuracy('reply'), misses.reply.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(accuracy('enhanced'), misses.enhanced.join('\n')).toBeGreaterThanOrEqual(0.98);
  });
  it('reads the command right on at least 95 % of lines', () => {
    expect(accuracy('command'), misses.command.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
  it('gives the right reason on at least 90 % of lines', () => {
    expect(accuracy('reason'), misses.reason.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
