// What each entry point costs an application that bundles it, and that no entry pulls in a
// protocol or a language it did not ask for. Sizes are printed; only the facts budget is asserted.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript helper shared with @protocodes/texts, without types.
import { bundleSize, kB } from '../../../bench/bundle-size.mjs';

const here = new URL('..', import.meta.url).pathname;
const measure = (source: string, alsoLoaded?: (data: string) => boolean) => bundleSize(source, here, { alsoLoaded }) as Promise<{ bytes: number; gzipBytes: number; data: string[] }>;
const report = (name: string, size: { bytes: number; gzipBytes: number; data: string[] }) =>
  console.log(`${name.padEnd(44)} ${kB(size.bytes).padStart(9)} min ${kB(size.gzipBytes).padStart(8)} gz  ${size.data.join(' ')}`);

describe('bundle budget of @protocodes/core', () => {
  it.each(['smtp', 'http', 'ftp'])('%s/facts holds that protocol\'s facts and no prose', async (protocol) => {
    const size = await measure(`import { list${protocol[0]!.toUpperCase()}${protocol.slice(1)}Facts } from '@protocodes/core/${protocol}/facts'; console.log(list${protocol[0]!.toUpperCase()}${protocol.slice(1)}Facts());`);
    report(`@protocodes/core/${protocol}/facts`, size);
    expect(size.data).toEqual([`facts:${protocol}`]);
    if (protocol === 'smtp') expect(size.gzipBytes, 'SMTP facts budget: 6 kB gzipped').toBeLessThanOrEqual(6000);
  });

  it.each(['smtp', 'http', 'ftp'])('%s holds that protocol\'s English prose and no locale', async (protocol) => {
    const size = await measure(`import * as entry from '@protocodes/core/${protocol}'; console.log(entry);`);
    report(`@protocodes/core/${protocol}`, size);
    expect(size.data).toEqual([`prose:${protocol}`]);
  });

  it('locales/vi/smtp holds the Vietnamese SMTP prose alone', async () => {
    const size = await measure(`import * as vi from '@protocodes/core/locales/vi/smtp'; console.log(vi);`);
    report('@protocodes/core/locales/vi/smtp', size);
    expect(size.data).toEqual(['locale:vi/smtp']);
  });

  it('explain holds the parser with the SMTP codes it matches, and no prose', async () => {
    const size = await measure(`import { parseReply } from '@protocodes/core/explain'; console.log(parseReply('550 5.1.1 x'));`);
    report('@protocodes/core/explain', size);
    expect(size.data).toEqual(['matching:smtp']);
  });

  it('on-demand holds no data of its own; loadCodes fetches the outline and each code asked for', async () => {
    const source = `import { getCode, loadCodes } from '@protocodes/core/on-demand'; await loadCodes('smtp', [554]); console.log(getCode('smtp', 554));`;
    const entry = await measure(source);
    report('@protocodes/core/on-demand', entry);
    expect(entry.data).toEqual([]);
    const fetched = await measure(source, (data) => data === 'outline:smtp' || data === 'part:smtp/code-554');
    report('… with what loadCodes(smtp, [554]) fetches', fetched);
    expect(fetched.data).toEqual(['outline:smtp', 'part:smtp/code-554']);
  });

  it('the all-in-one entry holds every protocol in English and no other language', async () => {
    const size = await measure(`import { getCode } from '@protocodes/core'; console.log(getCode('smtp', 554));`);
    report('@protocodes/core', size);
    expect(size.data.filter((d) => d.startsWith('locale:'))).toEqual([]);
    expect(size.data).toEqual(expect.arrayContaining(['prose:ftp', 'prose:http', 'prose:smtp']));
  });
});
