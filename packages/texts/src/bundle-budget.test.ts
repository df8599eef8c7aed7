// What each entry point costs an application that bundles it, and that no entry pulls in a
// language it did not ask for. Sizes are printed beside the target for English SMTP comparisons.
import { describe, expect, it } from 'vitest';
import { availableLocales } from './index.js';
// @ts-expect-error: a plain JavaScript helper shared with @protocodes/core, without types.
import { bundleSize, kB } from '../../../bench/bundle-size.mjs';

type Size = { bytes: number; gzipBytes: number; gzipBytesPerChunk: number; chunks: number; data: string[] };
const here = new URL('..', import.meta.url).pathname;
const measure = (source: string, alsoLoaded?: (data: string) => boolean) => bundleSize(source, here, { alsoLoaded }) as Promise<Size>;
const report = (name: string, size: Size, note = '') =>
  console.log(`${name.padEnd(44)} ${kB(size.bytes).padStart(9)} min ${kB(size.gzipBytes).padStart(8)} gz  ${size.data.join(' ')}${note}`);
const languagesIn = (size: Size) => [...new Set(size.data.filter((d) => d.startsWith('messages:') || d.startsWith('locale:')).map((d) => d.replace(/^\w+:/, '').replace(/\/\w+$/, '')))].sort();

describe('bundle budget of @protocodes/texts', () => {
  it('on-demand renders an English SMTP comparison within 45 kB gzipped, counting every part loadCodes fetches for it', async () => {
    // What loadCodes('smtp', [235, 554]) fetches: the outline, both codes, and their pair's note if it has one.
    const fetched = new Set(['outline:smtp', 'part:smtp/code-235', 'part:smtp/code-554', 'part:smtp/pair-235-554']);
    const size = await measure(
      `import { loadCodes, renderComparison } from '@protocodes/texts/on-demand'; await loadCodes('smtp', [235, 554]); console.log(renderComparison({ protocol: 'smtp', codes: [235, 554] }).output);`,
      (data) => fetched.has(data),
    );
    report('renderComparison from @protocodes/texts/on-demand', size, ` (target for English SMTP: 45 kB gz; ${size.chunks} files, each gzipped: ${kB(size.gzipBytesPerChunk)})`);
    expect(languagesIn(size)).toEqual(['en']);
    expect(size.data.filter((d) => d.startsWith('prose:') || d.startsWith('locale:'))).toEqual([]);
    expect(size.data.filter((d) => d.startsWith('part:')).sort()).toEqual([...fetched].filter((d) => d.startsWith('part:') && d !== 'part:smtp/pair-235-554').sort());
    // Counted as a browser fetches them: every file compressed on its own.
    expect(size.gzipBytesPerChunk, 'English SMTP comparison budget: 45 kB gzipped').toBeLessThanOrEqual(45_000);
  });

  it('en renders comparisons with English alone', async () => {
    const size = await measure(`import { renderComparison } from '@protocodes/texts/en'; console.log(renderComparison({ protocol: 'smtp', codes: [235, 554] }).output);`);
    report('renderComparison from @protocodes/texts/en', size, ' (every protocol held; the 45 kB target is on-demand\'s)');
    expect(languagesIn(size)).toEqual(['en']);
  });

  it.each(availableLocales.filter((locale) => locale !== 'en'))('%s loads that language and English, and no other', async (locale) => {
    const size = await measure(`import { renderComparison } from '@protocodes/texts/${locale}'; console.log(renderComparison({ protocol: 'smtp', codes: [235, 554], locale: '${locale}' }).output);`);
    report(`@protocodes/texts/${locale}`, size);
    expect(languagesIn(size)).toEqual(['en', locale].sort());
  });

  it('lazy keeps every other language out of the entry chunk, to be loaded on demand', async () => {
    const size = await measure(`import { loadLocale, renderComparison } from '@protocodes/texts/lazy'; await loadLocale('vi'); console.log(renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'vi' }).output);`);
    report('@protocodes/texts/lazy', size);
    expect(languagesIn(size)).toEqual(['en']);
  });

  it('the all-in-one entry holds every language', async () => {
    const size = await measure(`import { renderComparison } from '@protocodes/texts'; console.log(renderComparison({ protocol: 'smtp', codes: [235, 554] }).output);`);
    report('@protocodes/texts', size);
    expect(languagesIn(size)).toEqual([...availableLocales].sort());
  });
});
