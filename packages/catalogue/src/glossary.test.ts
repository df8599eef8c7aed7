import { describe, expect, it } from 'vitest';
import { avoidedPhrases, candidatesIn } from './glossary.js';

const terms = [
  { term: 'relay', use: 'relay', avoid: ['máy chủ chuyển tiếp', 'chuyển tiếp (relay)', 'Open Relay'] },
  { term: 'mail client', use: 'ứng dụng thư', avoid: ['trình khách thư', 'e-mail client', '«»'] },
  { term: 'bounce', use: 'thư báo lỗi', avoid: ['送信者', 'thư dội'] },
] as Parameters<typeof avoidedPhrases>[0];

const texts = [
  'Máy chủ   chuyển\ntiếp từ chối thư.',
  'Không phải máy chủ, cũng không chuyển tiếp.',
  'Dùng chuyển tiếp (relay) khi cần; an OPEN relay is bad.',
  'Set the E-Mail client up; trình khách thư cũ.',
  'Ký hiệu «» ở đây.',
  '送信者 が拒否されました; 送信者のアドレス',
  'thư dội lại, thư dộiX, xthư dội',
];

describe('the glossary index', () => {
  it('never leaves out a phrase that its pattern finds, and keeps glossary order', () => {
    const avoided = avoidedPhrases(terms);
    const all = [...avoided.byFirstRun.values()].flat().concat(avoided.always).sort((x, y) => x.order - y.order);
    expect(all).toHaveLength(8);
    let matches = 0;
    for (const text of texts) {
      const candidates = candidatesIn(text, avoided);
      const matching = all.filter((entry) => entry.pattern.test(text));
      matches += matching.length;
      expect(matching.every((entry) => candidates.includes(entry)), text).toBe(true);
      expect(candidates.map((c) => c.order)).toEqual([...candidates.map((c) => c.order)].sort((x, y) => x - y));
    }
    expect(matches).toBeGreaterThanOrEqual(7);
  });

  it('rules out a text that lacks one of a phrase\'s words', () => {
    const avoided = avoidedPhrases(terms);
    expect(candidatesIn('Không phải máy chủ.', avoided).map((c) => c.phrase)).not.toContain('máy chủ chuyển tiếp');
  });
});
