// Runs the built binary as a user would: as a child process, through pipes (and once through a
// pseudo-terminal), checking output, stderr and exit codes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const appRoot = fileURLToPath(new URL('..', import.meta.url));
const binary = join(appRoot, 'dist', 'protocodes.js');
const ANSI = /\u001b\[/;
const STACK = /\n\s+at |Error: .*\n.*node:internal/;
const cleanEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' };

function protocodes(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [binary, ...args], { encoding: 'utf8', env: { ...cleanEnv, ...env } });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('commands and formats', () => {
  it('show explains a code in text, markdown and json', () => {
    const text = protocodes(['show', 'smtp', '554']);
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('SMTP 554 Transaction failed');
    expect(text.stdout).toContain('When you see this code\n');
    expect(text.stderr).toBe('');

    const markdown = protocodes(['show', 'smtp', '554', '--format', 'markdown']);
    expect(markdown.stdout.startsWith('# SMTP 554 Transaction failed\n')).toBe(true);

    const json = JSON.parse(protocodes(['show', 'smtp', '554', '-f', 'json', '--lang', 'vi']).stdout);
    expect(Object.keys(json)).toEqual(['protocol', 'locale', 'requestedLocale', 'fallbacks', 'code', 'replyText', 'alternateReplyTexts', 'texts', 'facts']);
    expect(json.code).toBe(554);
    expect(json.replyText).toBe('Transaction failed');
    expect(json.texts.title).toBe('Giao dịch thất bại');
    expect(json.facts.retry).toBe('after-change');
  });

  it('compare gives the same comparison in either order', () => {
    const forward = protocodes(['compare', 'smtp', '235', '554', '--lang', 'vi']);
    const backward = protocodes(['compare', 'smtp', '554', '235', '--lang', 'vi']);
    expect(forward.status).toBe(0);
    expect(backward.stdout).toBe(forward.stdout);
    expect(forward.stdout.split('\n')[0]).toBe('SMTP 235 Xác thực thành công so với 554 Giao dịch thất bại');
    for (const format of ['markdown', 'json']) {
      expect(protocodes(['compare', 'smtp', '554', '235', '-f', format]).stdout).toBe(protocodes(['compare', 'smtp', '235', '554', '-f', format]).stdout);
    }
    const json = JSON.parse(protocodes(['compare', 'smtp', '550', '450', '-f', 'json']).stdout);
    expect(json.codes).toEqual([450, 550]);
    expect(json.note.text.length).toBeGreaterThan(100);
    expect(json.facts.retry).toEqual({ a: 'later', b: 'after-change', same: false });
  });

  it('list prints a table, filters by class and phase, and has markdown and json forms', () => {
    const all = protocodes(['list', 'smtp']);
    expect(all.status).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(39);
    expect(lines[0]).toMatch(/^Code\s+Title\s+Summary$/);
    expect(lines[1]).toMatch(/^211\s+System status\s+\S/);

    const filtered = protocodes(['list', 'smtp', '--class', '4', '--phase', 'rcpt', '-f', 'json']);
    const codes = JSON.parse(filtered.stdout).codes.map((c: { code: number }) => c.code);
    expect(codes.length).toBeGreaterThan(2);
    expect(codes.every((c: number) => c >= 400 && c < 500)).toBe(true);
    expect(codes).toContain(450);

    const markdown = protocodes(['list', 'smtp', '--class', '3', '-f', 'markdown', '--lang', 'vi']);
    expect(markdown.stdout.split('\n').slice(0, 3)).toEqual(['| Mã | Tên | Tóm tắt |', '| --- | --- | --- |', expect.stringMatching(/^\| 334 \| /)]);
  });

  it('search ranks codes and folds accents', () => {
    const byNumber = protocodes(['search', '554']);
    expect(byNumber.stdout.split('\n')[1]).toMatch(/^SMTP 554\s+Transaction failed/);
    const bounce = protocodes(['search', 'relay', 'access', 'denied']);
    expect(bounce.status).toBe(0);
    expect(bounce.stdout.split('\n').slice(1, 3).map((line) => line.split(/\s{2,}/)[0]).sort()).toEqual(['SMTP 554', 'SMTP X.7.1']);
    const pasted = protocodes(['search', 'said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown', '-f', 'json']);
    expect(JSON.parse(pasted.stdout).reply).toMatchObject({ reply: 550, enhanced: '5.1.1', reason: 'userunknown' });
    const explainedFirst = protocodes(['search', 'said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown']).stdout;
    expect(explainedFirst.indexOf('Recipient address rejected: User unknown')).toBeLessThan(explainedFirst.indexOf('SMTP 550  '));

    const folded = JSON.parse(protocodes(['search', 'khac', 'phuc', '--lang', 'vi', '-f', 'json']).stdout);
    const accented = JSON.parse(protocodes(['search', 'khắc', 'phục', '--lang', 'vi', '-f', 'json']).stdout);
    expect(folded.hits.length).toBeGreaterThan(0);
    // Typed with accents, words that fold alike but are spelled otherwise count less; the same codes still match.
    expect(folded.hits.map((h: { code: string }) => h.code)).toContain(accented.hits[0].code);

    const none = protocodes(['search', 'zzyzx', '--lang', 'vi']);
    expect(none.status).toBe(1);
    expect(none.stdout).toBe('Không có mã nào khớp với “zzyzx”.\n');
  });

  it('has a version', () => {
    expect(protocodes(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(protocodes(['-V']).status).toBe(0);
  });

  it('takes protocol names in any case', () => {
    expect(protocodes(['show', 'SMTP', '554']).stdout.split('\n')[0]).toBe('SMTP 554 Transaction failed');
    expect(protocodes(['compare', 'Http', '301', '308']).stdout).toBe(protocodes(['compare', 'http', '301', '308']).stdout);
    const list = protocodes(['list', 'FTP', '--class', '4']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^421\s/m);
    expect(JSON.parse(protocodes(['search', 'gateway', '--protocol', 'HTTP', '-f', 'json']).stdout).hits[0].protocol).toBe('http');
  });
});

describe('help', () => {
  const commands = ['show', 'compare', 'list', 'search', 'explain', 'completion'];

  it.each([[['--help']], [['-h']], [['help']], [['--lang', 'vi', '--help']]])('%j prints the main help on stdout and exits 0', (args) => {
    const result = protocodes(args);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^protocodes: what a protocol status code means/);
    for (const command of commands) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(commands)('%s: help <command>, <command> --help and -h print the same help on stdout and exit 0', (command) => {
    const asked = [protocodes(['help', command]), protocodes([command, '--help']), protocodes([command, '-h'])];
    for (const result of asked) {
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(asked[0]!.stdout);
    }
    expect(asked[0]!.stdout).toMatch(new RegExp(`^usage: protocodes ${command} `));
  });

  it.each(commands)('%s --help describes every option it takes, one line each, and gives an example', (command) => {
    // The parser names the options a command takes when it is given one it does not know.
    const hint = protocodes([command, '--bogus']).stderr;
    const taken = /options for \w+: (.*)$/m.exec(hint)![1]!.split(', ');
    expect(taken).toContain('--help');
    const help = protocodes([command, '--help']).stdout;
    const options = help.split('\n\n').find((block) => block.startsWith('options:\n'))!.split('\n').slice(1);
    expect(options.map((line) => /--[a-z-]+/.exec(line)![0])).toEqual(taken);
    for (const line of options) expect(line).toMatch(/^  (-[a-zA-Z], )?--[a-z-]+( <[^>]+>)?\s{2,}\S.{9,}$/);
    const examples = /\nexamples?:\n((?:  .+\n?)+)/.exec(help)![1]!.trim().split('\n').map((line) => line.trim());
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(example).toMatch(new RegExp(`^protocodes ${command} `));
  });

  it('every example in the help runs', () => {
    const runnable = commands.filter((c) => c !== 'explain' && c !== 'completion');
    for (const command of runnable) {
      const help = protocodes([command, '--help']).stdout;
      for (const example of /\nexamples?:\n((?:  .+\n?)+)/.exec(help)![1]!.trim().split('\n')) {
        const result = protocodes(example.trim().split(/\s+/).slice(1));
        expect(result.status, example).toBe(0);
      }
    }
  });

  it('goes to stderr with exit 2, after a line saying a command is needed, when there is no command', () => {
    for (const args of [[], ['--lang', 'vi'], ['--verbose']]) {
      const result = protocodes(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^protocodes: missing command\n  for example: protocodes show smtp 554\n\nprotocodes: what a protocol/);
      expect(result.stderr).toContain('\ncommands:\n');
    }
  });
});

describe('start-up', () => {
  it('loads Vietnamese from its own chunk, only when a command asks for it', () => {
    const main = readFileSync(binary, 'utf8');
    expect(main).toContain('Transaction failed');
    expect(main).not.toContain('Giao dịch thất bại');
    const chunks = readdirSync(join(appRoot, 'dist', 'chunks'));
    const vietnamese = chunks.filter((name) => readFileSync(join(appRoot, 'dist', 'chunks', name), 'utf8').includes('Giao dịch thất bại'));
    expect(vietnamese).toHaveLength(1);
    expect(vietnamese[0]).toMatch(/^vi-/);
  });
});

describe('language', () => {
  // The language line is only printed when asked for (--verbose) or when something fell back.
  const language = (args: string[], env: Record<string, string> = {}) => protocodes([...args, '--verbose'], env).stderr;

  it('is named on stderr only when some text fell back to English, or with --verbose', () => {
    for (const command of [['show', 'smtp', '250'], ['compare', 'smtp', '250', '550'], ['list', 'http'], ['search', 'relay'], ['explain', '550 5.1.1 User unknown']]) {
      for (const env of [{}, { LANG: 'vi_VN.UTF-8' }, { LANG: 'ar_EG.UTF-8' }]) {
        const quiet = protocodes(command, env);
        expect(quiet.status, command.join(' ')).toBe(0);
        expect(quiet.stderr, `${command.join(' ')} ${JSON.stringify(env)}`).toBe('');
      }
      expect(language(command, { LANG: 'vi_VN.UTF-8' })).toBe('protocodes: language vi (from LANG=vi_VN.UTF-8)\n');
      expect(protocodes(command, { LANG: 'ko_KR.UTF-8' }).stderr).toBe('protocodes: no texts in ko-KR yet (from LANG=ko_KR.UTF-8); showing en\n');
    }
    expect(language(['show', 'smtp', '250'], { LANG: '' })).toBe('protocodes: language en (by default)\n');
    expect(protocodes(['show', 'smtp', '250', '--verbose', '-f', 'json']).stderr).toBe('protocodes: language en (from LANG=C.UTF-8)\n');
    expect(protocodes(['explain', '--verbose', '--lang', 'vi', '-f', 'json', '550 5.1.1 User unknown']).stderr).toBe('protocodes: language vi (from --lang)\n');
  });

  it('comes from LC_ALL, LC_MESSAGES or LANG, in that order', () => {
    expect(language(['show', 'smtp', '250'], { LANG: 'vi_VN.UTF-8' })).toBe('protocodes: language vi (from LANG=vi_VN.UTF-8)\n');
    expect(language(['show', 'smtp', '250'], { LANG: 'vi_VN.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('protocodes: language en (from LC_ALL=en_US.UTF-8)\n');
    expect(protocodes(['show', 'smtp', '250'], { LANG: 'en_GB.UTF-8', LC_MESSAGES: 'vi_VN' }).stdout).toContain('Mô tả');
  });

  it('takes the first language of LANGUAGE that it has, before LC_ALL, unless the locale is C or unset (as gettext does)', () => {
    const fromList = protocodes(['show', 'smtp', '250', '--verbose'], { LANG: 'en_US.UTF-8', LANGUAGE: 'ko:vi_VN:en' });
    expect(fromList.stderr).toBe('protocodes: language vi (from LANGUAGE=ko:vi_VN:en)\n');
    expect(fromList.stdout).toContain('Mô tả');
    expect(language(['show', 'smtp', '250'], { LC_ALL: 'de_DE.UTF-8', LANG: 'fr_FR.UTF-8', LANGUAGE: 'vi' })).toBe('protocodes: language vi (from LANGUAGE=vi)\n');
    expect(language(['show', 'smtp', '250'], { LC_ALL: 'de_DE.UTF-8', LANGUAGE: 'ko' })).toBe('protocodes: language de (from LC_ALL=de_DE.UTF-8)\n');
    expect(language(['show', 'smtp', '250'], { LANG: 'vi_VN.UTF-8', LANGUAGE: 'ko:zh_TW' })).toBe('protocodes: language vi (from LANG=vi_VN.UTF-8)\n');
    // In the C locale, however it is set, LANGUAGE is ignored.
    expect(language(['show', 'smtp', '250'], { LANG: 'C.UTF-8', LANGUAGE: 'vi' })).toBe('protocodes: language en (from LANG=C.UTF-8)\n');
    expect(language(['show', 'smtp', '250'], { LC_ALL: 'C', LANG: 'vi_VN.UTF-8', LANGUAGE: 'vi' })).toBe('protocodes: language en (from LC_ALL=C)\n');
    expect(language(['show', 'smtp', '250'], { LC_ALL: 'POSIX', LANGUAGE: 'de' })).toBe('protocodes: language en (from LC_ALL=POSIX)\n');
    expect(language(['show', 'smtp', '250'], { LANG: '', LANGUAGE: 'vi' })).toBe('protocodes: language en (by default)\n');
    expect(protocodes(['show', 'smtp', '250', '--lang', 'en'], { LANG: 'vi_VN.UTF-8', LANGUAGE: 'vi' }).stdout).toContain('Description');
  });

  // Issue #14: regional and script tags reach the language written for them, from every source.
  it.each([
    ['pt', 'pt-BR'], ['zh', 'zh-CN'], ['zh-Hans', 'zh-CN'], ['es-419', 'es'], ['es-MX', 'es'], ['de-AT', 'de'], ['de-CH', 'de'], ['ar-EG', 'ar'],
  ])('takes --lang %s as %s', (tag, expected) => {
    const result = protocodes(['show', 'smtp', '250', '--lang', tag, '--verbose']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`protocodes: language ${expected} (from --lang)\n`);
  });

  it('takes regional locales from LC_ALL, LANG and LANGUAGE, and never answers zh_TW in Simplified Chinese', () => {
    expect(language(['show', 'smtp', '250'], { LC_ALL: 'de_AT.UTF-8', LANG: 'en_US.UTF-8' })).toBe('protocodes: language de (from LC_ALL=de_AT.UTF-8)\n');
    expect(language(['show', 'smtp', '250'], { LANG: 'es_MX.UTF-8' })).toBe('protocodes: language es (from LANG=es_MX.UTF-8)\n');
    expect(protocodes(['show', 'smtp', '250'], { LANG: 'pt_BR.UTF-8' }).stdout).toContain('Descrição');
    expect(language(['show', 'smtp', '250'], { LANG: 'en_US.UTF-8', LANGUAGE: 'zh_TW:ar_EG' })).toBe('protocodes: language ar (from LANGUAGE=zh_TW:ar_EG)\n');
    const traditional = protocodes(['show', 'smtp', '250'], { LANG: 'zh_TW.UTF-8' });
    expect(traditional.stderr).toBe('protocodes: no texts in zh-TW yet (from LANG=zh_TW.UTF-8); showing en\n');
    expect(traditional.stdout).toContain('Description');
    expect(protocodes(['show', 'smtp', '250'], { LANG: 'zh_CN.UTF-8' }).stdout).toContain('说明');
  });

  it('prints Arabic text without bidi control characters, with codes and wire texts in their order', () => {
    const { stdout, status } = protocodes(['compare', 'smtp', '235', '554', '--lang', 'ar']);
    expect(status).toBe(0);
    expect(stdout).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(stdout).toContain('554 Transaction failed');
    expect(stdout).toContain('5.7.1');
  });

  it('falls back to English for a language without texts, and says so', () => {
    const result = protocodes(['show', 'smtp', '250', '--lang', 'ko-KR']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Description');
    expect(result.stderr).toBe('protocodes: no texts in ko-KR yet (from --lang); showing en\n');
  });
});

describe('the terminal', () => {
  it('writes no escape codes into a pipe, and does not wrap', () => {
    const result = protocodes(['compare', 'smtp', '450', '550']);
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stderr).not.toMatch(ANSI);
    expect(Math.max(...result.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(200);
  });

  it('honours --color even into a pipe, and NO_COLOR otherwise', () => {
    expect(protocodes(['show', 'smtp', '554', '--color']).stdout).toMatch(/^\u001b\[1mSMTP 554 Transaction failed\u001b\[22m\n/);
    expect(protocodes(['show', 'smtp', '554', '--no-color']).stdout).not.toMatch(ANSI);
  });

  it('sets headings in bold and wraps to the width on a terminal, unless NO_COLOR is set', () => {
    const tty = (env: string) =>
      execFileSync('script', ['-qec', `${env} COLUMNS=60 stty cols 60 2>/dev/null; ${env} ${process.execPath} ${binary} show smtp 421`, '/dev/null'], {
        encoding: 'utf8',
        env: { ...cleanEnv, TERM: 'xterm' },
      }).replace(/\r\n/g, '\n');
    const colored = tty('');
    expect(colored).toContain('\u001b[1mDescription\u001b[22m');
    expect(Math.max(...colored.replace(/\u001b\[\d+m/g, '').split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(60);
    expect(tty('NO_COLOR=1')).not.toContain('\u001b[1m');
  });
});

describe('mistakes', () => {
  const cases: [string[], number, RegExp][] = [
    [['show', 'smtp', 'abc'], 2, /^protocodes: "abc" is not a valid SMTP code\n  SMTP codes are three digits, such as 554, or enhanced codes such as 5.7.1\n$/],
    [['show', 'smtp', '5.x.1'], 2, /^protocodes: "5.x.1" is not an enhanced status code\n  write class.subject.detail, such as 5.7.1/],
    [['compare', 'smtp', '550', '5.7.1'], 2, /^protocodes: cannot compare 550 with 5.7.1\n/],
    [['show', 'smtp', '9999'], 2, /^protocodes: "9999" is not a valid SMTP code\n/],
    [['show', 'smtp', '557'], 1, /^protocodes: smtp has no code 557\n  did you mean 556, 555, 554\? run "protocodes list smtp" to see every code\n$/],
    [['compare', 'smtp', '235'], 2, /^protocodes: missing code\n  usage: protocodes compare <protocol> <a> <b>\n$/],
    [['compare', 'smtp', '250', '250'], 2, /^protocodes: both codes are 250\n/],
    [['show', 'foo', '1'], 2, /^protocodes: unknown protocol "foo"\n  protocols: ftp, http, smtp\n$/],
    [['show', 'smtp', '554', '--lang', 'xx-!!'], 2, /^protocodes: --lang "xx-!!" is not a language tag\n/],
    [['shwo', 'smtp', '554'], 2, /^protocodes: unknown command "shwo"\n  did you mean "show"\? commands: show, compare, list, search, explain, completion\n$/],
    [['show', 'smtp', '554', '--lnag', 'vi'], 2, /^protocodes: unknown option "--lnag"\n  did you mean "--lang"\? options for show: --lang, --format/],
    [['show', 'smtp', '554', '--format', 'pdf'], 2, /^protocodes: unknown format "pdf"\n  formats: text, markdown, json\n$/],
    [['list', 'smtp', '--class', '7'], 2, /^protocodes: --class "7" is not a class of SMTP\n  classes: 2, 3, 4, 5\n$/],
    [['list', 'smtp', '--phase', 'rcpt-to'], 2, /^protocodes: --phase "rcpt-to" is not a session phase of SMTP\n  phases: greeting, ehlo/],
    [['show', 'smtp', '554', 'extra'], 2, /^protocodes: unexpected argument "extra"\n/],
    [['compare', 'smtp', '235', '554', '--class', '4'], 2, /^protocodes: option --class does not apply to compare\n/],
    [['search'], 2, /^protocodes: missing search words\n/],
    [['show', 'smtp', 'x'.repeat(10_000)], 2, /^protocodes: "x{40}…" is not a valid SMTP code\n/],
    [['search', 'y'.repeat(10_000)], 2, /^protocodes: the search is 10000 characters long\n/],
    [['help', 'bogus'], 2, /^protocodes: there is no help on "bogus"\n  help topics: show, compare, list, search, explain, completion\n$/],
    [['show', 'smtp', '554', '--verbose=yes'], 2, /^protocodes: option --verbose takes no value\n  write --verbose alone\n$/],
    [['show', 'smtp', '554', '-f'], 2, /^protocodes: option --format needs a value\n  for example --format json\n$/],
    [['show', 'smtp', '554', '--lang'], 2, /^protocodes: option --lang needs a value\n  for example --lang vi\n$/],
    [['show', 'smtp', '554', '--verbos'], 2, /^protocodes: unknown option "--verbos"\n  did you mean "--verbose"\? /],
    [['completion'], 2, /^protocodes: missing shell\n  usage: protocodes completion bash\|zsh\|fish\n$/],
    [['completion', 'powershell'], 2, /^protocodes: no completion for the shell "powershell"\n  shells: bash, zsh, fish\n$/],
    [['completion', 'bash', 'zsh'], 2, /^protocodes: unexpected argument "zsh"\n/],
    [['completion', 'bash', '--lang', 'vi'], 2, /^protocodes: option --lang does not apply to completion\n  options for completion: --help\n$/],
    [['--lang', 'vi', 'shwo', 'smtp'], 2, /^protocodes: unknown command "shwo"\n/],
  ];

  for (const [args, status, stderr] of cases) {
    it(`${args.join(' ').slice(0, 60)} → exit ${status}, one clear message`, () => {
      const result = protocodes(args);
      expect(result.status).toBe(status);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(stderr);
      expect(result.stderr).not.toMatch(STACK);
      expect(result.stderr.length).toBeLessThan(400);
    });
  }
});

describe('HTTP and FTP (issue #11)', () => {
  it('shows, compares and lists them, with protocol names in any case', () => {
    const show = protocodes(['show', 'HTTP', '308']);
    expect(show.status).toBe(0);
    expect(show.stdout.split('\n')[0]).toBe('HTTP 308 Permanent redirect');
    const compare = protocodes(['compare', 'http', '301', '308']);
    expect(compare.stdout).toMatch(/308 moves the resource for good and keeps the method and body/);
    const nginx = protocodes(['list', 'http', '--origin', 'nginx', '-f', 'json']);
    expect(JSON.parse(nginx.stdout).codes.map((c: { code: number }) => c.code)).toEqual([444, 494, 495, 496, 497, 499]);
    const ftp = JSON.parse(protocodes(['list', 'Ftp', '--class', '5', '-f', 'json']).stdout);
    expect(ftp.codes.length).toBeGreaterThan(10);
    expect(ftp.codes.every((c: { code: number }) => c.code >= 500 && c.code < 600)).toBe(true);
    const wrongOrigin = protocodes(['list', 'http', '--origin', 'ngnix']);
    expect(wrongOrigin.status).toBe(2);
    expect(wrongOrigin.stderr).toMatch(/^protocodes: --origin "ngnix" is not an origin of HTTP codes\n  origins: .*nginx/);
  });

  it('searches every protocol unless --protocol narrows it', () => {
    const all = JSON.parse(protocodes(['search', 'gateway', '-f', 'json']).stdout);
    expect(new Set(all.hits.map((h: { protocol: string }) => h.protocol)).has('http')).toBe(true);
    const smtpOnly = JSON.parse(protocodes(['search', 'gateway', '--protocol', 'smtp', '-f', 'json']).stdout);
    expect(smtpOnly.hits.every((h: { protocol: string }) => h.protocol === 'smtp')).toBe(true);
  });
});

describe('hostile input (issue #10)', () => {
  it('takes options before the command', () => {
    const after = protocodes(['show', 'smtp', '554', '--lang', 'vi', '-f', 'json']);
    for (const args of [['--lang', 'vi', 'show', 'smtp', '554', '-f', 'json'], ['-f', 'json', '--lang=vi', 'show', 'smtp', '554'], ['--no-color', '--lang', 'vi', '-f', 'json', 'show', 'smtp', '554']]) {
      const result = protocodes(args);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toBe(after.stdout);
    }
  });

  it('skips a language tag from the environment that it cannot use, instead of failing', () => {
    for (const tag of ['vi-x-yes', 'en-x-true', 'vi-t-yes']) {
      const result = protocodes(['show', 'smtp', '554'], { LANG: tag });
      expect(result.status, tag).toBe(0);
      expect(result.stderr, tag).not.toMatch(STACK);
    }
    expect(protocodes(['show', 'smtp', '554'], { LANG: 'vi-x-yes' }).stdout.split('\n')[0]).toBe('SMTP 554 Giao dịch thất bại');
    const broken = protocodes(['show', 'smtp', '554'], { LC_ALL: 'x-!!', LANG: 'vi_VN.UTF-8' });
    expect(broken.status).toBe(0);
    expect(broken.stdout.split('\n')[0]).toBe('SMTP 554 Giao dịch thất bại');
  });

  it('prints no escape sequence or control character that came from its input', () => {
    const typed = 'zzqx \u001b]8;;https://evil.example\u0007qzzx\u001b]8;;\u0007 \u001b[2J\r\u202exqzz';
    const result = protocodes(['search', typed], { LANG: 'en' });
    expect(result.status).toBe(1);
    for (const stream of [result.stdout, result.stderr]) {
      expect(stream).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(result.stdout).toContain('zzqx qzzx');
    const mistaken = protocodes(['show', 'smtp', '\u001b[31m554']);
    expect(mistaken.status).toBe(2);
    expect(mistaken.stderr).not.toMatch(/\u001b/);
  });

  it('reports a full disk in one line and exits 70', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${binary}" show smtp 554 >/dev/full`], { encoding: 'utf8', env: cleanEnv });
    expect(result.status).toBe(70);
    expect(result.stderr).toMatch(/(^|\n)protocodes: cannot write to standard output: ENOSPC\n$/);
    expect(result.stderr).not.toMatch(STACK);
  });
});

describe('the packed package', () => {
  const work = mkdtempSync(join(tmpdir(), 'protocodes-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('installs from its tarball outside the workspace and runs with no other package', () => {
    // The bundle is built before the tests run; the prepack build (with pnpm) is checked by packages/package-check.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: appRoot, stdio: 'ignore' });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!;
    expect(tarball).toMatch(/^protocodes-\d+\.\d+\.\d+\.tgz$/);

    const project = join(work, 'consumer');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{"name":"consumer","private":true}');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, tarball)], { cwd: project, stdio: 'ignore' });
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['protocodes']);

    const installed = spawnSync(join(project, 'node_modules', '.bin', 'protocodes'), ['compare', 'smtp', '235', '554', '--lang', 'vi'], { encoding: 'utf8', env: cleanEnv });
    expect(installed.status).toBe(0);
    expect(installed.stdout).toBe(protocodes(['compare', 'smtp', '235', '554', '--lang', 'vi']).stdout);

    const viaNpx = spawnSync('npx', ['--yes', '--offline', `./${tarball}`, 'show', 'smtp', '421'], { cwd: work, encoding: 'utf8', env: cleanEnv });
    expect(viaNpx.stdout.split('\n')[0]).toBe('SMTP 421 Service not available');
  });
});

describe('enhanced status codes', () => {
  it('show explains one in its class, says when the registry lacks it, and compares two', () => {
    const known = protocodes(['show', 'smtp', '5.1.1']);
    expect(known.status).toBe(0);
    expect(known.stdout.split('\n')[0]).toBe('SMTP 5.1.1 Bad destination mailbox address');
    expect(known.stdout).toContain('\nAs 5.1.1 (class 5)\n');
    expect(known.stdout).toMatch(/^- 4\.1\.1: /m);
    const vendor = protocodes(['show', 'smtp', '5.7.606', '--lang', 'vi']);
    expect(vendor.status).toBe(0);
    expect(vendor.stdout).toContain('5.7.606 không có trong danh mục mã trạng thái mở rộng của IANA');
    const json = JSON.parse(protocodes(['show', 'smtp', 'x.7.26', '--format', 'json']).stdout);
    expect(json).toMatchObject({ code: 'X.7.26', registered: true, sampleText: 'Multiple authentication checks failed', basicCodes: [550] });
    const pair = protocodes(['compare', 'smtp', '5.7.1', '5.1.1']);
    expect(pair.status).toBe(0);
    expect(pair.stdout.split('\n')[0]).toBe('SMTP 5.1.1 Bad destination mailbox address vs 5.7.1 Delivery not authorized, message refused');
    expect(pair.stdout).toContain('is about Addressing status (X.1), while 5.7.1');
  });
});

describe('explain', () => {
  const explain = (args: string[], input?: string) => {
    const result = spawnSync(process.execPath, [binary, 'explain', ...args], { encoding: 'utf8', env: cleanEnv, ...(input !== undefined ? { input } : {}) });
    return { stdout: result.stdout, stderr: result.stderr, status: result.status };
  };
  const postfix = 'Dec  1 08:00:01 mx postfix/smtp[124]: 5AbC: to=<b@y.example>, relay=mx.y.example[198.51.100.2]:25, status=bounced (host mx.y.example[198.51.100.2] said: 550 5.1.1 <b@y.example>: Recipient address rejected: User unknown (in reply to RCPT TO command))';

  it('explains one reply given as an argument: verdict, reason, fix and the codes', () => {
    const out = explain([postfix]);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('What the server said: 550 5.1.1\n> 550 5.1.1 <b@y.example>: Recipient address rejected: User unknown\n');
    expect(out.stdout).toMatch(/- Reason: [a-z]/);
    expect(out.stdout).toContain('- In reply to: RCPT TO\n- Remote server: mx.y.example');
    expect(out.stdout).toMatch(/\nWhat to do\n\S/);
    expect(out.stdout).toMatch(/^- 550 Mailbox unavailable: /m);
    expect(out.stdout).toMatch(/^- 5\.1\.1 Bad destination mailbox address: /m);
    const vi = explain(['--lang', 'vi', postfix]);
    expect(vi.stdout).toContain('Máy chủ đã trả lời: 550 5.1.1');
    expect(vi.stdout).toContain('- Nguyên nhân: hộp thư của người nhận không tồn tại');
  });

  it('names the provider rule a reply matched, in text and in JSON', () => {
    const gmail = '550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires\n550-5.7.26 all senders to authenticate with either SPF or DKIM.\n550 5.7.26 For more information, go to https://support.google.com/mail/answer/81126 - gsmtp';
    const text = explain(['-'], gmail);
    expect(text.stdout).toMatch(/^Recognized reply: Gmail and Google Workspace, /m);
    const json = JSON.parse(explain(['-f', 'json', '-'], gmail).stdout.trim());
    expect(json).toMatchObject({ reply: 550, enhanced: '5.7.26', provider: { id: 'gmail', rule: expect.stringMatching(/^gmail-/) }, reason: 'authfailure' });
  });

  it('prints one JSON object per finding, with line numbers and spans into that line', () => {
    const log = ['noise line 1', postfix, '550-5.7.26 Unauthenticated email from example.com is not accepted due to', '550 5.7.26 the domain\'s DMARC policy. - gsmtp'].join('\n');
    const out = explain(['-f', 'json', '-'], log);
    expect(out.status).toBe(0);
    const findings = out.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(findings.map((f) => [f.line, f.reply, f.enhanced, f.reason])).toEqual([[2, 550, '5.1.1', 'userunknown'], [3, 550, '5.7.26', 'authfailure']]);
    expect(Object.keys(findings[0])).toEqual(['line', 'reply', 'enhanced', 'command', 'remoteHost', 'recipient', 'action', 'provider', 'reason', 'verdict', 'text', 'spans']);
    const enhanced = findings[0].spans.find((s: { part: string }) => s.part === 'enhanced');
    expect(postfix.slice(enhanced.start, enhanced.end)).toBe('5.1.1');
  });

  it('summarises a log by reason and code, reading it as a stream', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 3 ? postfix : 'host mx.z.example[198.51.100.3] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command)'));
    const out = explain([], lines.join('\n'));
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('3000 findings');
    expect(out.stdout).toMatch(/^\s+2000\s+userunknown\s+e\.g\. 550 5\.1\.1/m);
    expect(out.stdout).toMatch(/^\s+1000\s+mailboxfull\s+e\.g\. 452 4\.2\.2 Mailbox full$/m);
    // Per code too: the count and one example each.
    expect(out.stdout).toMatch(/^\s+2000\s+550 5\.1\.1\s+e\.g\. 550 5\.1\.1 <b@y\.example>: Recipient address rejected: User unknown$/m);
    expect(out.stdout).toMatch(/^\s+1000\s+452 4\.2\.2\s+e\.g\. 452 4\.2\.2 Mailbox full$/m);
  });

  it('draws a progress bar on a terminal while it reads a large file, and clears it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'protocodes-progress-'));
    try {
      const log = join(dir, 'mail.log');
      writeFileSync(log, `${postfix}\n`.repeat(Math.ceil((5 * 1024 * 1024) / (postfix.length + 1))));
      // script(1) gives the command a terminal, as a person at a shell would have.
      const result = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(binary)} explain --format json - < ${JSON.stringify(log)} > /dev/null`, '/dev/null'], { encoding: 'utf8', env: cleanEnv });
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/protocodes explain \[[#.]+\] \d+ % of 5 MB/);
      expect(result.stdout).toContain('\r\x1b[K');
      const piped = explain(['--format', 'json', '-'], `${postfix}\n`.repeat(20_000));
      expect(piped.stderr).not.toContain('protocodes explain [');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when there is no reply, and refuses markdown', () => {
    const none = explain(['hello world 1.2.3.4:25']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('found no SMTP reply in the input');
    expect(none.stderr).not.toMatch(STACK);
    const markdown = explain(['-f', 'markdown', '550 5.1.1 x']);
    expect(markdown.status).toBe(2);
    expect(markdown.stderr).toContain('use --format json');
  });
});

describe('explain with a whole bounce message', () => {
  it('reads a MIME bounce from stdin, decodes it and gives one finding per reply', () => {
    const eml = readFileSync(join(appRoot, '..', '..', 'packages', 'core', 'test', 'replies', 'bounces', 'exchange-online-qp-base64.eml'), 'utf8');
    const result = spawnSync(process.execPath, [binary, 'explain', '--format', 'json'], { encoding: 'utf8', env: cleanEnv, input: eml });
    expect(result.status).toBe(0);
    const findings = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(findings.map((f) => [f.reply, f.enhanced, f.reason])).toEqual([[550, '5.7.606', 'blocked']]);
  });

  it('gives each recipient of a multi-recipient DSN its own host, recipient and action', () => {
    const eml = readFileSync(join(appRoot, '..', '..', 'packages', 'core', 'test', 'replies', 'bounces', 'sendmail-multi-recipient.eml'), 'utf8');
    const result = spawnSync(process.execPath, [binary, 'explain', '--format', 'json'], { encoding: 'utf8', env: cleanEnv, input: eml });
    expect(result.status).toBe(0);
    const findings = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(findings.map((f) => [f.reply, f.enhanced, f.remoteHost, f.recipient, f.action])).toEqual([
      [550, '5.1.1', 'mx.receiver.example', 'rita@receiver.example', 'failed'],
      [550, '5.1.1', 'mx.other.example', 'sam@other.example', 'failed'],
      [452, '4.2.2', 'mx.third.example', 'tom@third.example', 'delayed'],
    ]);
  });
});
