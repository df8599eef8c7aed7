// Help texts. Each says what the command does, its arguments, every option it takes (one line
// each, built from the same list the parser uses) and an example.
import { protocolList } from '@protocodes/core';
import { availableLocales } from '@protocodes/texts/lazy';
import { GLOBAL_OPTIONS, OPTIONS, OPTIONS_BY_COMMAND, SHELLS, type Command, type OptionName } from './args.js';

/** What an option's value looks like, and one line on what the option does. */
export const OPTION_HELP: Record<OptionName, { value?: string; description: string }> = {
  lang: { value: '<tag>', description: 'language of the texts, e.g. vi or pt-BR (default: from the environment)' },
  format: { value: '<f>', description: 'text (default), markdown or json' },
  color: { description: 'bold headings, even into a pipe' },
  'no-color': { description: 'no bold headings, even on a terminal (as does NO_COLOR=1)' },
  verbose: { description: 'say on stderr which language is used and where that came from' },
  help: { description: 'show this help' },
  version: { description: 'print the version' },
  class: { value: '<digit>', description: 'only codes of this class, e.g. 4 for 4xx' },
  phase: { value: '<phase>', description: 'only codes that can occur in this session phase, e.g. rcpt (SMTP, FTP)' },
  origin: { value: '<o,…>', description: 'only codes defined by these: iana, rfc, or vendors such as nginx (HTTP)' },
  protocol: { value: '<p>', description: `search one protocol only: ${protocolList.join(', ')} (default: all of them)` },
  limit: { value: '<n>', description: 'show at most n matches (default 20)' },
};

// explain reads text or json only.
const EXPLAIN_FORMAT = 'text (default) or json (one object per finding)';

export function optionDescription(option: OptionName, command: Command | undefined): string {
  return command === 'explain' && option === 'format' ? EXPLAIN_FORMAT : OPTION_HELP[option].description;
}

/** `-f, --format <f>`: how the option is written. */
export function optionSynopsis(option: OptionName): string {
  const short = 'short' in OPTIONS[option] ? `-${(OPTIONS[option] as { short: string }).short}, ` : '';
  const value = OPTION_HELP[option].value;
  return `${short}--${option}${value ? ` ${value}` : ''}`;
}

function optionLines(options: readonly OptionName[], command: Command | undefined): string {
  const width = Math.max(...options.map((o) => optionSynopsis(o).length)) + 2;
  return ['options:', ...options.map((o) => `  ${optionSynopsis(o).padEnd(width)} ${optionDescription(o, command)}`)].join('\n');
}

export const COMMAND_SUMMARY: Record<Command, { usage: string; summary: string; example: string }> = {
  show: { usage: 'show <protocol> <code>', summary: 'explain one code', example: 'protocodes show smtp 554' },
  compare: { usage: 'compare <protocol> <a> <b>', summary: 'compare two codes', example: 'protocodes compare smtp 235 554' },
  list: { usage: 'list <protocol>', summary: 'list codes, filtered', example: 'protocodes list smtp --class 4' },
  search: { usage: 'search <words…>', summary: 'find codes by words', example: 'protocodes search relay denied' },
  explain: { usage: 'explain "<reply>" | -', summary: 'explain a reply, bounce, log', example: 'protocodes explain - < maillog' },
  completion: { usage: `completion ${SHELLS.join('|')}`, summary: 'print a shell completion script', example: 'protocodes completion bash' },
};

const commandTable = (Object.entries(COMMAND_SUMMARY) as [Command, (typeof COMMAND_SUMMARY)[Command]][])
  .map(([, { usage, summary, example }]) => `  ${usage.padEnd(30)}  ${summary.padEnd(31)}  ${example}`)
  .join('\n');

export const MAIN_HELP = `protocodes: what a protocol status code means, whose fault it is, whether to retry and how to fix it.

usage: protocodes <command> [arguments] [options]

commands:
${commandTable}

protocols: ${protocolList.join(', ')} (in any case: SMTP, Smtp and smtp are the same)
languages: ${availableLocales.join(', ')}
  chosen with --lang; else from the environment as gettext reads it: the locale from LC_ALL,
  LC_MESSAGES or LANG, and, unless that locale is C or unset, the first language of LANGUAGE
  (de:fr) that protocodes has; else en. stderr names the language only when some text is shown
  in English instead, or with --verbose.

${optionLines(GLOBAL_OPTIONS, undefined)}

exit codes: 0 success, 1 not found, 2 usage error, 70 internal error (please report it).
Run "protocodes <command> --help" for a command's options.`;

const commandHelp = (command: Command, usage: string, about: string, examples: string[]) =>
  `usage: ${usage}

${about}

${optionLines(OPTIONS_BY_COMMAND[command], command)}

${examples.length === 1 ? 'example' : 'examples'}:
${examples.map((e) => `  ${e}`).join('\n')}`;

export const COMMAND_HELP: Record<Command, string> = {
  show: commandHelp(
    'show',
    'protocodes show <protocol> <code> [options]',
    `Explains one code: what it means, when you see it, how to fix it, when to send it, and its facts.
SMTP takes enhanced status codes too: 5.7.1, or X.7.1 for every class.`,
    ['protocodes show smtp 554 --lang vi', 'protocodes show http 308 --format json'],
  ),
  compare: commandHelp(
    'compare',
    'protocodes compare <protocol> <a> <b> [options]',
    `Compares two codes: the key difference, each code's texts, when to use which, and the curated
note for commonly confused pairs. The order of a and b does not matter.`,
    ['protocodes compare smtp 450 550', 'protocodes compare http 301 308 --format markdown'],
  ),
  list: commandHelp(
    'list',
    'protocodes list <protocol> [--class <digit>] [--phase <phase>] [--origin <o,…>] [options]',
    'Lists codes with their titles and summaries.',
    ['protocodes list smtp --class 5 --phase rcpt', 'protocodes list http --origin iana,nginx'],
  ),
  search: commandHelp(
    'search',
    'protocodes search <words…> [--protocol <protocol>] [--limit <n>] [options]',
    `Finds codes whose number, title or texts match every word, in the chosen language. Accents do
not matter: "khac phuc" finds "khắc phục".`,
    ['protocodes search mailbox full', 'protocodes search khac phuc --lang vi --limit 5'],
  ),
  explain: commandHelp(
    'explain',
    `protocodes explain "<reply>" [options]
       protocodes explain - [options] < bounce-or-log`,
    `Finds every SMTP reply in one reply, a bounce message or a mail log (Postfix, Exim, Sendmail,
qmail, Exchange, DSN fields, <<< / >>> transcripts) and says, for each: the codes, the command it
answered, the remote host, a reason (userunknown, mailboxfull, blocked, …), whether the failure is
permanent or temporary, who must act and whether to retry. The remote server's code wins over a
local wrapper. Reads standard input when no text is given or the text is "-"; a log is read as it
streams. With several findings, text output starts with counts per reason and per code, with one
example each.

--format json prints one JSON object per finding (NDJSON) with the fields line, reply, enhanced,
command, remoteHost, recipient and action (from a bounce's DSN fields), provider, reason, verdict
{outcome, side, retry}, text and spans (UTF-16 offsets from the start of that line).

exit codes: 0 when a reply was found, 1 when none was.`,
    ['protocodes explain "host mx.example.net[203.0.113.5] said: 550 5.1.1 User unknown (in reply to RCPT TO command)"', 'protocodes explain --format json - < /var/log/mail.log'],
  ),
  completion: commandHelp(
    'completion',
    `protocodes completion ${SHELLS.join('|')}`,
    `Prints a script that completes protocodes' commands, options, protocols and languages in that
shell. To install it:
  bash   protocodes completion bash > ~/.local/share/bash-completion/completions/protocodes
         (or add  source <(protocodes completion bash)  to ~/.bashrc)
  zsh    protocodes completion zsh > ~/.zfunc/_protocodes
         (with  fpath=(~/.zfunc $fpath)  before  compinit  in ~/.zshrc)
  fish   protocodes completion fish > ~/.config/fish/completions/protocodes.fish
Then start a new shell.`,
    ['protocodes completion bash > ~/.local/share/bash-completion/completions/protocodes'],
  ),
};
