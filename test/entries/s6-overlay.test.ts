/** s6-overlay: every fixture test/fixtures/entries/s6-overlay-<case>/ against its expected.json. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import detector from '../../src/entries/s6-overlay.js';
import { languageFromShebang } from '../../src/discover/language.js';
import { detectorCases } from '../helpers/run-detector.js';

const cases = detectorCases(detector);

for (const c of cases) test(`${detector.id}: ${c.name}`, c.check);

test(`${detector.id}: has a basic fixture`, () => {
  assert.ok(cases.some((c) => c.name === `${detector.id}-basic`), `test/fixtures/entries/${detector.id}-basic/ is missing`);
});

test('s6-overlay: a with-contenv script is a shell (or Python) script by its shebang', () => {
  assert.equal(languageFromShebang('#!/command/with-contenv bash'), 'shell');
  assert.equal(languageFromShebang('#!/command/with-contenv python3'), 'python');
});
