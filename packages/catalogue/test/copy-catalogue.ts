// Tests that plant something in a copy of the real catalogue need its protocols and the
// published locales, not the draft locales still being translated: leaving those out keeps each
// copy, and each check of it, small.
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function copyCatalogueWithoutDrafts(from: string, to: string): void {
  const locales = join(from, 'locales');
  const drafts = new Set(
    readdirSync(locales).filter((id) => {
      const messages = join(locales, id, 'messages.yaml');
      return existsSync(messages) && /^\s+draft:\s*true\s*$/m.test(readFileSync(messages, 'utf8'));
    }),
  );
  cpSync(from, to, {
    recursive: true,
    filter: (source) => {
      const [top, id] = relative(from, source).split(sep);
      return !(top === 'locales' && id !== undefined && drafts.has(id));
    },
  });
}
