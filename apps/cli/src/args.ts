// Command-line parsing: subcommand, positionals and options, with errors that name what was
// wrong and list what is valid.
import { parseArgs } from 'node:util';
import { quote, UsageError } from './errors.js';

export const COMMANDS = ['show', 'compare', 'list', 'search', 'explain', 'completion'] as const;
export type Command = (typeof COMMANDS)[number];
export const FORMAT_NAMES = ['text', 'markdown', 'json'] as const;
export type OutputFormat = (typeof FORMAT_NAMES)[number];
/** The shells `protocodes completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Every option, as node:util parseArgs takes it; help and the shell completions are built from it too. */
export const OPTIONS = {
  lang: { type: 'string' },
  format: { type: 'string', short: 'f' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  class: { type: 'string' },
  phase: { type: 'string' },
  origin: { type: 'string' },
  protocol: { type: 'string' },
  limit: { type: 'string' },
} as const;
export type OptionName = keyof typeof OPTIONS;

const COMMON = ['lang', 'format', 'color', 'no-color', 'verbose', 'help'] as const;
/** What `protocodes` takes without a command. */
export const GLOBAL_OPTIONS: readonly OptionName[] = [...COMMON, 'version'];
export const OPTIONS_BY_COMMAND: Record<Command, readonly OptionName[]> = {
  show: COMMON,
  compare: COMMON,
  list: [...COMMON, 'class', 'phase', 'origin'],
  search: [...COMMON, 'protocol', 'limit'],
  explain: COMMON,
  completion: ['help'],
};

export interface ParsedArgs {
  command: Command | undefined;
  positionals: string[];
  lang: string | undefined;
  format: OutputFormat;
  /** true/false when forced by --color/--no-color, undefined for automatic. */
  color: boolean | undefined;
  help: boolean;
  version: boolean;
  /** Say which language is used and why, even when nothing fell back. */
  verbose: boolean;
  class: string | undefined;
  phase: string | undefined;
  protocol: string | undefined;
  limit: string | undefined;
  origin: string | undefined;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j]!;
        row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length]!;
  };
  if (word.length > 40) return undefined;
  return candidates.map((c) => ({ c, d: distance(word, c) })).filter(({ d }) => d <= 2).sort((x, y) => x.d - y.d)[0]?.c;
}

export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  let color: boolean | undefined;
  const rest: string[] = [];
  for (const arg of argv) {
    if (arg === '--no-color') color = false;
    else if (arg === '--color') color = true;
    else rest.push(arg);
  }

  // Options may come anywhere, before the command too (`protocodes --lang vi show smtp 554`), so
  // the command is the first positional once every option, and its value, has been taken out.
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-{1,2}[^' ]*)/.exec(message)?.[1] ?? '';
    const first = rest.find((arg) => !arg.startsWith('-'));
    const command = (COMMANDS as readonly string[]).includes(first ?? '') ? (first as Command) : undefined;
    const allowed = command ? OPTIONS_BY_COMMAND[command] : GLOBAL_OPTIONS;
    const shown = allowed.map((o) => `--${o}`).join(', ');
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      // Node says the same for `--lang` without a value and for `--verbose=yes`.
      const name = (/--([a-z-]+)/.exec(message)?.[1] ?? option.replace(/^-+/, '')) as OptionName;
      if (OPTIONS[name]?.type === 'boolean') throw new UsageError(`option --${name} takes no value`, `write --${name} alone`);
      throw new UsageError(`option --${name} needs a value`, `for example --${name} ${name === 'lang' ? 'vi' : name === 'format' ? 'json' : '…'}`);
    }
    const guess = closest(option.replace(/^-+/, ''), allowed);
    throw new UsageError(`unknown option ${quote(option || message)}`, `${guess ? `did you mean "--${guess}"? ` : ''}options${command ? ` for ${command}` : ''}: ${shown}`);
  }
  const first = parsed.positionals[0];
  const command = first === undefined ? undefined : (COMMANDS as readonly string[]).includes(first) ? (first as Command) : undefined;
  if (first !== undefined && command === undefined && first !== 'help') {
    const guess = closest(first, COMMANDS);
    throw new UsageError(`unknown command ${quote(first)}`, `${guess ? `did you mean "${guess}"? ` : ''}commands: ${COMMANDS.join(', ')}`);
  }
  const allowed = command ? OPTIONS_BY_COMMAND[command] : GLOBAL_OPTIONS;
  const { values, positionals } = parsed;
  for (const name of Object.keys(values) as OptionName[]) {
    if (!allowed.includes(name)) {
      throw new UsageError(`option --${name} does not apply to ${command ?? 'protocodes without a command'}`, `options${command ? ` for ${command}` : ''}: ${allowed.map((o) => `--${o}`).join(', ')}`);
    }
  }
  const format = values.format ?? 'text';
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format ${quote(format)}`, `formats: ${FORMAT_NAMES.join(', ')}`);
  }
  const help = values.help === true || first === 'help';
  const words = positionals.slice(1);
  // `protocodes help compare` is `protocodes compare --help`.
  const helpTarget = first === 'help' ? words[0] : undefined;
  if (helpTarget !== undefined && !(COMMANDS as readonly string[]).includes(helpTarget)) {
    const guess = closest(helpTarget, COMMANDS);
    throw new UsageError(`there is no help on ${quote(helpTarget)}`, `${guess ? `did you mean "${guess}"? ` : ''}help topics: ${COMMANDS.join(', ')}`);
  }
  return {
    command: helpTarget !== undefined ? (helpTarget as Command) : command,
    positionals: first === 'help' ? [] : words,
    lang: values.lang,
    format: format as OutputFormat,
    color,
    help,
    version: values.version === true,
    verbose: values.verbose === true,
    class: values.class,
    phase: values.phase,
    protocol: values.protocol,
    limit: values.limit,
    origin: values.origin,
  };
}
