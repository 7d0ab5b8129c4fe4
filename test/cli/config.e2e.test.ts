/** The census config adds entries, marks globs, ignores paths — and an invalid one names its key. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { fixturePath } from '../helpers/fixtures.js';

test('census.config.json entries, kind globs and ignore shape the verdicts', () => {
  const r = runCli(['scan', fixturePath('config', 'declared-entries'), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const audit = JSON.parse(r.stdout);
  const verdicts = Object.fromEntries(audit.files.filter((f: { verdict?: string }) => f.verdict).map((f: { path: string; verdict: string }) => [f.path, f.verdict]));
  assert.deepEqual(verdicts, {
    'billing/__init__.py': 'production',
    'billing/ledger_math.py': 'production',
    'billing/reconcile.py': 'production',
    'jobs/expire_sessions.py': 'production',
    'tools/rebuild_index.py': 'tooling',
    'unwired_helper.py': 'dead',
  });
  const reconcile = audit.files.find((f: { path: string }) => f.path === 'billing/reconcile.py');
  assert.match(reconcile.evidence[0], /^billing\/reconcile\.py is an entry point: census\.config\.json entries\[0\]/);
});

test('an invalid census config stops the run with the file and the key', () => {
  const r = runCli(['scan', fixturePath('config', 'invalid-kind')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^census: census\.config\.json: "entries\[0\]\.kind" must be one of production, tooling, test/);
});
