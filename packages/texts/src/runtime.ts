// The Handlebars runtime. Templates were precompiled at build time; nothing is compiled here.
// Each locale and escaping variant gets its own isolated environment (Handlebars.create()) with
// its messages registered once as partials, so a render merges nothing and no helper is added.
import HandlebarsRuntime from 'handlebars/runtime.js';
import { ProtocodesError } from '@protocodes/core/runtime';
import { bundle as english } from './generated/bundles/en.js';
import { layouts as layoutSpecs } from './generated/layouts.js';
import { locales } from './generated/locale-info.js';
import type { Format, LocaleBundle, LocaleContent } from './model.js';
import { DEFAULT_LOCALE } from './locale.js';

export type Template = (context: unknown) => string;
type Environment = {
  create(): Environment;
  template(spec: object): Template;
  registerPartial(name: string, partial: Template): void;
};

const root = HandlebarsRuntime as unknown as Environment;

export class LocaleNotLoadedError extends ProtocodesError {
  override name = 'LocaleNotLoadedError';
  constructor(readonly locale: string) {
    super(`locale ${locale} is not loaded: await loadLocale('${locale}') from @protocodes/texts/lazy (or /on-demand) first, or import @protocodes/texts`);
  }
}

/** Every locale the build compiled, whether loaded or not: what negotiation chooses from. */
export const availableLocales: readonly string[] = locales.map((l) => l.id);

/** Each available locale's name in itself and in English, and its writing direction. */
export const localeInfo: readonly { id: string; name: string; englishName: string; dir: 'ltr' | 'rtl' }[] = locales.map(
  ({ id, name, englishName, dir }) => ({ id, name, englishName, dir }),
);

const loaded = new Map<string, LocaleBundle>();

/** Makes a locale's messages and translations available to every render. */
export function registerLocale(content: LocaleContent): void {
  const info = locales.find((l) => l.id === content.id);
  if (!info) throw new RangeError(`locale ${content.id} was not compiled into this build`);
  loaded.set(content.id, { ...info, ...content });
}

export function isLocaleLoaded(locale: string): boolean {
  return loaded.has(locale);
}

registerLocale(english);

export function bundle(locale: string): LocaleBundle {
  const found = loaded.get(locale);
  if (found) return found;
  if (availableLocales.includes(locale)) throw new LocaleNotLoadedError(locale);
  return loaded.get(DEFAULT_LOCALE)!;
}

export interface LocaleTemplates {
  /** Each message as a template of its own, English filling any gap. */
  readonly messages: Readonly<Record<string, Template>>;
  /** Message ids that fell back to English. */
  readonly fallbacks: readonly string[];
  layout(kind: 'comparison' | 'explanation' | 'enhanced' | 'enhanced-comparison' | 'reply', format: Format): Template;
}

const environments = new Map<string, LocaleTemplates>();

/** The templates of a locale in one variant (`escaped` for HTML, `plain` otherwise), built once. */
export function templates(locale: string, variant: 'escaped' | 'plain'): LocaleTemplates {
  const key = `${locale}:${variant}`;
  let cached = environments.get(key);
  if (!cached) {
    const env = root.create();
    const own = bundle(locale).messages[variant];
    const english = bundle(DEFAULT_LOCALE).messages[variant];
    const messages: Record<string, Template> = {};
    const fallbacks: string[] = [];
    for (const [id, spec] of Object.entries(english)) {
      const translated = Object.hasOwn(own, id);
      if (!translated) fallbacks.push(id);
      const source = translated ? own[id]! : spec;
      messages[id] = typeof source === 'string' ? () => source : env.template(source);
      env.registerPartial(id, messages[id]);
    }
    const layouts = new Map(Object.entries(layoutSpecs).map(([id, spec]) => [id, env.template(spec)]));
    cached = { messages, fallbacks, layout: (kind, format) => layouts.get(`${kind}.${format}`)! };
    environments.set(key, cached);
  }
  return cached;
}
