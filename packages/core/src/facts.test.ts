import { describe, expect, it } from 'vitest';
import { listCodes, protocolList } from './index.js';
import { findSmtpFacts, getSmtpFacts, isSmtpReplyCode, listSmtpFacts, smtpProtocolFacts } from './generated/entries/smtp-facts.js';
import { listHttpFacts } from './generated/entries/http-facts.js';
import { listFtpFacts } from './generated/entries/ftp-facts.js';
import { UnknownCodeError } from './errors.js';

const PROSE = ['title', 'summary', 'description', 'whenYouSeeIt', 'howToFix', 'whenToSend', 'onReceive'];
const factsOf = { smtp: listSmtpFacts, http: listHttpFacts, ftp: listFtpFacts } as const;

describe('facts-only entries', () => {
  it.each(protocolList)('%s/facts has every code of the catalogue, with its facts and none of its prose', (protocol) => {
    const facts = factsOf[protocol]();
    const full = listCodes(protocol);
    expect(facts.map((f) => f.code)).toEqual(full.map((c) => c.code));
    for (const [i, entry] of full.entries()) {
      const fact = facts[i] as Record<string, unknown>;
      for (const key of PROSE) expect(fact, `${protocol} ${entry.code} ${key}`).not.toHaveProperty(key);
      expect(fact).toMatchObject({ code: entry.code, class: entry.class, retry: entry.retry, references: entry.references });
      expect(JSON.stringify(fact)).not.toContain(entry.summary);
    }
  });

  it('looks codes up, typed and from untrusted input', () => {
    expect(getSmtpFacts(421).retry).toBe('later');
    expect(findSmtpFacts(' 554 ')?.class).toBe(5);
    expect(findSmtpFacts('55x')).toBeUndefined();
    expect(isSmtpReplyCode(554)).toBe(true);
    expect(isSmtpReplyCode('554')).toBe(false);
    expect(() => getSmtpFacts(999 as 554)).toThrow(UnknownCodeError);
    expect(smtpProtocolFacts.classes).toEqual([2, 3, 4, 5]);
  });
});
