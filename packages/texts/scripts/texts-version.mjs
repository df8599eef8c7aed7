// What shapes the bytes of a text besides the catalogue: the layouts, the Handlebars version and
// this package's own code. ETags include the hash, so a new build never answers 304 with old text.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A 16-hex-digit hash of templates/, src/, core's src/ (generated and test files aside) and the inputs given. */
export function textsVersionOf(packageRoot, catalogueVersion, handlebarsVersion) {
  const hash = createHash('sha256').update(`${handlebarsVersion}\0${catalogueVersion}\0`);
  // Core's code decides the facts a comparison states and the findings of a reply; its generated
  // data is the catalogue, which catalogueVersion already covers.
  for (const folder of ['templates', 'src', '../core/src']) {
    const names = readdirSync(join(packageRoot, folder), { recursive: true })
      .map(String)
      .filter((name) => /\.(hbs|ts)$/.test(name) && !name.startsWith('generated') && !name.includes('.test.'))
      .sort();
    for (const name of names) hash.update(`${folder}/${name}\0`).update(readFileSync(join(packageRoot, folder, name))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
