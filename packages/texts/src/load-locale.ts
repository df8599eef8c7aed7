// Brings in another locale's messages and translations when a program first needs them; shared
// by the lazy and on-demand entries, which start with English only.
import { negotiateLocale } from './locale.js';
import { loaders } from './generated/loaders.js';
import { availableLocales, isLocaleLoaded, registerLocale } from './runtime.js';

/** Loads the locale a tag negotiates to (`vi-VN` → `vi`), if it is not loaded yet; returns its id. */
export async function loadLocale(tag: string): Promise<string> {
  const { locale } = negotiateLocale(tag, availableLocales);
  if (!isLocaleLoaded(locale)) registerLocale((await loaders[locale]!()).bundle);
  return locale;
}
