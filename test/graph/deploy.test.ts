/**
 * Deploy wiring on fixture repos (test/fixtures/deploy/<case>/): how a deployment starts the
 * repo's code — app servers and their config files, images, supervisors, task runners.
 * Expected: every source file's verdict and evidence chain, the warnings about entries, and the
 * `exec-not-found` findings (what `census check` counts) for entries naming missing files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveFindings } from '../../src/guardrails/findings.js';
import { expectedFor, fixtureCases, fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

for (const name of fixtureCases('deploy')) {
  test(`deploy: ${name}`, async () => {
    const { audit } = await scanDir(fixturePath('deploy', name));
    const actual = {
      // The commit date of an unreached file says nothing about wiring and changes with every edit.
      files: Object.fromEntries(
        audit.files.filter((f) => f.verdict).map((f) => [f.path, { verdict: f.verdict, evidence: f.evidence?.filter((e) => !e.startsWith('last commit ')) }]),
      ),
      warnings: audit.warnings.filter((w) => w.id.startsWith('entry/')).map((w) => `${w.location?.file ?? ''}:${w.location?.line ?? ''} ${w.id} ${w.message}`),
      missing: deriveFindings(audit).filter((f) => f.category === 'exec-not-found').map((f) => `${f.file}:${f.line} ${f.key}`),
    };
    assert.deepEqual(actual, expectedFor('deploy', name, actual));
  });
}
