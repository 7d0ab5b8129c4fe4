/** The detector registry: one sorted list, one file, one test and at least one fixture per detector. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DETECTORS } from '../../src/entries/index.js';
import { fixtureCases, REPO_ROOT } from '../helpers/fixtures.js';

const ids = DETECTORS.map((d) => d.id);

test('registry: detector ids are unique and listed in file-name order', () => {
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(ids, [...ids].sort());
});

test('registry: each detector has its own file, test file and fixtures', () => {
  const missing: string[] = [];
  for (const id of ids) {
    if (!existsSync(join(REPO_ROOT, 'src/entries', `${id}.ts`))) missing.push(`src/entries/${id}.ts`);
    if (!existsSync(join(REPO_ROOT, 'test/entries', `${id}.test.ts`))) missing.push(`test/entries/${id}.test.ts`);
    if (fixtureCases('entries', `${id}-`).length === 0) missing.push(`test/fixtures/entries/${id}-*/`);
  }
  assert.deepEqual(missing, []);
});
