// Help texts. Kept short: each says what the command does, its arguments and an example.
import { protocolList } from '@protocodes/core';
import type { Command } from './args.js';

const COMMON = `options:
  --lang <tag>       language of the texts, a BCP 47 tag such as vi or pt-BR
                     (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else en)
  -f, --format <f>   text (default), markdown or json
  --color            force bold headings on, even into a pipe
  --no-color         force them off (default: on a terminal only, never with NO_COLOR)
  -h, --help         show help`;

export const MAIN_HELP = `protocodes: what a protocol status code means, whose fault it is, whether to retry and how to fix it.

usage: protocodes <command> [arguments] [options]

commands:
  show <protocol> <code>          explain one code             protocodes show smtp 554
  compare <protocol> <a> <b>      compare two codes            protocodes compare smtp 235 554
  list <protocol>                 list codes, filtered         protocodes list smtp --class 4
  search <words…>                 find codes by words          protocodes search relay denied
  explain "<reply>" | -           explain a reply, bounce, log  protocodes explain - < maillog

protocols: ${protocolList.join(', ')}

${COMMON}
  -V, --version      print the version

exit codes: 0 success, 1 not found, 2 usage error, 70 internal error (please report it).
Run "protocodes <command> --help" for a command's options.`;

export const COMMAND_HELP: Record<Command, string> = {
  show: `usage: protocodes show <protocol> <code> [options]

Explains one code: what it means, when you see it, how to fix it, when to send it, and its facts.

example: protocodes show smtp 554 --lang vi

${COMMON}`,
  compare: `usage: protocodes compare <protocol> <a> <b> [options]

Compares two codes: the key difference, each code's texts, when to use which, and the curated
note for commonly confused pairs. The order of a and b does not matter.

example: protocodes compare smtp 450 550

${COMMON}`,
  list: `usage: protocodes list <protocol> [--class <digit>] [--phase <phase>] [--origin <o,…>] [options]

Lists codes with their titles and summaries.

  --class <digit>    only codes of this class, e.g. 4 for 4xx
  --phase <phase>    only codes that can occur in this session phase, e.g. rcpt (SMTP, FTP)
  --origin <o,…>     only codes defined by these: iana, rfc, or vendors such as nginx (HTTP)

examples: protocodes list smtp --class 5 --phase rcpt
          protocodes list http --origin iana,nginx

${COMMON}`,
  search: `usage: protocodes search <words…> [--protocol <protocol>] [--limit <n>] [options]

Finds codes whose number, title or texts match every word, in the chosen language. Accents do
not matter: "khac phuc" finds "khắc phục".

  --protocol <p>     search one protocol only (by default, every protocol)
  --limit <n>        show at most n matches (default 20)

example: protocodes search mailbox full

${COMMON}`,
  explain: `usage: protocodes explain "<reply>" [options]
       protocodes explain - [options] < bounce-or-log

Finds every SMTP reply in one reply, a bounce message or a mail log (Postfix, Exim, Sendmail,
qmail, Exchange, DSN fields, <<< / >>> transcripts) and says, for each: the codes, the command it
answered, the remote host, a reason (userunknown, mailboxfull, blocked, …), whether the failure is
permanent or temporary, who must act and whether to retry. The remote server's code wins over a
local wrapper. Reads standard input when no text is given or the text is "-"; a log is read as it
streams. With several findings, text output starts with counts per reason and per code, with one
example each.

--format json prints one JSON object per finding (NDJSON) with the fields line, reply, enhanced,
command, remoteHost, recipient and action (from a bounce's DSN fields), provider, reason, verdict
{outcome, side, retry}, text and spans (UTF-16 offsets from the start of that line).

exit codes: 0 when a reply was found, 1 when none was.

example: protocodes explain "host mx.example.net[203.0.113.5] said: 550 5.1.1 User unknown (in reply to RCPT TO command)"

${COMMON}`,
};
