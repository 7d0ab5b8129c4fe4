/** knip-config: every fixture test/fixtures/entries/knip-config-<case>/ against its expected.json. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import detector from '../../src/entries/knip-config.js';
import { detectorCases } from '../helpers/run-detector.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = detectorCases(detector);

for (const c of cases) test(`${detector.id}: ${c.name}`, c.check);

test(`${detector.id}: has a basic fixture`, () => {
  assert.ok(cases.some((c) => c.name === `${detector.id}-basic`), `test/fixtures/entries/${detector.id}-basic/ is missing`);
});

test(`${detector.id}: an ignore of only negated globs ignores everything else, so only what it names can be dead`, async () => {
  const { audit } = await scanDir(fixturePath('entries', 'knip-config-ignore-negated'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('src/billing/invoice.ts'), 'dead');
  assert.equal(verdict('src/search/rank.ts'), 'tooling');
  assert.equal(verdict('tools/seed.ts'), 'tooling');
  assert.equal(verdict('src/main.ts'), 'production');
});

test(`${detector.id}: a paths alias keeps the ambient declaration file it maps to, not one that only exports`, async () => {
  const { audit } = await scanDir(fixturePath('entries', 'knip-config-paths'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('types/icons.d.ts'), 'tooling');
  assert.equal(verdict('packages/web/env/virtual.d.ts'), 'tooling');
  // `export interface Model` is a module: it counts only when imported, as in a tsconfig's program.
  assert.equal(verdict('types/models.d.ts'), 'dead');
});
