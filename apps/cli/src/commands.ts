// The four commands. Each turns parsed arguments into output through @protocodes/texts; none
// words a sentence of its own except the CLI's errors.
import { findCode, parseEnhancedCode, getProtocol, isProtocolId, listOrigins, protocolList, suggestCodes, type ProtocolDefinition, type ProtocolId } from '@protocodes/core';
import {
  availableLocales,
  canonicalLocale,
  describeCode,
  describeEnhancedCodeText,
  describeComparison,
  escapeMarkdown,
  headingsOf,
  listCodeSummaries,
  localeMessage,
  renderComparisonFromInput,
  renderExplanationFromInput,
  renderReply,
  searchCodes,
  type Fallback,
  MAX_QUERY_LENGTH,
  negotiateLocale,
} from '@protocodes/texts/lazy';
import type { ParsedArgs } from './args.js';
import { EXIT, quote, UsageError } from './errors.js';
import { bold, escapeControlsInJson, stripControls, wrapLine, wrapText, type Presentation } from './terminal.js';

export interface Output {
  /** What goes to stdout. */
  body: string;
  /** The locale actually used, and what fell back, for the note on stderr. */
  locale: string;
  requestedLocale: string;
  fallbacks: readonly Fallback[];
  exitCode: number;
}

export interface LocaleChoice {
  tag: string;
  /** Where the tag came from, for the note on stderr: `--lang`, `LANG=vi_VN.UTF-8`, `default`. */
  source: string;
}

/** `ll_CC.charset@modifier` (a POSIX locale name) as a BCP 47 tag, or undefined when it is not one. */
function tagOfPosixLocale(value: string): string | undefined {
  try {
    return canonicalLocale(value.split(/[.@]/)[0]!.replace(/_/g, '-'));
  } catch {
    return undefined;
  }
}

/**
 * `--lang`; else the environment as gettext reads it: the locale from LC_ALL, LC_MESSAGES or LANG
 * (POSIX order of precedence), and, unless that locale is C or POSIX, the first language of the
 * colon-separated LANGUAGE list that protocodes has, before that locale; else English. With none
 * of the three set the locale is C, so LANGUAGE alone is ignored, as gettext ignores it.
 */
export function chooseLocale(lang: string | undefined, env: NodeJS.ProcessEnv): LocaleChoice {
  if (lang !== undefined) {
    try {
      return { tag: canonicalLocale(lang), source: '--lang' };
    } catch {
      throw new UsageError(`--lang ${quote(lang)} is not a language tag`, 'use a BCP 47 tag such as en, vi or pt-BR');
    }
  }
  let base: LocaleChoice | undefined;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    if (value === 'C' || value === 'POSIX' || value.startsWith('C.')) return { tag: 'en', source: `${name}=${value}` };
    const tag = tagOfPosixLocale(value);
    // An unusable environment value is not the user's mistake on this command line; try the next.
    if (tag === undefined) continue;
    base = { tag, source: `${name}=${value}` };
    break;
  }
  if (base === undefined) return { tag: 'en', source: 'default' };
  const languages = env.LANGUAGE;
  if (languages) {
    for (const entry of languages.split(':')) {
      const tag = entry ? tagOfPosixLocale(entry) : undefined;
      if (tag !== undefined && !negotiateLocale(tag, availableLocales).fellBack) return { tag, source: `LANGUAGE=${languages}` };
    }
  }
  return base;
}

function protocolArgument(value: string | undefined, usage: string): ProtocolId {
  if (value === undefined) throw new UsageError('missing protocol', `usage: ${usage}; protocols: ${protocolList.join(', ')}`);
  const lower = value.toLowerCase();
  if (!isProtocolId(lower)) throw new UsageError(`unknown protocol ${quote(value)}`, `protocols: ${protocolList.join(', ')}`);
  return lower;
}

function codeArgument(protocol: ProtocolId, value: string | undefined, usage: string): number | string {
  if (value === undefined) throw new UsageError('missing code', `usage: ${usage}`);
  if (protocol === 'smtp' && value.includes('.')) {
    if (!parseEnhancedCode(value)) throw new UsageError(`${quote(value)} is not an enhanced status code`, 'write class.subject.detail, such as 5.7.1, or X.7.1 for the code without its class');
    return value.toUpperCase();
  }
  if (!/^\d{3}$/.test(value)) {
    throw new UsageError(`${quote(value)} is not a valid ${getProtocol(protocol).name} code`, `${getProtocol(protocol).name} codes are three digits, such as 554${protocol === 'smtp' ? ', or enhanced codes such as 5.7.1' : ''}`);
  }
  const code = Number(value);
  if (!findCode(protocol, code)) {
    const near = suggestCodes(protocol, value);
    throw new UsageError(
      `${protocol} has no code ${value}`,
      `${near.length ? `did you mean ${near.join(', ')}? ` : ''}run "protocodes list ${protocol}" to see every code`,
      EXIT.notFound,
    );
  }
  return code;
}

function noExtra(positionals: string[], expected: number, usage: string) {
  if (positionals.length > expected) throw new UsageError(`unexpected argument ${quote(positionals[expected]!)}`, `usage: ${usage}`);
}

const json = (value: unknown) => `${escapeControlsInJson(JSON.stringify(value, null, 2))}\n`;

/** Bold headings and wrapped lines for a terminal; the text untouched otherwise. */
function present(text: string, locale: string, presentation: Presentation): string {
  let result = stripControls(text);
  if (presentation.width) result = wrapText(result, presentation.width);
  if (!presentation.color) return result;
  const headings = headingsOf(locale);
  const lines = result.split('\n');
  return lines
    .map((line, i) => {
      const standalone = (lines[i - 1] ?? '') === '' && (lines[i + 1] ?? '') === '';
      return i === 0 || headings.has(line) || (standalone && /^\S+ \d{3} /.test(line)) ? bold(line) : line;
    })
    .join('\n');
}

export function runShow(args: ParsedArgs, locale: LocaleChoice, presentation: Presentation): Output {
  const usage = 'protocodes show <protocol> <code>';
  const protocol = protocolArgument(args.positionals[0], usage);
  const code = codeArgument(protocol, args.positionals[1], usage);
  noExtra(args.positionals, 2, usage);
  if (args.format === 'json') {
    const described = typeof code === 'string' ? describeEnhancedCodeText({ code, locale: locale.tag }) : describeCode({ protocol, code, locale: locale.tag });
    return { body: json(described), ...meta(described), exitCode: EXIT.ok };
  }
  const rendered = renderExplanationFromInput({ protocol, code, locale: locale.tag, format: args.format });
  return { body: `${present(rendered.output.trimEnd(), rendered.locale, presentation)}\n`, ...meta(rendered), exitCode: EXIT.ok };
}

export function runCompare(args: ParsedArgs, locale: LocaleChoice, presentation: Presentation): Output {
  const usage = 'protocodes compare <protocol> <a> <b>';
  const protocol = protocolArgument(args.positionals[0], usage);
  const a = codeArgument(protocol, args.positionals[1], usage);
  const b = codeArgument(protocol, args.positionals[2], usage);
  noExtra(args.positionals, 3, usage);
  if (a === b) throw new UsageError(`both codes are ${a}`, 'compare two different codes, e.g. protocodes compare smtp 450 550');
  if (typeof a === 'string' || typeof b === 'string') {
    if (typeof a !== 'string' || typeof b !== 'string') throw new UsageError(`cannot compare ${a} with ${b}`, 'compare two reply codes (protocodes compare smtp 550 554) or two enhanced codes (protocodes compare smtp 5.1.1 5.7.1)');
    if (args.format === 'json') throw new UsageError('enhanced codes are compared as text or markdown', 'leave out --format json, or show each code with protocodes show smtp 5.1.1 --format json');
    const rendered = renderComparisonFromInput({ protocol, codes: [a, b], locale: locale.tag, format: args.format });
    return { body: `${present(rendered.output.trimEnd(), rendered.locale, presentation)}\n`, ...meta(rendered), exitCode: EXIT.ok };
  }
  if (args.format === 'json') {
    const described = describeComparison({ protocol, codes: [a, b], locale: locale.tag });
    return { body: json(described), ...meta(described), exitCode: EXIT.ok };
  }
  const rendered = renderComparisonFromInput({ protocol, codes: [a, b], locale: locale.tag, format: args.format });
  return { body: `${present(rendered.output.trimEnd(), rendered.locale, presentation)}\n`, ...meta(rendered), exitCode: EXIT.ok };
}

function table(rows: { code: number | string; title: string; summary: string }[], locale: string, format: 'text' | 'markdown', presentation: Presentation): string {
  const header = { code: localeMessage(locale, 'label.code'), title: localeMessage(locale, 'label.title'), summary: localeMessage(locale, 'label.summary') };
  rows = rows.map((r) => ({ code: r.code, title: stripControls(r.title), summary: stripControls(r.summary) }));
  if (format === 'markdown') {
    return [`| ${escapeMarkdown(header.code)} | ${escapeMarkdown(header.title)} | ${escapeMarkdown(header.summary)} |`, '| --- | --- | --- |', ...rows.map((r) => `| ${r.code} | ${escapeMarkdown(r.title)} | ${escapeMarkdown(r.summary)} |`)].join('\n');
  }
  const width = (text: string) => [...text].length;
  const codeWidth = Math.max(width(header.code), 3);
  const titleWidth = Math.max(width(header.title), ...rows.map((r) => width(r.title)));
  const pad = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - width(text)));
  const indent = codeWidth + titleWidth + 4;
  const line = (code: string, title: string, summary: string) => {
    const full = `${pad(code, codeWidth)}  ${pad(title, titleWidth)}  ${summary}`;
    return presentation.width ? wrapLine(full, presentation.width, Math.min(indent, presentation.width - 20)) : full;
  };
  const head = line(header.code, header.title, header.summary);
  return [presentation.color ? bold(head) : head, ...rows.map((r) => line(String(r.code), r.title, r.summary))].join('\n');
}

export function runList(args: ParsedArgs, locale: LocaleChoice, presentation: Presentation): Output {
  const usage = 'protocodes list <protocol> [--class <digit>] [--phase <phase>] [--origin <origin,…>]';
  const protocol = protocolArgument(args.positionals[0], usage);
  noExtra(args.positionals, 1, usage);
  const definition = getProtocol(protocol);
  const classes = definition.classes.map((c) => String(c.digit));
  if (args.class !== undefined && !classes.includes(args.class.replace(/xx$/i, ''))) {
    throw new UsageError(`--class ${quote(args.class)} is not a class of ${definition.name}`, `classes: ${classes.join(', ')}`);
  }
  const phases: readonly string[] = (getProtocol(protocol) as ProtocolDefinition).phases?.map((p) => p.id) ?? [];
  if (args.phase !== undefined && !phases.includes(args.phase)) {
    throw new UsageError(
      `--phase ${quote(args.phase)} is not a session phase of ${definition.name}`,
      phases.length > 0 ? `phases: ${phases.join(', ')}` : `${definition.name} has no session phases`,
    );
  }
  const knownOrigins = listOrigins(protocol);
  const origins = args.origin?.split(',').map((o) => o.trim().toLowerCase());
  const unknownOrigin = origins?.find((o) => !knownOrigins.includes(o));
  if (unknownOrigin !== undefined) throw new UsageError(`--origin ${quote(unknownOrigin)} is not an origin of ${definition.name} codes`, `origins: ${knownOrigins.join(', ')}`);
  const list = listCodeSummaries({
    protocol,
    locale: locale.tag,
    filter: {
      ...(args.class !== undefined ? { class: Number(args.class.replace(/xx$/i, '')) } : {}),
      ...(args.phase !== undefined ? { phase: args.phase } : {}),
      ...(origins !== undefined ? { origin: origins } : {}),
    },
  });
  if (args.format === 'json') return { body: json(list), ...meta(list), exitCode: EXIT.ok };
  return { body: `${table(list.codes, list.locale, args.format, presentation)}\n`, ...meta(list), exitCode: EXIT.ok };
}

export function runSearch(args: ParsedArgs, locale: LocaleChoice, presentation: Presentation, siteUrl?: string): Output {
  // Terminal escapes are never search words; dropping them also keeps them out of the echo.
  const query = stripControls(args.positionals.join(' ')).trim();
  if (query === '') throw new UsageError('missing search words', 'usage: protocodes search <words…>, e.g. protocodes search relay denied');
  if (query.length > MAX_QUERY_LENGTH) throw new UsageError(`the search is ${query.length} characters long`, `use at most ${MAX_QUERY_LENGTH} characters`);
  const protocol = args.protocol === undefined ? undefined : protocolArgument(args.protocol, 'protocodes search <words…> --protocol <protocol>');
  let limit: number | undefined;
  if (args.limit !== undefined) {
    limit = Number(args.limit);
    if (!/^\d{1,4}$/.test(args.limit) || limit < 1) throw new UsageError(`--limit ${quote(args.limit)} is not a positive whole number`, 'for example --limit 5');
  }
  const result = searchCodes({ query, locale: locale.tag, ...(protocol ? { protocol } : {}), ...(limit ? { limit } : {}) });
  const exitCode = result.hits.length > 0 ? EXIT.ok : EXIT.notFound;
  if (args.format === 'json') return { body: json(result), ...meta(result), exitCode };
  // A pasted reply is explained before the codes that match its words.
  const explained = result.reply ? `${stripControls(renderReply(result.reply, { locale: result.locale, format: args.format, linkBase: siteUrl ?? false }).output.trimEnd())}\n\n` : '';
  if (result.hits.length === 0) {
    return { body: `${explained}${stripControls(localeMessage(result.locale, 'label.noMatches', { query }))}\n`, ...meta(result), exitCode };
  }
  const rows = result.hits.map((hit) => ({ code: hit.kind === 'provider' ? hit.code : `${hit.protocol.toUpperCase()} ${hit.code}`, title: hit.title, summary: hit.summary }));
  return { body: `${explained}${table(rows, result.locale, args.format, presentation)}\n`, ...meta(result), exitCode };
}

function meta(result: { locale: string; requestedLocale: string; fallbacks: readonly Fallback[] }) {
  return { locale: result.locale, requestedLocale: result.requestedLocale, fallbacks: result.fallbacks };
}
