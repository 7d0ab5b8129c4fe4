/** src/own-files.ts: the files census finds from its own code exist where it looks (tsc's build here; the bundle in test/cli/bundle.e2e.test.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILD_ROOT, EXTRACT_WORKER, FINGERPRINT_WORKER, packageFileUrl } from '../src/own-files.js';

test('own files: the build root holds the worker entry points, and the package root holds docs/', () => {
  assert.match(fileURLToPath(BUILD_ROOT), /\/dist\/src\/$/);
  for (const url of [EXTRACT_WORKER, FINGERPRINT_WORKER, packageFileUrl('docs/audit.schema.json'), packageFileUrl('docs/plan.schema.json'), packageFileUrl('package.json')]) {
    assert.ok(existsSync(url), fileURLToPath(url));
  }
});
