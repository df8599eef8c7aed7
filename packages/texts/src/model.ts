import type { ProtocolTranslations } from '@protocodes/core/runtime';

export type Format = 'text' | 'markdown' | 'html';
export const FORMATS: readonly Format[] = ['text', 'markdown', 'html'];

/** What every program knows of each locale the build compiled, loaded or not. */
export interface LocaleInfo {
  readonly id: string;
  readonly name: string;
  readonly englishName: string;
  readonly dir: 'ltr' | 'rtl';
  /** Separators of a conjunction list (`a, b and c`), taken from CLDR through Intl at build time. */
  readonly list: { readonly pair: string; readonly start: string; readonly middle: string; readonly end: string };
  /** What goes between two sentences: a space, or nothing in scripts written without spaces (ja, zh). */
  readonly sentenceSeparator: string;
}

/** The bulk of a locale, loaded on demand: its messages and its translations of each protocol. */
export interface LocaleContent {
  readonly id: string;
  /** Each message as a precompiled spec, or as its text when it has no expressions. */
  readonly messages: { readonly escaped: Readonly<Record<string, object | string>>; readonly plain: Readonly<Record<string, object | string>> };
  readonly protocols: Readonly<Record<string, ProtocolTranslations>>;
}

export type LocaleBundle = LocaleInfo & LocaleContent;

/** A part of a text that is shown in English because the locale has no current translation of it. */
export interface Fallback {
  /** `codes/554`, `pairs/450-550`, `protocol/smtp`, `messages/heading.description`, or `locale` for the whole text. */
  readonly part: string;
  readonly locale: string;
}

export interface RenderedText {
  /** The rendered text in the requested format. */
  readonly output: string;
  readonly format: Format;
  /** The locale the text is written in (after negotiation), e.g. `vi` for `vi-VN`. */
  readonly locale: string;
  /** What the caller asked for. */
  readonly requestedLocale: string;
  readonly dir: 'ltr' | 'rtl';
  /** Every part that fell back to English; empty when the text is fully localized. */
  readonly fallbacks: readonly Fallback[];
  /** The title alone, as plain text (for HTML `<title>`, headers, page lists). */
  readonly title: string;
}
