/** libpeas-plugins: every fixture test/fixtures/entries/libpeas-plugins-<case>/ against its expected.json. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import detector from '../../src/entries/libpeas-plugins.js';
import { detectorCases } from '../helpers/run-detector.js';

const cases = detectorCases(detector);

for (const c of cases) test(`${detector.id}: ${c.name}`, c.check);

test(`${detector.id}: has a basic fixture`, () => {
  assert.ok(cases.some((c) => c.name === `${detector.id}-basic`), `test/fixtures/entries/${detector.id}-basic/ is missing`);
});
