export { renderComparison, renderExplanation, InvalidFormatError } from './render.js';
export type { ComparisonRequest, ExplanationRequest, RenderOptions } from './render.js';
export { negotiateLocale, canonicalLocale, InvalidLocaleError, DEFAULT_LOCALE } from './locale.js';
export type { NegotiatedLocale } from './locale.js';
export { availableLocales } from './runtime.js';
export { escapeMarkdown } from './views.js';
export { FORMATS } from './model.js';
export type { Fallback, Format, RenderedText, LocaleBundle } from './model.js';
