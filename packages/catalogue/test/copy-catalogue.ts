// Tests that plant something in a copy of the real catalogue need its protocols and a source and
// a translated locale, not all ten: copying English and Vietnamese only keeps each copy, and each
// check of it, small enough for CI's two shared cores.
import { cpSync } from 'node:fs';
import { relative, sep } from 'node:path';

export const COPIED_LOCALES = ['en', 'vi'] as const;

export function copySmallCatalogue(from: string, to: string): void {
  cpSync(from, to, {
    recursive: true,
    filter: (source) => {
      const [top, id] = relative(from, source).split(sep);
      return !(top === 'locales' && id !== undefined && !(COPIED_LOCALES as readonly string[]).includes(id));
    },
  });
}
