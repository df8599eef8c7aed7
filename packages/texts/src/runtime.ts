// The Handlebars runtime. Templates were precompiled at build time; nothing is compiled here.
// Each locale and escaping variant gets its own isolated environment (Handlebars.create()) with
// its messages registered once as partials, so a render merges nothing and no helper is added.
import HandlebarsRuntime from 'handlebars/runtime.js';
import { bundles } from './generated/locales.js';
import { layouts as layoutSpecs } from './generated/layouts.js';
import type { Format, LocaleBundle } from './model.js';
import { DEFAULT_LOCALE } from './locale.js';

export type Template = (context: unknown) => string;
type Environment = {
  create(): Environment;
  template(spec: object): Template;
  registerPartial(name: string, partial: Template): void;
};

const root = HandlebarsRuntime as unknown as Environment;

export function bundle(locale: string): LocaleBundle {
  return bundles[locale] ?? bundles[DEFAULT_LOCALE]!;
}

export const availableLocales: readonly string[] = Object.keys(bundles);

/** Each available locale's name in itself and in English, and its writing direction. */
export const localeInfo: readonly { id: string; name: string; englishName: string; dir: 'ltr' | 'rtl' }[] = Object.values(bundles).map(
  ({ id, name, englishName, dir }) => ({ id, name, englishName, dir }),
);

export interface LocaleTemplates {
  /** Each message as a template of its own, English filling any gap. */
  readonly messages: Readonly<Record<string, Template>>;
  /** Message ids that fell back to English. */
  readonly fallbacks: readonly string[];
  layout(kind: 'comparison' | 'explanation', format: Format): Template;
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
      if (!own[id]) fallbacks.push(id);
      messages[id] = env.template(own[id] ?? spec);
      env.registerPartial(id, messages[id]);
    }
    const layouts = new Map(Object.entries(layoutSpecs).map(([id, spec]) => [id, env.template(spec)]));
    cached = { messages, fallbacks, layout: (kind, format) => layouts.get(`${kind}.${format}`)! };
    environments.set(key, cached);
  }
  return cached;
}
