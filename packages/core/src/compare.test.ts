import { describe, expect, it } from 'vitest';
import { compareCodes, InvalidComparisonError, listCodes, listCuratedPairs, protocolList, UnknownCodeError } from './index.js';
import { compareSmtpCodes } from './generated/entries/smtp.js';

describe('compareCodes', () => {
  it('puts the pair in canonical order and says when it swapped', () => {
    const forward = compareCodes('smtp', 235, 554);
    const backward = compareCodes('smtp', 554, '235');
    expect([forward.a.code, forward.b.code, forward.id, forward.swapped]).toEqual([235, 554, '235-554', false]);
    expect([backward.a.code, backward.b.code, backward.id, backward.swapped]).toEqual([235, 554, '235-554', true]);
    expect({ ...backward, swapped: false }).toEqual(forward);
  });

  it('reports class, retry, phases and actors as facts', () => {
    const facts = compareSmtpCodes(450, 550);
    expect(facts.sameClass).toBe(false);
    expect(facts.sameCategory).toBe(true);
    expect(facts.retry).toEqual({ a: 'later', b: 'after-change', same: false });
    expect(facts.phases.shared).toEqual(expect.arrayContaining(['mail', 'rcpt', 'end-of-data']));
    expect(facts.phases.onlyA).toEqual(facts.phases.a.filter((p) => !facts.phases.b.includes(p)));
    expect(facts.phases.same).toBe(false);
    expect(facts.related).toBe(true);
  });

  it('finds phases in common and apart', () => {
    const facts = compareCodes('smtp', 235, 554);
    expect(facts.phases.shared).toEqual(['auth']);
    expect(facts.phases.onlyA).toEqual([]);
    expect(facts.phases.onlyB).toContain('greeting');
    expect(facts.actors.shared).toEqual([]);
    expect(compareCodes('smtp', 530, 535).phases.shared).toContain('auth');
  });

  it('lists the facts that differ, most telling first', () => {
    expect(compareCodes('smtp', 235, 554).differences).toEqual(['outcome', 'scope', 'actors', 'phases']);
    expect(compareCodes('smtp', 550, 554).differences).toEqual(['scope', 'phases']);
    expect(compareCodes('smtp', 421, 451).differences).toEqual(['scope', 'connection', 'phases']);
    expect(compareCodes('smtp', 458, 459).differences).toEqual([]);
    const facts = compareCodes('smtp', 221, 421);
    expect(facts.facts.find((f) => f.fact.field === 'connection')).toMatchObject({ a: ['closed'], b: ['closed'], same: true });
    expect(facts.outcome).toEqual({ a: '2:not-needed', b: '4:later', same: false });
  });

  it('attaches the curated note of a commonly confused pair, whichever order is asked', () => {
    expect(compareCodes('smtp', 550, 450).note?.codes).toEqual([450, 550]);
    expect(compareCodes('smtp', 550, 450).note?.note.length).toBeGreaterThan(100);
    expect(compareCodes('smtp', 235, 554).note).toBeUndefined();
  });

  it('lists exactly the pairs that have a note, smaller code first, in ascending order', () => {
    for (const protocol of protocolList) {
      const curated = listCuratedPairs(protocol);
      expect(curated.length, protocol).toBeGreaterThan(20);
      expect(curated, protocol).toEqual([...curated].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
      const codes = listCodes(protocol).map((e) => e.code);
      const withNotes = codes.flatMap((a, i) => codes.slice(i + 1).filter((b) => compareCodes(protocol, a, b).note).map((b) => [a, b]));
      expect(curated, protocol).toEqual(withNotes);
    }
    expect(listCuratedPairs('smtp')).toContainEqual([450, 550]);
  });

  it('refuses a code compared with itself, and unknown codes', () => {
    expect(() => compareCodes('smtp', 250, 250)).toThrow(InvalidComparisonError);
    expect(() => compareCodes('smtp', 250, 999)).toThrow(UnknownCodeError);
    expect(() => compareCodes('smtp', 'abc', 250)).toThrow('smtp has no code "abc"');
  });
});
