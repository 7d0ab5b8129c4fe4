/** census audits its own repository: no dead files, no broken internal imports. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPO_ROOT } from './helpers/fixtures.js';
import { scanDir } from './helpers/scan-fixture.js';

test('census\'s own source has no dead files and no broken internal imports', async () => {
  // census.config.json leaves the fixture repos and the demo out: they are data, not census.
  const { audit } = await scanDir(REPO_ROOT);
  assert.deepEqual(audit.files.filter((f) => f.path.startsWith('test/fixtures/') || f.path.startsWith('examples/')), []);
  const dead = audit.files.filter((f) => f.verdict === 'dead').map((f) => `${f.path}: ${(f.evidence ?? []).join('; ')}`);
  assert.deepEqual(dead, []);
  const broken = audit.edges.filter((e) => e.unresolved === 'not-found').map((e) => `${e.from}:${e.line} ${e.specifier}`);
  assert.deepEqual(broken, []);
  const srcVerdicts = new Set(audit.files.filter((f) => f.path.startsWith('src/')).map((f) => f.verdict));
  assert.ok(!srcVerdicts.has('dead'));
  assert.equal(audit.files.find((f) => f.path === 'src/cli/main.ts')?.verdict, 'production');
  // The extraction pool's worker: `new Worker(EXTRACT_WORKER)`, a URL below own-files.ts's folder URL.
  assert.equal(audit.files.find((f) => f.path === 'src/extract/worker.ts')?.verdict, 'production');
});
