/**
 * TEMPLATE — copied by scripts/new-detector.mjs. It runs the detector over every fixture
 * test/fixtures/entries/<name>-<case>/ and compares with <name>-<case>.expected.json (write
 * those with CENSUS_UPDATE_FIXTURES=1 and review them). Add inline tests for helpers below.
 * (In the template, TEMPLATE-ONLY blocks are dropped from the copy and COPY-ONLY blocks
 * uncommented.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import detector from '../../src/entries/_template.js';
import { detectorCases } from '../helpers/run-detector.js';
// TEMPLATE-ONLY-START
import { expectedFor, fixturePath } from '../helpers/fixtures.js';
import { runDetector } from '../helpers/run-detector.js';
// TEMPLATE-ONLY-END

const cases = detectorCases(detector);

for (const c of cases) test(`${detector.id}: ${c.name}`, c.check);

// TEMPLATE-ONLY-START
test('_template: the template detector reads the template fixture', () => {
  const actual = runDetector(detector, fixturePath('entries', '_template'));
  assert.deepEqual(actual, expectedFor('entries', '_template', actual));
  assert.equal(cases.length, 0, 'the template has no <id>-<case> fixtures of its own');
});
// TEMPLATE-ONLY-END
/* COPY-ONLY
test(`${detector.id}: has a basic fixture`, () => {
  assert.ok(cases.some((c) => c.name === `${detector.id}-basic`), `test/fixtures/entries/${detector.id}-basic/ is missing`);
});
COPY-ONLY */
