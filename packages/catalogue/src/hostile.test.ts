// Hostile catalogue files (issue #10): each ends in one path:line:col diagnostic, in bounded time
// and memory. Every case runs the real binary in a child process with a time limit, so a hang
// fails the test instead of blocking CI.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { copySmallCatalogue } from '../test/copy-catalogue.js';
import { MAX_DIAGNOSTICS_PER_FILE } from './load.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const cli = join(packageRoot, 'dist', 'cli.js');
const realCatalogue = join(packageRoot, '..', '..', 'catalogue');
const copies: string[] = [];
// Each copy goes as soon as its case ends, so no single hook has to delete eleven catalogues.
afterEach(() => copies.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh copy of the real catalogue, changed by `plant`, checked by the binary within 60 s (CI shares two cores between packages). */
function checkPlanted(plant: (root: string) => void) {
  const root = mkdtempSync(join(tmpdir(), 'protocodes-hostile-'));
  copies.push(root);
  copySmallCatalogue(realCatalogue, root);
  plant(root);
  const result = spawnSync(process.execPath, ['--max-old-space-size=512', cli, 'check', '--catalogue', root], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(result.error, 'the check finished in time').toBeUndefined();
  expect(result.stderr, 'no stack trace').not.toMatch(/\n\s+at /);
  // Warnings (a translation not yet written) are not what these cases plant.
  const lines = result.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l) && !/^\S+ \S+ \(warning\) /.test(l));
  return { status: result.status, out: result.stdout, err: result.stderr, lines };
}

const code = (root: string, name: string) => join(root, 'protocols', 'smtp', 'codes', name);
const replaceIn = (path: string, from: string, to: string) => writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));

describe('YAML aliases', () => {
  it('are reported where they are used, and the file is not expanded', () => {
    const result = checkPlanted((root) => {
      replaceIn(code(root, '554.yaml'), 'title: Transaction failed', 'title: &t Transaction failed\nformerNames: [*t]');
    });
    expect(result.status).toBe(1);
    const line = readFileSync(code(realCatalogue, '554.yaml'), 'utf8').split('\n').indexOf('title: Transaction failed') + 2;
    expect(result.lines).toEqual([`protocols/smtp/codes/554.yaml:${line}:15 yaml-alias YAML aliases (*name) are not allowed in the catalogue`]);
  });

  it('stop a billion laughs and a merge key at once', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const result = checkPlanted((root) => {
      writeFileSync(code(root, '557.yaml'), `${laughs.join('\n')}\n`);
      writeFileSync(code(root, '558.yaml'), 'base: &b { code: 558 }\nentry:\n  <<: *b\n');
    });
    expect(result.lines).toContainEqual(expect.stringMatching(/^protocols\/smtp\/codes\/557\.yaml:2:\d+ yaml-alias /));
    expect(result.lines).toContainEqual(expect.stringMatching(/^protocols\/smtp\/codes\/558\.yaml:3:7 yaml-alias /));
  });
});

describe('files that are not regular files inside the catalogue', () => {
  it('refuses symlinks that leave the catalogue, without reading them', () => {
    const result = checkPlanted((root) => {
      symlinkSync('/etc/passwd', code(root, '990.yaml'));
      symlinkSync('/dev/zero', code(root, '991.yaml'));
    });
    expect(result.lines).toContainEqual(expect.stringMatching(/^protocols\/smtp\/codes\/990\.yaml:1:1 outside-catalogue /));
    expect(result.lines).toContainEqual(expect.stringMatching(/^protocols\/smtp\/codes\/991\.yaml:1:1 outside-catalogue /));
    expect(result.out).not.toContain('root:');
  });

  it('reports a FIFO, a dangling link and a folder named like a file, and does not hang', () => {
    const result = checkPlanted((root) => {
      const fifo = spawnSync('mkfifo', [code(root, '992.yaml')]);
      expect(fifo.status, 'mkfifo').toBe(0);
      symlinkSync(code(root, 'nowhere.txt'), code(root, '993.yaml'));
      mkdirSync(code(root, '996.yaml'));
    });
    expect(result.lines).toContainEqual(expect.stringMatching(/^protocols\/smtp\/codes\/992\.yaml:1:1 not-a-file .*named pipe/));
    expect(result.lines).toContainEqual(expect.stringMatching(/^protocols\/smtp\/codes\/993\.yaml:1:1 not-a-file .*does not exist/));
    expect(result.lines).toContainEqual(expect.stringMatching(/^protocols\/smtp\/codes\/996\.yaml:1:1 not-a-file .*directory/));
  });

  it('follows a symlinked locale folder inside the catalogue, and refuses one outside it', () => {
    const outside = mkdtempSync(join(tmpdir(), 'protocodes-outside-'));
    copies.push(outside);
    const result = checkPlanted((root) => {
      symlinkSync(join(root, 'locales', 'vi'), join(root, 'locales', 'vi_VN'));
      symlinkSync(outside, join(root, 'locales', 'eo'));
    });
    // Followed, not skipped: its name is then checked like any locale folder's.
    expect(result.lines).toContainEqual(expect.stringMatching(/^locales\/vi_VN:1:1 locale-tag /));
    expect(result.lines).toContainEqual(expect.stringMatching(/^locales\/eo:1:1 outside-catalogue /));
  });
});

describe('size', () => {
  it('refuses a file over 1 MiB without reading it whole', () => {
    const result = checkPlanted((root) => {
      writeFileSync(code(root, '559.yaml'), `description: ${'x'.repeat(48 * 1024 * 1024)}\n`);
    });
    expect(result.lines).toEqual([expect.stringMatching(/^protocols\/smtp\/codes\/559\.yaml:1:1 file-too-large /)]);
  });

  it('lints 800 kB of repeated words and 32,000 unknown keys in linear time, listing the first problems', () => {
    const result = checkPlanted((root) => {
      replaceIn(code(root, '554.yaml'), 'title: Transaction failed', `title: Transaction failed ${'word '.repeat(160_000)}`);
      writeFileSync(code(root, '560.yaml'), Array.from({ length: 32_000 }, (_, i) => `k${i}: v`).join('\n'));
    });
    const in554 = result.lines.filter((l) => l.startsWith('protocols/smtp/codes/554.yaml'));
    expect(in554).toContainEqual(expect.stringMatching(/ doubled-word /));
    const in560 = result.lines.filter((l) => l.startsWith('protocols/smtp/codes/560.yaml'));
    expect(in560.length).toBe(MAX_DIAGNOSTICS_PER_FILE + 1);
    expect(in560).toContainEqual(expect.stringMatching(/ too-many-problems /));
  });

  it('survives nesting deep enough to exhaust the stack', () => {
    const result = checkPlanted((root) => {
      writeFileSync(code(root, '561.yaml'), `${'['.repeat(500_000)}\n`);
    });
    expect(result.lines).toContainEqual(expect.stringMatching(/^protocols\/smtp\/codes\/561\.yaml:\d+:\d+ yaml-syntax /));
  });
});

describe('characters', () => {
  it('rejects control and bidi characters in every field, the wire text included', () => {
    const result = checkPlanted((root) => {
      replaceIn(code(root, '554.yaml'), 'replyText: Transaction failed', 'replyText: "Transaction \\e]8;;https://evil.example\\e\\\\failed"');
      replaceIn(code(root, '550.yaml'), 'title: Mailbox unavailable', 'title: Mailbox \u202eunavailable');
      replaceIn(code(root, '421.yaml'), 'title: Service not available', 'title: Service not\u2028available');
    });
    expect(result.lines).toContainEqual(expect.stringMatching(/^protocols\/smtp\/codes\/554\.yaml:2:\d+ control-character .*U\+001B/));
    expect(result.lines).toContainEqual(expect.stringMatching(/^protocols\/smtp\/codes\/550\.yaml:\d+:16 control-character .*U\+202E/));
    expect(result.lines).toContainEqual(expect.stringMatching(/^protocols\/smtp\/codes\/421\.yaml:\d+:\d+ control-character .*U\+2028/));
  });

  it('rejects invalid UTF-8 at its line and column instead of turning it into U+FFFD', () => {
    const result = checkPlanted((root) => {
      appendFileSync(code(root, '554.yaml'), Buffer.from([0x23, 0x20, 0x61, 0xff, 0x0a]));
    });
    const lines = readFileSync(code(realCatalogue, '554.yaml'), 'utf8').split('\n').length;
    expect(result.lines).toEqual([`protocols/smtp/codes/554.yaml:${lines}:4 invalid-utf8 byte 0xff here is not valid UTF-8`]);
  });
});

describe('one broken file', () => {
  it('is reported in that file only, not again in every file that links to it', () => {
    const result = checkPlanted((root) => {
      replaceIn(code(root, '554.yaml'), 'class: 5', 'class: five');
    });
    expect(result.status).toBe(1);
    expect(new Set(result.lines.map((l) => l.split(':')[0]))).toEqual(new Set(['protocols/smtp/codes/554.yaml']));
  });
});
