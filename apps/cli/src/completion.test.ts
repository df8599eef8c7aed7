// The shell completion scripts, as the built binary prints them. bash runs its script for real;
// zsh and fish are not installed where these tests run, so their scripts are checked for what they
// must contain, against what the binary itself says it accepts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const binary = fileURLToPath(new URL('../dist/protocodes.js', import.meta.url));
const cleanEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' };

function protocodes(args: string[]) {
  const result = spawnSync(process.execPath, [binary, ...args], { encoding: 'utf8', env: cleanEnv });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const commands = ['show', 'compare', 'list', 'search', 'explain', 'completion'];
const protocols = ['ftp', 'http', 'smtp'];
/** The options a command takes, as the parser lists them when given one it does not know. */
const optionsOf = (command: string) => /options for \w+: (.*)$/m.exec(protocodes([command, '--bogus']).stderr)![1]!.split(', ');
const languages = /^languages: (.*)$/m.exec(protocodes(['--help']).stdout)![1]!.split(', ');
/** Single quotes open and close in pairs on every line, once the shell's escaped quotes are taken out. */
const quotesBalanced = (script: string, escapedQuote: RegExp) => script.split('\n').every((line) => (line.replace(escapedQuote, '').match(/'/g) ?? []).length % 2 === 0);

describe('protocodes completion', () => {
  it.each(['bash', 'zsh', 'fish'])('prints a script for %s on stdout and exits 0', (shell) => {
    const result = protocodes(['completion', shell]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^# protocodes completion for ${shell}`, 'm'));
    expect(result.stdout).toContain('completion --help');
  });

  it('offers the languages the CLI has texts in, every one of them usable without falling back', () => {
    expect(languages).toContain('en');
    expect(languages).toContain('pt-BR');
    for (const tag of languages) {
      const result = protocodes(['show', 'smtp', '250', '--lang', tag]);
      expect(result.status, tag).toBe(0);
      expect(result.stderr, tag).toBe('');
    }
  });
});

describe('the bash completion', () => {
  const dir = mkdtempSync(join(tmpdir(), 'protocodes-completion-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = join(dir, 'protocodes.bash');
  writeFileSync(script, protocodes(['completion', 'bash']).stdout);

  /** What pressing TAB after these words proposes: the last word is the one being completed. */
  function complete(...words: string[]): string[] {
    const shell = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _protocodes; printf "%s\\n" "${COMPREPLY[@]}"';
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', shell, 'bash', script, 'protocodes', ...words], { encoding: 'utf8', env: cleanEnv });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return result.stdout.split('\n').filter(Boolean);
  }

  it('is accepted by bash -n and registers itself for protocodes', () => {
    const syntax = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
    expect(syntax.stderr).toBe('');
    expect(syntax.status).toBe(0);
    const registered = spawnSync('bash', ['--norc', '--noprofile', '-c', 'source "$1"; complete -p protocodes', 'bash', script], { encoding: 'utf8' });
    expect(registered.stdout.trim()).toBe('complete -F _protocodes protocodes');
  });

  it('completes commands, also after options', () => {
    expect(complete('sh')).toEqual(['show']);
    expect(complete('c')).toEqual(['compare', 'completion']);
    expect(complete('')).toEqual([...commands, 'help']);
    expect(complete('--lang', 'vi', 'sh')).toEqual(['show']);
    expect(complete('--lang', '=', 'vi', '-f', 'json', 'li')).toEqual(['list']);
    expect(complete('help', 'e')).toEqual(['explain']);
  });

  it('completes protocols, shells and option values', () => {
    for (const command of ['show', 'compare', 'list']) expect(complete(command, '')).toEqual(protocols);
    expect(complete('show', 'smtp', '')).toEqual([]);
    expect(complete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(complete('--lang', '')).toEqual(languages);
    expect(complete('show', '--lang', '=', 'p')).toEqual(['pt-BR']);
    expect(complete('list', '-f', '')).toEqual(['text', 'markdown', 'json']);
    expect(complete('search', 'relay', '--protocol', 'h')).toEqual(['http']);
    expect(complete('list', 'smtp', '--class', '')).toEqual([]);
  });

  it('completes exactly the options each command takes', () => {
    for (const command of commands) expect(complete(command, '--'), command).toEqual(optionsOf(command));
    expect(complete('--')).toContain('--version');
  });
});

describe('the zsh completion', () => {
  const script = protocodes(['completion', 'zsh']).stdout;

  it('is a #compdef function that registers itself when sourced', () => {
    expect(script.startsWith('#compdef protocodes\n')).toBe(true);
    expect(script).toMatch(/^_protocodes\(\) \{$/m);
    expect(script).toMatch(/^\s+compdef _protocodes protocodes$/m);
    expect(quotesBalanced(script, /'\\''/g)).toBe(true);
    expect(script.match(/\bcase\b/g)?.length).toBe(script.match(/\besac\b/g)?.length);
    expect(script.match(/\bif\b/g)?.length).toBe(script.match(/\bfi\b/g)?.length);
  });

  it('describes every command and, for each, the options it takes, its protocols and the languages', () => {
    for (const command of commands) {
      expect(script).toMatch(new RegExp(`^    '${command}:\\w`, 'm'));
      const branch = new RegExp(`^        ${command}\\)\\n((?:          .*\\n)+)`, 'm').exec(script)?.[1];
      expect(branch, command).toBeDefined();
      const offered = [...branch!.matchAll(/'(?:\([^)]*\))?(--[a-z-]+)[=[]/g)].map((m) => m[1]);
      expect(offered, command).toEqual(optionsOf(command));
      if (['show', 'compare', 'list'].includes(command)) expect(branch).toContain(`'1:protocol:(${protocols.join(' ')})'`);
      if (command !== 'completion') expect(branch).toContain(`:lang:(${languages.join(' ')})'`);
    }
    expect(script).toContain(`'1:shell:(bash zsh fish)'`);
    expect(script).toMatch(/'\(-V --version\)--version\[print the version\]'/);
  });
});

describe('the fish completion', () => {
  const script = protocodes(['completion', 'fish']).stdout;
  const lines = script.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

  it('is a list of complete commands for protocodes', () => {
    for (const line of lines) expect(line).toMatch(/^complete -c protocodes( |$)/);
    expect(lines).toContain('complete -c protocodes -f');
    expect(quotesBalanced(script, /\\[\\']/g)).toBe(true);
  });

  it('offers every command, the options each takes, protocols and languages', () => {
    for (const command of commands) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^complete -c protocodes -n __fish_use_subcommand -a ${command} -d '\\w`)));
      for (const option of optionsOf(command)) {
        // The option is offered everywhere, or its condition names this command.
        const line = lines.find((l) => l.includes(` -l ${option.slice(2)} `));
        expect(line, `${command} ${option}`).toBeDefined();
        const condition = / -n '([^']*)'/.exec(line!)?.[1];
        if (condition !== undefined) expect(condition.split(/; or /).some((c) => c.startsWith('__fish_seen_subcommand_from ') && c.split(' ').includes(command)), `${command} ${option}`).toBe(true);
      }
    }
    expect(lines).toContain("complete -c protocodes -n '__fish_seen_subcommand_from show; and not __fish_seen_subcommand_from ftp http smtp' -a 'ftp http smtp'");
    expect(lines.find((l) => l.includes(' -l lang '))).toContain(` -x -a '${languages.join(' ')}' `);
  });
});
