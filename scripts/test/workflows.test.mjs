// Every workflow under .github/workflows must be well-formed YAML and pass a workflow linter,
// since GitHub only reports a broken workflow once it is pushed.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import actionValidator from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workflowDir = join(root, '.github', 'workflows');
const workflows = readdirSync(workflowDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => ({ name, source: readFileSync(join(workflowDir, name), 'utf8') }));

function load(source) {
  const doc = parseDocument(source, { prettyErrors: true });
  return { doc, value: doc.toJS() };
}

describe.each(workflows)('$name', ({ source }) => {
  it('is YAML without errors, warnings or duplicate keys', () => {
    const { doc } = load(source);
    expect(doc.errors.map(String)).toEqual([]);
    expect(doc.warnings.map(String)).toEqual([]);
  });

  it('matches the GitHub workflow schema (action-validator)', () => {
    const state = actionValidator.validateWorkflow(source);
    expect(state.errors).toEqual([]);
  });
});

describe('the release set-up', () => {
  const byName = Object.fromEntries(workflows.map(({ name, source }) => [name, load(source).value]));

  it('tests on every supported Node line, from the engines floor up', () => {
    const { test } = byName['ci.yml'].jobs;
    expect(test.strategy.matrix.node).toEqual(['20.19', '22', '24']);
    expect(test.steps.map((step) => step.run).filter(Boolean)).toEqual(['bash .ci/run']);
  });

  it('releases only after the full test passed, with provenance', () => {
    const { jobs, on } = byName['release.yml'];
    expect(on.push.branches).toEqual(['main']);
    expect(jobs.test.steps.map((step) => step.run).filter(Boolean)).toEqual(['bash .ci/run']);
    expect(jobs.release.needs).toBe('test');
    expect(jobs.release.permissions).toMatchObject({ 'id-token': 'write', contents: 'write', 'pull-requests': 'write' });
    const action = jobs.release.steps.find((step) => String(step.uses).startsWith('changesets/action@'));
    expect(action.with.publish).toBe('pnpm changeset publish');
    expect(action.env).toMatchObject({
      NPM_TOKEN: '${{ secrets.NPM_TOKEN }}',
      NPM_CONFIG_PROVENANCE: 'true',
    });
    // Nothing may publish outside that step, nor before the tests.
    const publishes = Object.entries(jobs).flatMap(([job, { steps }]) =>
      steps.filter((step) => /\bpublish\b/.test(step.run ?? '')).map(() => job),
    );
    expect(publishes).toEqual([]);
  });
});
