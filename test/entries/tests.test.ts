import { test } from 'node:test';
import assert from 'node:assert/strict';
import { literalArray } from '../../src/entries/support/js-test-discovery.js';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('tests');

for (const c of detectorCases(detector)) test(`tests: ${c.name}`, c.check);

test('tests: runner config patterns are read only when they are literal', () => {
  assert.deepEqual(literalArray(`include: ['a/**/*.spec.ts', "b/*.test.js"],`, 'include'), ['a/**/*.spec.ts', 'b/*.test.js']);
  assert.deepEqual(literalArray(`"testMatch": ["**/checks/**"]`, 'testMatch'), ['**/checks/**']);
  assert.deepEqual(literalArray(`spec: 'spec/*.mjs'`, 'spec'), ['spec/*.mjs']);
  assert.equal(literalArray('include: shared', 'include'), 'computed');
  assert.equal(literalArray('include: [...base, "x"]', 'include'), 'computed');
  assert.equal(literalArray('exclude: []', 'include'), null);
});
