/**
 * examples/demo is the README's default target: every verdict class appears, each for the
 * reason a reader of the demo would give.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers/fixtures.js';
import { scanDir } from './helpers/scan-fixture.js';

const EXPECTED: Record<string, string> = {
  'sidecar/__init__.py': 'production',
  'sidecar/main.py': 'production',
  'sidecar/admin.py': 'production',
  'sidecar/embed.py': 'production',
  'sidecar/model_client.py': 'production',
  'sidecar/lab_ui.py': 'dead',
  'scripts/ingest_nightly.py': 'production',
  'scripts/ingest_helpers.py': 'production',
  'scripts/archive/ingest_nightly_v1.py': 'manual',
  'scripts/kb_measure.py': 'documented',
  'scripts/run_demo.sh': 'documented',
  'scripts/staffer_report.py': 'documented',
  'scripts/generate_workers.py': 'manual',
  'scripts/lint_headers.py': 'tooling',
  'tests/__init__.py': 'test',
  'tests/helpers.py': 'test',
  'tests/test_admin.py': 'test',
  'web/src/server.ts': 'production',
  'web/src/routes.ts': 'production',
  'web/src/lib/format.ts': 'production',
  'web/src/routes.test.ts': 'test',
  'web/src/legacy-dashboard.ts': 'dead',
  'web/scripts/build_assets.mjs': 'tooling',
};

test('every demo source file gets the verdict its wiring gives it', async () => {
  const { audit } = await scanDir(join(REPO_ROOT, 'examples/demo'));
  const actual = Object.fromEntries(audit.files.filter((f) => f.verdict).map((f) => [f.path, f.verdict]));
  assert.deepEqual(actual, EXPECTED);
});

test('demo evidence reads like the hand-made inventories: sentences with their subject', async () => {
  const { audit } = await scanDir(join(REPO_ROOT, 'examples/demo'));
  const evidence = (path: string) => audit.files.find((f) => f.path === path)?.evidence ?? [];
  assert.match(evidence('sidecar/main.py')[0], /^sidecar\/main\.py is run by systemd deploy\/sidecar\.service ExecStart: .*uvicorn sidecar\.main:app/);
  const has = (path: string, pattern: RegExp) => assert.ok(evidence(path).some((e) => pattern.test(e)), `${path}: ${evidence(path).join(' | ')}`);
  assert.match(evidence('sidecar/admin.py').at(-1)!, /^sidecar\/admin\.py is imported by sidecar\/main\.py:4 \(as admin_router\)$/);
  assert.match(evidence('scripts/kb_measure.py')[0], /^scripts\/kb_measure\.py is referenced in docs\/PHASES\.md:\d+$/);
  has('scripts/staffer_report.py', /^scripts\/staffer_report\.py is run by scripts\/run_demo\.sh:\d+/);
  assert.match(evidence('sidecar/lab_ui.py')[0], /^sidecar\/lab_ui\.py is not imported, run or loaded by any file$/);
  assert.match(evidence('scripts/generate_workers.py')[0], /^scripts\/generate_workers\.py is runnable on its own: it has an `if __name__ == "__main__"` guard$/);
  const jargon = audit.files.flatMap((f) => f.evidence ?? []).filter((e) => /package of an import|^(imported|run|named|referenced) (by|in) /.test(e));
  assert.deepEqual(jargon, [], 'every sentence names its subject');
});
