// `protocodes completion bash|zsh|fish`: a completion script with the commands, options,
// protocols and languages written into it, so pressing TAB never has to start Node.
import { protocolList } from '@protocodes/core';
import { availableLocales } from '@protocodes/texts/lazy';
import { COMMANDS, FORMAT_NAMES, GLOBAL_OPTIONS, OPTIONS, OPTIONS_BY_COMMAND, SHELLS, type Command, type OptionName, type ParsedArgs, type Shell } from './args.js';
import { quote, UsageError } from './errors.js';
import { COMMAND_SUMMARY, optionDescription } from './help.js';

const HELP_SUMMARY = 'show the help of a command';
const ALL_COMMANDS = [...COMMANDS, 'help'] as const;

/** The values an option's argument can take, where they are a short fixed list. */
const OPTION_VALUES: Partial<Record<OptionName, readonly string[]>> = { lang: availableLocales, format: FORMAT_NAMES, protocol: protocolList };
// explain prints text or json only.
const valuesOf = (option: OptionName, command?: Command) => (command === 'explain' && option === 'format' ? ['text', 'json'] : OPTION_VALUES[option]);

/** What the first argument after a command can be. */
const FIRST_ARGUMENT: Partial<Record<(typeof ALL_COMMANDS)[number], readonly string[]>> = {
  show: protocolList,
  compare: protocolList,
  list: protocolList,
  completion: SHELLS,
  help: COMMANDS,
};

const takesValue = (option: OptionName) => OPTIONS[option].type === 'string';
const shortOf = (option: OptionName) => ('short' in OPTIONS[option] ? (OPTIONS[option] as { short: string }).short : undefined);
const summaryOf = (command: (typeof ALL_COMMANDS)[number]) => (command === 'help' ? HELP_SUMMARY : COMMAND_SUMMARY[command].summary);

export function completionScript(args: ParsedArgs): string {
  const usage = `usage: protocodes completion ${SHELLS.join('|')}`;
  const [shell, extra] = args.positionals;
  if (shell === undefined) throw new UsageError('missing shell', usage);
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`no completion for the shell ${quote(shell)}`, `shells: ${SHELLS.join(', ')}`);
  if (extra !== undefined) throw new UsageError(`unexpected argument ${quote(extra)}`, usage);
  return { bash, zsh, fish }[shell as Shell]();
}

/** Keys with the same words share one `case` branch: `show|compare|list) words='ftp http smtp'`. */
function bashCases(entries: [keys: string[], words: readonly string[] | undefined][], indent: string): string {
  const groups = new Map<string, string[]>();
  for (const [keys, words] of entries) {
    const branch = words ? `words='${words.join(' ')}'` : 'return 0';
    groups.set(branch, [...(groups.get(branch) ?? []), ...keys]);
  }
  return [...groups].map(([branch, keys]) => `${indent}${keys.join('|')}) ${branch} ;;`).join('\n');
}

function bash(): string {
  const valueOptions = (Object.keys(OPTIONS) as OptionName[]).filter(takesValue);
  const flagsOf = (option: OptionName) => [`--${option}`, ...(shortOf(option) ? [`-${shortOf(option)}`] : [])];
  const valueCases = bashCases(valueOptions.map((o) => [flagsOf(o), OPTION_VALUES[o]]), '    ');
  const optionCases = bashCases(COMMANDS.map((c) => [[c], OPTIONS_BY_COMMAND[c].map((o) => `--${o}`)]), '          ');
  const argumentCases = bashCases(Object.entries(FIRST_ARGUMENT).map(([command, values]) => [[command], values]), '          ');
  return `# protocodes completion for bash; "protocodes completion --help" says how to install it.
_protocodes() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  # bash splits --lang=vi into --lang, = and vi.
  if [[ $cur == = ]]; then
    cur=''
  elif [[ $prev == = ]]; then
    prev=\${COMP_WORDS[COMP_CWORD-2]}
  fi
  local command='' arguments=0 i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      ${valueOptions.flatMap(flagsOf).join('|')})
        [[ \${COMP_WORDS[i+1]} == = ]] && i=$((i + 1))
        i=$((i + 1)) ;;
      -*) ;;
      *)
        if [[ -z $command ]]; then command=\${COMP_WORDS[i]}; else arguments=$((arguments + 1)); fi ;;
    esac
  done
  local words=''
  case $prev in
${valueCases}
    *)
      if [[ $cur == -* ]]; then
        case $command in
${optionCases}
          *) words='${GLOBAL_OPTIONS.map((o) => `--${o}`).join(' ')}' ;;
        esac
      elif [[ -z $command ]]; then
        words='${ALL_COMMANDS.join(' ')}'
      elif ((arguments == 0)); then
        case $command in
${argumentCases}
        esac
      fi ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _protocodes protocodes
`;
}

/** Inside single quotes in zsh, and inside an _arguments description in brackets. */
const zshQuoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const zshDescription = (text: string) => text.replace(/[[\]]/g, (c) => `\\${c}`);

function zshOptionSpecs(options: readonly OptionName[], command: Command | undefined): string[] {
  return options.flatMap((option) => {
    const short = shortOf(option);
    const exclusive = short ? `(-${short} --${option})` : option === 'color' ? '(--no-color)' : option === 'no-color' ? '(--color)' : '';
    const values = valuesOf(option, command);
    const argument = takesValue(option) ? `:${option}:${values ? `(${values.join(' ')})` : ' '}` : '';
    const description = `[${zshDescription(optionDescription(option, command))}]`;
    const forms = [...(short ? [`-${short}${takesValue(option) ? '+' : ''}`] : []), `--${option}${takesValue(option) ? '=' : ''}`];
    return forms.map((form) => zshQuoted(`${exclusive}${form}${description}${argument}`));
  });
}

const ZSH_ARGUMENTS: Record<(typeof ALL_COMMANDS)[number], string[]> = {
  show: [`1:protocol:(${protocolList.join(' ')})`, '2:code: '],
  compare: [`1:protocol:(${protocolList.join(' ')})`, '2:code: ', '3:code: '],
  list: [`1:protocol:(${protocolList.join(' ')})`],
  search: ['*:search words: '],
  explain: ['*:reply, or - for standard input: '],
  completion: [`1:shell:(${SHELLS.join(' ')})`],
  help: [`1:command:(${COMMANDS.join(' ')})`],
};

function zsh(): string {
  const continued = (specs: string[], indent: string) => specs.map((spec) => `${indent}${spec}`).join(' \\\n');
  const branches = ALL_COMMANDS.map((command) => {
    const specs = [...zshOptionSpecs(command === 'help' ? [] : OPTIONS_BY_COMMAND[command], command === 'help' ? undefined : command), ...ZSH_ARGUMENTS[command].map(zshQuoted)];
    return `        ${command})\n          _arguments \\\n${continued(specs, '            ')} ;;`;
  });
  return `#compdef protocodes
# protocodes completion for zsh; "protocodes completion --help" says how to install it.

_protocodes() {
  local curcontext=$curcontext state state_descr line
  typeset -A opt_args
  local -a commands
  commands=(
${ALL_COMMANDS.map((c) => `    ${zshQuoted(`${c}:${summaryOf(c)}`)}`).join('\n')}
  )
  _arguments -C \\
${continued([...zshOptionSpecs(GLOBAL_OPTIONS, undefined), "'1: :->command'", "'*:: :->argument'"], '    ')}
  case $state in
    command)
      _describe -t commands 'protocodes command' commands ;;
    argument)
      curcontext=\${curcontext%:*:*}:protocodes-$words[1]:
      case $words[1] in
${branches.join('\n')}
      esac ;;
  esac
}

# Sourced (source <(protocodes completion zsh)) it registers itself; autoloaded from fpath it completes.
if [ "$funcstack[1]" = "_protocodes" ]; then
  _protocodes "$@"
else
  compdef _protocodes protocodes
fi
`;
}

const fishQuoted = (text: string) => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;

function fish(): string {
  const seen = (words: readonly string[]) => `__fish_seen_subcommand_from ${words.join(' ')}`;
  const commandLines = ALL_COMMANDS.map((c) => `complete -c protocodes -n __fish_use_subcommand -a ${c} -d ${fishQuoted(summaryOf(c))}`);
  const argumentLines = Object.entries(FIRST_ARGUMENT).map(
    ([command, values]) => `complete -c protocodes -n ${fishQuoted(`${seen([command])}; and not ${seen(values)}`)} -a ${fishQuoted(values.join(' '))}`,
  );
  const optionLines = (Object.keys(OPTIONS) as OptionName[]).map((option) => {
    const commands = COMMANDS.filter((c) => OPTIONS_BY_COMMAND[c].includes(option));
    const global = GLOBAL_OPTIONS.includes(option);
    const everywhere = global && commands.length === COMMANDS.length;
    const condition = everywhere ? '' : ` -n ${fishQuoted([...(global ? ['__fish_use_subcommand'] : []), ...(commands.length ? [seen(commands)] : [])].join('; or '))}`;
    const short = shortOf(option) ? ` -s ${shortOf(option)}` : '';
    const values = OPTION_VALUES[option];
    const argument = takesValue(option) ? ` -x${values ? ` -a ${fishQuoted(values.join(' '))}` : ''}` : '';
    return `complete -c protocodes${condition}${short} -l ${option}${argument} -d ${fishQuoted(optionDescription(option, undefined))}`;
  });
  return `# protocodes completion for fish; "protocodes completion --help" says how to install it.
complete -c protocodes -f
${[...commandLines, ...argumentLines, ...optionLines].join('\n')}
`;
}
