'use strict';
// Changelog lines for `changeset version` (see "changelog" in config.json).
//
// Each changeset becomes one list item whose content is the summary exactly as written: every
// line after the first is indented to the item's content column (two spaces), so hard-wrapped
// lines, further paragraphs, nested lists and fenced code all stay inside the item. Unlike the
// default formatter, no commit hash goes before the text: it would push the first line off that
// column (a summary opening with a fence or a list would then break) and, unlinked, it tells a
// reader nothing. config.json turns prettier off, because prettier 2 drops the indentation of a
// line that continues an inline code span and so moves text out of its item.

const CONTENT_INDENT = '  ';

// A tab's width depends on its column, so tabs in the indentation must become spaces before
// the line is moved two columns right, or nested blocks would change level.
function expandLeadingTabs(line) {
  const indent = /^[ \t]*/.exec(line)[0];
  let width = 0;
  for (const ch of indent) width = ch === '\t' ? width + 4 - (width % 4) : width + 1;
  return ' '.repeat(width) + line.slice(indent.length);
}

function listItem(text) {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => expandLeadingTabs(line).trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return '';
  const [first, ...rest] = lines;
  return [`- ${first}`, ...rest.map((line) => (line === '' ? '' : CONTENT_INDENT + line))].join('\n');
}

async function getReleaseLine(changeset) {
  return listItem(changeset.summary);
}

// One entry for all the workspace dependencies a release picked up, however many changesets
// caused it (the default formatter repeats "Updated dependencies" once per changeset).
async function getDependencyReleaseLine(_changesets, dependenciesUpdated) {
  if (dependenciesUpdated.length === 0) return '';
  // In code spans so that GitHub release notes don't read the scope as an @-mention.
  const names = dependenciesUpdated.map((dep) => `${CONTENT_INDENT}- \`${dep.name}@${dep.newVersion}\``);
  return ['- Updated dependencies:', ...names].join('\n');
}

module.exports = { getReleaseLine, getDependencyReleaseLine };
