// @protocodes/texts with every locale loaded. For programs that use one language per run (a CLI),
// `@protocodes/texts/lazy` loads English only, and others with `await loadLocale(tag)`.
import './all-locales.js';

export * from './api.js';
