// @protocodes/core/on-demand: nothing is held until loadCodes, then exactly what was loaded works,
// and asking for anything else says what to load. This file imports no other entry, so that the
// root entry (which holds everything) cannot make these pass by accident.
import { describe, expect, it } from 'vitest';
import {
  codeTitle,
  compareCodes,
  describeEnhancedCode,
  enhancedTitle,
  findCode,
  getCode,
  listCodes,
  loadCodes,
  NotLoadedError,
  requireCode,
  suggestCodes,
  UnknownCodeError,
  UnknownProtocolError,
} from './on-demand.js';
import { smtpCodes, smtpEnhanced, smtpPairs } from './generated/smtp.js';

describe('@protocodes/core/on-demand', () => {
  it('holds nothing before loadCodes, and says how to load', () => {
    expect(() => getCode('smtp', 554)).toThrow(NotLoadedError);
    expect(() => getCode('smtp', 554)).toThrow("not loaded yet: smtp. Run await loadCodes('smtp', […])");
  });

  it('loads the codes asked for and the notes of pairs among them, with the same data as the full catalogue', async () => {
    await loadCodes('smtp', ['235', 554, '250']);
    expect(getCode('smtp', 554)).toEqual(smtpCodes[554]);
    expect(findCode('smtp', '235')).toEqual(smtpCodes[235]);
    // A related code is not loaded, but its title is there for a link to it.
    for (const related of smtpCodes[554].related) expect(codeTitle('smtp', related)).toBe(smtpCodes[related as keyof typeof smtpCodes].title);
    const curated = Object.keys(smtpPairs).find((id) => id === '250-554' || id === '235-554' || id === '235-250');
    expect(curated, 'one of the requested pairs has a curated note').toBeDefined();
    const [a, b] = curated!.split('-').map(Number) as [number, number];
    expect(compareCodes('smtp', a, b).note).toEqual(smtpPairs[curated as keyof typeof smtpPairs]);
  });

  it('names a code that exists but is not loaded, and tells an unknown code apart', async () => {
    await loadCodes('smtp', [554]);
    const unloaded = Object.keys(smtpCodes).map(Number).find((code) => findCodeSafely(code) === 'not loaded')!;
    expect(unloaded).toBeDefined();
    expect(() => requireCode('smtp', unloaded)).toThrow(`not loaded yet: smtp ${unloaded}. Run await loadCodes('smtp', [${unloaded}])`);
    expect(() => requireCode('smtp', 559)).toThrow(UnknownCodeError);
    expect(suggestCodes('smtp', 557)).toEqual(expect.arrayContaining([554]));
    expect(() => listCodes('smtp')).toThrow('listing every smtp code needs every code loaded: import @protocodes/core');
  });

  it('rejects an unknown protocol or code with the same errors as the full catalogue', async () => {
    await expect(loadCodes('smpt', [554])).rejects.toThrow(UnknownProtocolError);
    await expect(loadCodes('smtp', [559])).rejects.toThrow('smtp has no code "559"; did you mean 556, 555, 554?');
    await expect(loadCodes('smtp', ['junk'])).rejects.toThrow(UnknownCodeError);
  });

  it('loads enhanced codes and the ones they link to; a code outside the registry needs nothing', async () => {
    expect(() => describeEnhancedCode('5.1.1')).toThrow(NotLoadedError);
    await loadCodes('smtp', ['5.1.1', '5.7.606']);
    expect(describeEnhancedCode('5.1.1')?.entry).toEqual(smtpEnhanced['X.1.1']);
    for (const related of smtpEnhanced['X.1.1'].related ?? []) expect(enhancedTitle(related)).toBe(smtpEnhanced[related as keyof typeof smtpEnhanced].title);
    expect(() => describeEnhancedCode('5.7.1')).toThrow("not loaded yet: smtp X.7.1. Run await loadCodes('smtp', ['X.7.1'])");
    expect(describeEnhancedCode('5.7.606')?.entry).toBeUndefined();
    expect(describeEnhancedCode('5.7.606')?.subjectDefinition?.digit).toBe(7);
  });

  it('keeps each protocol apart: loading SMTP holds no HTTP', async () => {
    await loadCodes('smtp', [250]);
    expect(() => getCode('http', 404)).toThrow("not loaded yet: http. Run await loadCodes('http', […])");
    await loadCodes('http', ['404']);
    expect(getCode('http', 404).code).toBe(404);
  });
});

function findCodeSafely(code: number): 'loaded' | 'not loaded' {
  try {
    findCode('smtp', code);
    return 'loaded';
  } catch (error) {
    if (error instanceof NotLoadedError) return 'not loaded';
    throw error;
  }
}
