// @protocodes/texts with English only; `loadLocale` brings in another locale's messages and
// translations when a program first needs them.
export * from './api.js';
export { loadLocale } from './load-locale.js';
