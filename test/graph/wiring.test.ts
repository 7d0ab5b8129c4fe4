/**
 * Cross-language wiring on fixture repos: each fixture is one way files reach each other without
 * a plain import (Celery include/autodiscovery, subprocess calls, "pkg.mod:app" strings, ...).
 * Expected: every source file's verdict and evidence chain.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedFor, fixtureCases, fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

for (const name of fixtureCases('wiring')) {
  test(`wiring: ${name}`, async () => {
    const { audit } = await scanDir(fixturePath('wiring', name));
    // A dead file's evidence ends with its last commit date, which moves with the checkout: left out.
    const stable = (evidence: string[] | undefined) => evidence?.filter((e) => !e.startsWith('last commit '));
    const actual = Object.fromEntries(audit.files.filter((f) => f.verdict).map((f) => [f.path, { verdict: f.verdict, evidence: stable(f.evidence) }]));
    assert.deepEqual(actual, expectedFor('wiring', name, actual));
  });
}
