import { describe, expect, it } from 'vitest';
import { compareEnhancedCodes, describeEnhancedCode, findEnhancedEntry, listEnhancedEntries, listProviders, matchProvider, parseEnhancedCode } from './index.js';

describe('enhanced status codes', () => {
  it('parse with a class, without one, and with parts of up to three digits', () => {
    expect(parseEnhancedCode('5.7.1')).toEqual({ class: 5, subject: 7, detail: 1, id: 'X.7.1' });
    expect(parseEnhancedCode('x.1.10')).toEqual({ subject: 1, detail: 10, id: 'X.1.10' });
    expect(parseEnhancedCode('5.7.606')?.id).toBe('X.7.606');
    expect(parseEnhancedCode('4.7.650')?.detail).toBe(650);
    for (const bad of ['3.1.1', '5.01.1', '5.1.1000', '5.1', '5.1.1.1', '', 5.1, null, 'a'.repeat(100)]) expect(parseEnhancedCode(bad), String(bad)).toBeUndefined();
  });

  it('resolve 5.7.1 to X.7.1 in class 5, and explain a code outside the registry by its class and subject', () => {
    const known = describeEnhancedCode('5.7.1')!;
    expect(known.entry?.code).toBe('X.7.1');
    expect(known.classDefinition?.digit).toBe(5);
    expect(known.classMeaning).toBe(known.entry!.inClass.find((use) => use.class === 5)!.meaning);
    const vendor = describeEnhancedCode('5.7.606')!;
    expect(vendor.entry).toBeUndefined();
    expect(vendor.subjectDefinition?.name).toBe('Security or policy status');
    expect(vendor.classDefinition?.name).toBe('Permanent negative completion');
    expect(describeEnhancedCode('5.9.1')!.subjectDefinition).toBeUndefined();
    expect(findEnhancedEntry('X.6.10')?.status).toBe('deprecated');
  });

  it('list the 81 registry entries in registry order', () => {
    const codes = listEnhancedEntries().map((e) => e.code);
    expect(codes).toHaveLength(81);
    expect(codes.indexOf('X.1.2')).toBeLessThan(codes.indexOf('X.1.10'));
  });

  it('compare two in registry order, with the basic codes they share', () => {
    const facts = compareEnhancedCodes(describeEnhancedCode('5.7.1')!, describeEnhancedCode('5.1.1')!);
    expect([facts.a.code, facts.b.code]).toEqual(['5.1.1', '5.7.1']);
    expect(facts.sameSubject).toBe(false);
    expect(facts.sharedBasicCodes).toEqual([451, 550]);
  });
});

describe('provider rules', () => {
  it('cover at least ten providers with at least sixty rules', () => {
    const providers = listProviders();
    expect(providers.length).toBeGreaterThanOrEqual(10);
    expect(providers.reduce((n, p) => n + p.rules.length, 0)).toBeGreaterThanOrEqual(60);
    for (const id of ['gmail', 'microsoft', 'yahoo', 'icloud', 'ses', 'mailru', 'yandex', 'zoho', 'proofpoint', 'mimecast', 'barracuda', 'dnsbl']) {
      expect(providers.map((p) => p.id)).toContain(id);
    }
  });

  it('match when every token occurs, in any case, and the first rule in catalogue order wins', () => {
    expect(matchProvider('550 5.7.606 Access denied, banned sending IP [203.0.113.9]')).toMatchObject({ provider: 'microsoft', rule: 'microsoft-banned-ip', reason: 'blocked' });
    expect(matchProvider('550 5.7.1 CLIENT HOST BLOCKED USING ZEN.SPAMHAUS.ORG')?.provider).toBe('dnsbl');
    expect(matchProvider('550 5.1.1 User unknown')).toBeUndefined();
  });

  it('each recognise the reply they were written for: every rule is reached by its own tokens', () => {
    for (const provider of listProviders()) {
      for (const rule of provider.rules) {
        const found = matchProvider((rule.match as readonly string[]).join(' … '));
        expect(found, rule.id).toBeDefined();
        // An earlier rule may be more specific, but never from another provider.
        expect(found!.provider, `${rule.id} is shadowed by ${found!.rule}`).toBe(provider.id);
      }
    }
  });
});
