// @protocodes/texts/on-demand renders exactly what the all-in-one entry renders, once the codes
// are loaded, and says what to load before. This file imports only the on-demand entry (vitest
// isolates it); the all-in-one output comes from the built package in a child process.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCodes, loadLocale, NotLoadedError, renderComparison, renderComparisonFromInput, renderExplanation } from './on-demand.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** What `@protocodes/texts` (every code held) renders for the same requests, from dist. */
function allInOne(requests: object[]): string[] {
  const script = `import * as texts from '@protocodes/texts';
const requests = JSON.parse(process.argv[1]);
console.log(JSON.stringify(requests.map(({ kind, ...request }) => (kind === 'explain' ? texts.renderExplanation(request) : texts.renderComparisonFromInput(request)).output)));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(requests)], { cwd: packageRoot, encoding: 'utf8' }));
}

describe('@protocodes/texts/on-demand', () => {
  it('says which codes to load before they are loaded', () => {
    expect(() => renderComparison({ protocol: 'smtp', codes: [235, 554] })).toThrow(NotLoadedError);
    expect(() => renderComparison({ protocol: 'smtp', codes: [235, 554] })).toThrow("Run await loadCodes('smtp'");
  });

  it('renders comparisons and explanations identical to the all-in-one entry, in every format and in a loaded locale', async () => {
    await loadCodes('smtp', [235, 554]);
    await loadCodes('smtp', ['5.1.1', '5.7.1']);
    await loadCodes('http', [502, 504]);
    await loadLocale('vi');
    const requests = ['text', 'markdown', 'html'].flatMap((format) =>
      ['en', 'vi'].flatMap((locale) => [
        { kind: 'compare', protocol: 'smtp', codes: [554, 235], format, locale },
        { kind: 'compare', protocol: 'smtp', codes: ['5.7.1', '5.1.1'], format, locale },
        { kind: 'compare', protocol: 'http', codes: [502, 504], format, locale },
        { kind: 'explain', protocol: 'smtp', code: 554, format, locale },
        { kind: 'explain', protocol: 'smtp', code: '5.7.1', format, locale },
      ]),
    );
    const ours = requests.map(({ kind, ...request }) =>
      (kind === 'explain' ? renderExplanation(request as Parameters<typeof renderExplanation>[0]) : renderComparisonFromInput(request as Parameters<typeof renderComparisonFromInput>[0])).output,
    );
    expect(ours).toEqual(allInOne(requests));
  });

  it('names a code that exists but was not loaded, and rejects one that does not exist', async () => {
    await loadCodes('smtp', [235, 554]);
    expect(() => renderComparison({ protocol: 'smtp', codes: [421, 554] })).toThrow("not loaded yet: smtp 421. Run await loadCodes('smtp', [421])");
    // Loaded one call at a time, two codes still bring their pair's note (421/554 has one).
    await loadCodes('smtp', [421]);
    expect(renderComparison({ protocol: 'smtp', codes: [421, 554] }).output).toEqual(allInOne([{ kind: 'compare', protocol: 'smtp', codes: [421, 554] }])[0]);
    await expect(loadCodes('smtp', [235, 559])).rejects.toThrow('smtp has no code "559"');
  });
});
