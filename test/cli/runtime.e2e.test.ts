/**
 * End-to-end runtime evidence, as a user runs it: `census trace` a real batch run of a fixture
 * whose task modules are loaded from computed names, then `census scan --runtime` it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { standaloneFixture } from '../helpers/fixtures.js';
import { schemaErrors } from '../helpers/schema.js';
import { scratchDir } from '../helpers/scratch.js';

test('trace a Procfile batch run, then scan with the trace: utilization and runtime-only files', () => {
  const repo = standaloneFixture('test/fixtures/runtime/python-importlib-tasks');
  const trace = join(scratchDir('census-e2e-trace-'), 'nightly.json');
  const traced = runCli(['trace', '--label', 'nightly', '--out', trace, '--', 'bash', 'bin/run_batch.sh', 'nightly'], { cwd: repo });
  assert.equal(traced.code, 0, traced.stderr);

  const scanned = runCli(['scan', repo, '--runtime', trace, '--scope', 'tasks', '--format', 'json']);
  assert.equal(scanned.code, 0, scanned.stderr);
  const audit = JSON.parse(scanned.stdout);
  assert.deepEqual(schemaErrors(audit), []);
  assert.deepEqual(audit.runtime.utilization, { scope: 'tasks', loaded: 4, total: 5, pct: 80 });
  const verdict = (p: string) => audit.files.find((f: { path: string }) => f.path === p);
  // Loaded through importlib with a computed name: static analysis cannot see it; the run can.
  assert.equal(verdict('tasks/ingest_invoices.py').verdict, 'production');
  assert.ok(verdict('tasks/ingest_invoices.py').evidence.includes('tasks/ingest_invoices.py is loaded in run nightly'));
  assert.ok(audit.runtime.runtimeOnly.some((r: { file: string }) => r.file === 'tasks/ingest_invoices.py'));

  const text = runCli(['scan', repo, '--runtime', trace, '--scope', 'tasks']);
  assert.match(text.stdout, /Runtime: 4 of 5 source files in tasks\/ loaded: 80\.0%\./);
});

test('an unreadable runtime file is one clear error, before any scanning', () => {
  const r = runCli(['scan', 'examples/demo', '--runtime', 'no/such/trace.json']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^census: .*no\/such\/trace\.json/);
});
