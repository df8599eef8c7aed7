#!/usr/bin/env node
// catalogue:preview — every catalogue entry changed on this branch, rendered as readers will get
// it (each locale, each format), in one Markdown document for a pull request comment or a local
// look. It reads the built @protocodes/texts, so build first (the root script does).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = `usage: node scripts/catalogue-preview.mjs [--base <ref>] [--out <file>] [--max-chars <n>]

Renders every catalogue entry changed between the merge base with <ref> (default: main) and the
working tree, untracked files included, in every locale and format, as one Markdown document.
  --out <file>       write it there instead of stdout
  --max-chars <n>    cut the document to at most n characters, at a section boundary, with a note`;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_CODES = { smtp: 550, http: 404, ftp: 550 };

function fail(message) {
  process.stderr.write(`catalogue-preview: ${message}\n`);
  process.exit(2);
}

let options;
try {
  options = parseArgs({ options: { base: { type: 'string', default: 'main' }, out: { type: 'string' }, 'max-chars': { type: 'string' }, help: { type: 'boolean' } } }).values;
} catch (error) {
  fail(`${error.message}\n\n${USAGE}`);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const maxChars = options['max-chars'] === undefined ? Infinity : Number(options['max-chars']);
if (!(maxChars >= 1000)) fail(`--max-chars must be a number of at least 1000, not "${options['max-chars']}"`);

const built = (path) => join(root, path);
for (const path of ['packages/texts/dist/index.js', 'packages/catalogue/dist/index.js']) {
  if (!existsSync(built(path))) fail(`${path} is missing: run npm run catalogue:preview, which builds first`);
}
const texts = await import(pathToFileURL(built('packages/texts/dist/index.js')).href);
const { parseSourceFile } = await import(pathToFileURL(built('packages/catalogue/dist/index.js')).href);

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
}

const mergeBase = git('merge-base', options.base, 'HEAD')?.trim();
if (!mergeBase) fail(`no merge base between "${options.base}" and HEAD: is ${options.base} a branch or commit here? (in CI, fetch it first)`);
const lines = (text) => (text ?? '').split('\n').filter(Boolean);
// The layouts of every text are in texts' templates: a change there is previewed with samples too.
const WATCHED = ['catalogue/', 'packages/texts/templates/'];
const changed = [...new Set([...lines(git('diff', '--name-only', mergeBase, '--', ...WATCHED)), ...lines(git('ls-files', '--others', '--exclude-standard', '--', ...WATCHED))])].sort();

const parseYaml = (text, path) => (text === undefined ? undefined : parseSourceFile(text, path).data);
const current = (path) => (existsSync(join(root, path)) ? parseYaml(readFileSync(join(root, path), 'utf8'), path) : undefined);
const before = (path) => parseYaml(git('show', `${mergeBase}:${path}`), path);

/** What a changed file asks to be shown: `{ kind, protocol, id, locales?, note? }` items. */
function previewsOf(path) {
  let m;
  if ((m = /^catalogue\/protocols\/(\w+)\/codes\/(\d+)\.yaml$/.exec(path))) return [{ kind: 'code', protocol: m[1], id: m[2] }];
  if ((m = /^catalogue\/protocols\/(\w+)\/pairs\/(\d+)-(\d+)\.yaml$/.exec(path))) return [{ kind: 'pair', protocol: m[1], id: `${m[2]}-${m[3]}` }];
  if ((m = /^catalogue\/protocols\/(smtp)\/enhanced\/(X\.\d+\.\d+)\.yaml$/.exec(path))) return enhancedPreviews(m[1], m[2]);
  if ((m = /^catalogue\/protocols\/(\w+)\/protocol\.yaml$/.exec(path))) return [{ kind: 'code', protocol: m[1], id: String(SAMPLE_CODES[m[1]] ?? ''), note: 'Its protocol.yaml changed: one code as a sample' }];
  if ((m = /^catalogue\/locales\/([\w-]+)\/messages\.yaml$/.exec(path))) return samples(`Messages of ${m[1]} changed`, [m[1]]);
  if (/^packages\/texts\/templates\//.test(path)) return samples('Templates changed');
  if ((m = /^catalogue\/locales\/([\w-]+)\/(\w+)\.yaml$/.exec(path)) && m[2] !== 'glossary') return changedTranslations(path, m[1], m[2]);
  return [];
}

/** Messages and templates shape every text; one explanation and one comparison stand for them all. */
function samples(note, locales) {
  const sample = (kind, id) => ({ kind, protocol: 'smtp', id, note: `${note}: a sample explanation and comparison`, ...(locales ? { locales } : {}) });
  return [sample('code', '550'), sample('pair', '550-554')];
}

/** An enhanced code (`X.7.1`) is shown in each class it is used in (`5.7.1`, `4.7.1`). */
function enhancedPreviews(protocol, id, locales) {
  const classes = current(`catalogue/protocols/${protocol}/enhanced/${id}.yaml`)?.inClass?.map((use) => use.class) ?? [5];
  return classes.map((digit) => ({ kind: 'code', protocol, id: id.replace(/^X/, String(digit)), ...(locales ? { locales } : {}) }));
}

/** The entries of a locale file whose translation differs from the merge base's. */
function changedTranslations(path, locale, protocol) {
  const [old, now] = [before(path) ?? {}, current(path) ?? {}];
  const differs = (section, id) => JSON.stringify(old[section]?.[id]) !== JSON.stringify(now[section]?.[id]);
  const ids = (section) => [...new Set([...Object.keys(old[section] ?? {}), ...Object.keys(now[section] ?? {})])].filter((id) => differs(section, id));
  const items = [
    ...ids('codes').map((id) => ({ kind: 'code', protocol, id, locales: [locale] })),
    ...ids('enhanced').flatMap((id) => enhancedPreviews(protocol, id, [locale])),
    ...ids('pairs').map((id) => ({ kind: 'pair', protocol, id, locales: [locale] })),
  ];
  if (JSON.stringify(old.protocol) !== JSON.stringify(now.protocol)) items.push({ kind: 'code', protocol, id: String(SAMPLE_CODES[protocol] ?? ''), locales: [locale], note: `Protocol texts of ${locale} changed: one code as a sample` });
  return items;
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fenced(text, language) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(([run]) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.trimEnd()}\n${fence}`;
}

function renderLocale(item, locale) {
  const request = item.kind === 'pair' ? { protocol: item.protocol, codes: item.id.split('-'), locale } : { protocol: item.protocol, code: item.id, locale };
  const render = item.kind === 'pair' ? texts.renderComparisonFromInput : texts.renderExplanationFromInput;
  const parts = [];
  let title = '';
  for (const format of texts.FORMATS) {
    let result;
    try {
      result = render({ ...request, format });
    } catch (error) {
      return { title: item.id, body: `Could not render it: ${error.message}` };
    }
    title = result.title;
    if (format === 'text' && result.fallbacks.length) parts.push(`Shown in English: ${result.fallbacks.map((f) => `\`${f.part}\``).join(', ')}.`);
    parts.push(`**${format}**`, format === 'markdown' ? result.output.trimEnd().replace(/^/gm, '> ') : fenced(result.output, format === 'html' ? 'html' : 'text'));
  }
  return { title, body: parts.join('\n\n') };
}

const items = new Map();
const skipped = [];
for (const path of changed) {
  // A removed code or pair note has nothing to render; its section says so.
  const removed = !existsSync(join(root, path)) && /\/(codes|pairs)\//.test(path);
  const previews = previewsOf(path).map((preview) => (removed ? { ...preview, removed } : preview));
  if (previews.length === 0) skipped.push(path);
  for (const preview of previews) {
    const key = `${preview.kind} ${preview.protocol} ${preview.id}`;
    const known = items.get(key);
    // One section per entry: a code whose English and translations both changed shows every locale once.
    if (!known) items.set(key, { ...preview, sources: [path] });
    else {
      known.sources.push(path);
      known.locales = known.locales && preview.locales ? [...new Set([...known.locales, ...preview.locales])] : undefined;
      if (preview.note && !known.note?.includes(preview.note)) known.note = known.note ? `${known.note}; ${preview.note}` : preview.note;
    }
  }
}

const header = [
  '# Catalogue preview',
  '',
  `Against \`${options.base}\` (merge base \`${mergeBase.slice(0, 12)}\`): ${changed.length} changed file${changed.length === 1 ? '' : 's'} under \`catalogue/\` and \`packages/texts/templates/\`, ${items.size} entr${items.size === 1 ? 'y' : 'ies'} to show. ` +
    'Each entry is rendered in every locale it changed in (all of them when its English changed), as text, Markdown and HTML. ' +
    'Draft locales are not compiled, so they are not shown.',
];
if (skipped.length) header.push('', `Not rendered (no page shows them directly): ${skipped.map((p) => `\`${p}\``).join(', ')}.`);

const sections = [];
for (const item of items.values()) {
  // English first: it is the source the translations are read against.
  const published = ['en', ...texts.availableLocales.filter((l) => l !== 'en')];
  const locales = item.removed ? [] : (item.locales?.filter((l) => published.includes(l)) ?? published);
  const rendered = locales.map((locale) => ({ locale, ...renderLocale(item, locale) }));
  const english = rendered.find((r) => r.locale === 'en') ?? rendered[0];
  const heading = `## ${english?.title ?? `${item.protocol.toUpperCase()} ${item.id}`} (${item.kind === 'pair' ? 'comparison' : 'explanation'})`;
  const about = [item.note, `From ${item.sources.map((s) => `\`${s}\``).join(', ')}.`].filter(Boolean).join('. ');
  sections.push({ text: `${heading}\n\n${about}`, starts: heading.slice(3) });
  if (item.removed) sections.push({ text: 'Removed on this branch.' });
  else if (locales.length === 0) sections.push({ text: 'No published locale to show it in (draft locales are not compiled).' });
  for (const r of rendered) {
    const name = texts.localeInfo.find((l) => l.id === r.locale)?.englishName ?? r.locale;
    sections.push({ text: `<details><summary>${r.locale} (${name}): ${r.title.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)}</summary>\n\n${r.body}\n\n</details>` });
  }
}
if (changed.length === 0) sections.push({ text: 'Nothing under `catalogue/` or `packages/texts/templates/` differs from the merge base.' });

function assemble() {
  const out = [header.join('\n')];
  let length = out[0].length;
  for (const [i, section] of sections.entries()) {
    const rest = sections.slice(i);
    const unseen = rest.filter((s) => s.starts).map((s) => s.starts);
    const note =
      `\n\n---\n\n*Cut here to stay under ${maxChars} characters: ${rest.length} more section${rest.length === 1 ? '' : 's'} not shown` +
      `${unseen.length ? `, among them ${unseen.join('; ')}` : ''}. Run \`npm run catalogue:preview -- --base ${options.base}\` to see all of it.*`;
    const needed = length + 2 + section.text.length + (i === sections.length - 1 ? 0 : note.length + 2);
    if (needed > maxChars) return `${out.join('\n\n')}${note.length < maxChars / 4 ? note : note.slice(0, maxChars / 4) + '…*'}\n`;
    out.push(section.text);
    length += 2 + section.text.length;
  }
  return `${out.join('\n\n')}\n`;
}

const document = assemble();
if (options.out) {
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), options.out);
  writeFileSync(target, document);
  process.stderr.write(`wrote ${target}: ${items.size} entr${items.size === 1 ? 'y' : 'ies'}, ${document.length} characters\n`);
} else process.stdout.write(document);
