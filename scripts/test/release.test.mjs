// Runs `changeset version` on a copy of the repository's release set-up and checks what a
// version pull request would contain: the versions of the first release and changelogs whose
// Markdown keeps every changeset summary inside its list item.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const changesetBin = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');

// Changesets' own Markdown parser: prettier 2, a dependency of @changesets/apply-release-plan.
// Resolving it through that chain avoids depending on where pnpm put it.
function loadMarkdownParser() {
  const cli = createRequire(realpathSync(join(root, 'node_modules', '@changesets', 'cli', 'package.json')));
  const prettier = createRequire(cli.resolve('@changesets/apply-release-plan'))('prettier');
  return (text) => prettier.__debug.parse(text, { parser: 'markdown' }).ast;
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function workspacePackages(base) {
  const { packages: patterns } = parseYaml(readFileSync(join(base, 'pnpm-workspace.yaml'), 'utf8'));
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) throw new Error(`workspace pattern not handled here: ${pattern}`);
    const parent = pattern.slice(0, -2);
    return readdirSync(join(base, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(base, parent, entry.name, 'package.json')))
      .map((entry) => {
        const dir = `${parent}/${entry.name}`;
        const manifest = readJson(join(base, dir, 'package.json'));
        return { dir, name: manifest.name, version: manifest.version, private: manifest.private === true };
      });
  });
}

// A summary as an editor hard-wraps it: an inline code span across a line break (the case
// prettier used to pull out of the list item), a second paragraph, a nested list with a wrapped
// item, and a fenced block.
const SAMPLE_SUMMARY = `Explanations name the RFC that defines each code, and \`--format
markdown\` prints it as a link. This sentence was wrapped by an editor
at a hundred columns.

A second paragraph, also
wrapped, before a list:

- the first item, which is itself
  wrapped over two lines
- the second item

\`\`\`sh
protocodes show smtp 550
\`\`\``;

const SAMPLE_ENTRY = `- Explanations name the RFC that defines each code, and \`--format
  markdown\` prints it as a link. This sentence was wrapped by an editor
  at a hundred columns.

  A second paragraph, also
  wrapped, before a list:

  - the first item, which is itself
    wrapped over two lines
  - the second item

  \`\`\`sh
  protocodes show smtp 550
  \`\`\``;

const SAMPLE_PACKAGE = '@protocodes/core';

describe('changeset version', () => {
  const packages = workspacePackages(root);
  // A package with no CHANGELOG.md has never been versioned, so its next release is its first.
  const unreleased = packages.filter((pkg) => !existsSync(join(root, pkg.dir, 'CHANGELOG.md')));
  const firstReleases = unreleased.filter((pkg) => !pkg.private);
  let copy;
  let after;

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'protocodes-release-'));
    for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, file), join(copy, file));
    cpSync(join(root, '.changeset'), join(copy, '.changeset'), { recursive: true });
    for (const { dir } of packages) {
      mkdirSync(join(copy, dir), { recursive: true });
      for (const file of ['package.json', 'CHANGELOG.md']) {
        if (existsSync(join(root, dir, file))) cpSync(join(root, dir, file), join(copy, dir, file));
      }
    }
    // The first test holds the repository to this rule; the copy follows it regardless, so that
    // the other tests check the changesets set-up on its own.
    for (const { dir } of unreleased) {
      const path = join(copy, dir, 'package.json');
      writeFileSync(path, `${JSON.stringify({ ...readJson(path), version: '0.0.0' }, null, 2)}\n`);
    }
    writeFileSync(
      join(copy, '.changeset', 'hard-wrapped-sample.md'),
      `---\n"${SAMPLE_PACKAGE}": patch\n---\n\n${SAMPLE_SUMMARY}\n`,
    );
    execFileSync(process.execPath, [changesetBin, 'version'], { cwd: copy, stdio: 'pipe' });
    after = new Map(workspacePackages(copy).map((pkg) => [pkg.name, pkg]));
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  const changelog = (dir) => readFileSync(join(copy, dir, 'CHANGELOG.md'), 'utf8');

  it('leaves every package that has not been released yet at 0.0.0 in the repository', () => {
    // Otherwise the pending minor changesets would make its first release 0.2.0.
    expect(unreleased.map((pkg) => [pkg.name, pkg.version])).toEqual(unreleased.map((pkg) => [pkg.name, '0.0.0']));
  });

  it('makes the first release of each published package that has none yet 0.1.0', () => {
    for (const pkg of firstReleases) {
      expect(after.get(pkg.name).version, pkg.name).toBe('0.1.0');
      const headings = changelog(pkg.dir).match(/^## .*$/gm);
      expect(headings, pkg.name).toEqual(['## 0.1.0']);
    }
  });

  it('keeps a hard-wrapped summary intact under its bullet', () => {
    const text = changelog(packages.find((pkg) => pkg.name === SAMPLE_PACKAGE).dir);
    expect(text).toContain(`### Patch Changes\n\n${SAMPLE_ENTRY}\n`);
  });

  it('writes changelogs whose Markdown holds every entry inside a list item', () => {
    const parse = loadMarkdownParser();
    const text = (node) => (node.value ?? '') + (node.children ?? []).map(text).join('');
    for (const pkg of packages) {
      if (!existsSync(join(copy, pkg.dir, 'CHANGELOG.md'))) continue;
      // Line by line first, as a parser forgives an unindented line that continues a paragraph.
      const stray = changelog(pkg.dir)
        .split('\n')
        .filter((line) => line !== '' && !/^#{1,3} /.test(line) && !line.startsWith('- ') && !line.startsWith('  '));
      expect(stray, pkg.name).toEqual([]);
      const tree = parse(changelog(pkg.dir));
      // Only headings and lists at the top: a summary line that escaped its item would show up
      // here as a paragraph or a code block.
      expect(tree.children.map((node) => node.type).filter((type) => type !== 'heading' && type !== 'list'), pkg.name).toEqual([]);
      expect(tree.children[0], pkg.name).toMatchObject({ type: 'heading', depth: 1 });
      expect(text(tree.children[0])).toBe(pkg.name);
    }

    const tree = parse(changelog(packages.find((pkg) => pkg.name === SAMPLE_PACKAGE).dir));
    const items = tree.children.filter((node) => node.type === 'list').flatMap((list) => list.children);
    const sample = items.find((item) => text(item).startsWith('Explanations name the RFC'));
    expect(sample.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'list', 'code']);
    expect(text(sample.children[0])).toMatch(/at a hundred columns\.$/);
    expect(sample.children[2].children.map(text)).toEqual([
      'the first item, which is itself\nwrapped over two lines',
      'the second item',
    ]);
    expect(sample.children[3]).toMatchObject({ lang: 'sh', value: 'protocodes show smtp 550' });
  });

  it('lists updated workspace dependencies once per release', () => {
    for (const pkg of packages) {
      if (!existsSync(join(copy, pkg.dir, 'CHANGELOG.md'))) continue;
      const text = changelog(pkg.dir);
      for (const section of text.split(/^## /m).slice(1)) {
        expect(section.match(/^- Updated dependencies/gm)?.length ?? 0, pkg.name).toBeLessThanOrEqual(1);
      }
    }
  });
});
