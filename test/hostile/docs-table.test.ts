/** docs/hostile.md is the suite's case list rendered; it must not drift from the cases the e2e test runs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { renderHostileDoc } from './cases-doc.js';
import { HOSTILE_CASES } from './cases.js';

test('docs/hostile.md lists every hostile case (regenerate: node scripts/make-hostile-repos.mjs --doc)', () => {
  assert.equal(readFileSync(join(REPO_ROOT, 'docs/hostile.md'), 'utf8'), renderHostileDoc());
  assert.equal(new Set(HOSTILE_CASES.map((c) => c.id)).size, HOSTILE_CASES.length, 'case ids are unique');
});
