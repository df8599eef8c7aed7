// What each entry point costs an application that bundles it, and that no entry pulls in a
// language it did not ask for. Sizes are printed beside the target for English SMTP comparisons.
import { describe, expect, it } from 'vitest';
import { availableLocales } from './index.js';
// @ts-expect-error: a plain JavaScript helper shared with @protocodes/core, without types.
import { bundleSize, kB } from '../../../bench/bundle-size.mjs';

type Size = { bytes: number; gzipBytes: number; data: string[] };
const here = new URL('..', import.meta.url).pathname;
const measure = (source: string) => bundleSize(source, here) as Promise<Size>;
const report = (name: string, size: Size, note = '') =>
  console.log(`${name.padEnd(44)} ${kB(size.bytes).padStart(9)} min ${kB(size.gzipBytes).padStart(8)} gz  ${size.data.join(' ')}${note}`);
const languagesIn = (size: Size) => [...new Set(size.data.filter((d) => d.startsWith('messages:') || d.startsWith('locale:')).map((d) => d.replace(/^\w+:/, '').replace(/\/\w+$/, '')))].sort();

describe('bundle budget of @protocodes/texts', () => {
  it('en renders comparisons with English alone', async () => {
    const size = await measure(`import { renderComparison } from '@protocodes/texts/en'; console.log(renderComparison({ protocol: 'smtp', codes: [235, 554] }).output);`);
    report('renderComparison from @protocodes/texts/en', size, ' (target for English SMTP: 45 kB gz)');
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
