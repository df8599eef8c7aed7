// @protocodes/texts/on-demand: English messages and no codes at first, for a browser that renders
// a few codes. `await loadCodes(protocol, codes)` (and `loadLocale(tag)` for another language)
// before rendering; the render functions are the same as the other entries'.
export { loadCodes, NotLoadedError } from '@protocodes/core/on-demand';
export { loadLocale } from './load-locale.js';
export { renderComparison, renderComparisonFromInput, renderExplanation, renderExplanationFromInput, InvalidFormatError, localeMessage, headingsOf } from './render.js';
export type { ComparisonRequest, ComparisonInput, EnhancedStatusCode, ExplanationRequest, ExplanationInput, RenderOptions, TextCode } from './render.js';
export { negotiateLocale, canonicalLocale, InvalidLocaleError, DEFAULT_LOCALE, MAX_TAG_LENGTH } from './locale.js';
export { parseAcceptLanguage, bestAcceptedLanguage, MAX_ACCEPT_LANGUAGE_LENGTH, MAX_LANGUAGE_RANGES } from './accept-language.js';
export type { LanguageRange } from './accept-language.js';
export type { NegotiatedLocale } from './locale.js';
export { availableLocales, localeInfo, LocaleNotLoadedError } from './runtime.js';
export { FORMATS } from './model.js';
export type { Fallback, Format, RenderedText, LocaleBundle, LocaleInfo, LocaleContent } from './model.js';
export { textsVersion } from './generated/version.js';
export { InvalidEnhancedCodeError, MixedComparisonError } from './enhanced.js';
