/**
 * The runtime fixtures end to end: trace the real run, then overlay it on the static picture the
 * classifier gives these repos (stated here: which files static analysis reaches, and the edges
 * it cannot resolve), and compare the runtime section with <case>.expected.json.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Edge } from '../../src/model/edge.js';
import type { FileRecord, Language } from '../../src/model/file.js';
import type { Verdict } from '../../src/model/verdict.js';
import { runTrace } from '../../src/runtime/capture/run-trace.js';
import { ingestEvidence } from '../../src/runtime/ingest/index.js';
import { overlayRuntime } from '../../src/runtime/overlay.js';
import { expectedFor, fixturePath } from '../helpers/fixtures.js';
import { schemaErrors } from '../helpers/schema.js';

const scratch = mkdtempSync(join(tmpdir(), 'census-fixture-overlay-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const LANGUAGES: Record<string, Language> = { py: 'python', js: 'javascript', cjs: 'javascript', sh: 'shell', json: 'json', txt: 'text' };

const listFiles = (root: string, dir = root): string[] =>
  readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(root, p) : [relative(root, p).split('\\').join('/')];
  });

const records = (root: string, verdicts: Record<string, Verdict>): FileRecord[] =>
  listFiles(root).map((path) => {
    const language = LANGUAGES[path.split('.').pop()!] ?? (path === 'Procfile' ? 'procfile' : 'other');
    const record: FileRecord = { path, language, bytes: 1, lines: 1, codeLines: 1, hash: '0', executable: false };
    if (verdicts[path]) Object.assign(record, { verdict: verdicts[path], evidence: [`statically ${verdicts[path]}`] });
    return record;
  });

/** The runtime section must fit the published Audit schema (other fields of this partial audit are not the point). */
const runtimeSchemaErrors = (runtime: unknown): string[] => schemaErrors({ runtime }).filter((e) => e.startsWith('/runtime'));

const edge = (from: string, to: string | null, line: number, kind: Edge['kind'], specifier: string): Edge => ({ from, to, kind, line, specifier, names: [], guard: null });

const traced = async (root: string, command: string[], label: string) => {
  const result = await runTrace({ command, cwd: root, rootAbs: root, label, outFile: join(scratch, `${label}.json`), env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', NODE_OPTIONS: '' }, stdio: 'ignore' });
  assert.equal(result.exitCode, 0);
  return ingestEvidence(`${label}.json`, { cwd: scratch, rootAbs: root }).trace;
};

describe('runtime fixtures: traced for real, overlaid on the static verdicts', () => {
  it('python-importlib-tasks: the importlib-loaded tasks are runtime-only, 4 of 5 tasks/ files loaded', async () => {
    const root = fixturePath('runtime', 'python-importlib-tasks');
    const files = records(root, {
      'bin/run_batch.sh': 'production',
      'batch/__init__.py': 'production',
      'batch/nightly_runner.py': 'production',
      'batch/notify_owners.py': 'production',
      'tasks/__init__.py': 'manual',
      'tasks/ledger_common.py': 'manual',
      'tools/backfill_history.py': 'manual',
      'tasks/ingest_invoices.py': 'dead',
      'tasks/reconcile_ledger.py': 'dead',
      'tasks/purge_archive.py': 'dead',
    });
    const edges = [
      edge('batch/nightly_runner.py', null, 16, 'dynamic-import', 'f"tasks.{name}"'),
      edge('tasks/ingest_invoices.py', 'tasks/ledger_common.py', 2, 'import', 'tasks.ledger_common'),
      edge('tasks/ingest_invoices.py', 'tasks/__init__.py', 2, 'import', 'tasks.ledger_common'),
      edge('tasks/reconcile_ledger.py', 'tasks/ledger_common.py', 2, 'import', 'tasks.ledger_common'),
      edge('tools/backfill_history.py', 'tasks/ledger_common.py', 2, 'import', 'tasks.ledger_common'),
    ];
    const run = await traced(root, ['bash', 'bin/run_batch.sh', 'nightly'], 'nightly');
    const { runtime } = overlayRuntime({ files, edges, traces: [run], scope: 'tasks/' });
    assert.deepEqual(runtime, expectedFor('runtime', 'python-importlib-tasks', runtime));
    assert.deepEqual(runtimeSchemaErrors(runtime), []);
  });

  it('node-computed-import: the computed plugin imports and the spawned archiver are runtime-only', async () => {
    const root = fixturePath('runtime', 'node-computed-import');
    const files = records(root, {
      'src/relay_webhooks.js': 'production',
      'src/lib/format_event.js': 'production',
      'src/archive_receipts.cjs': 'dead',
      'src/lib/retry_policy.cjs': 'dead',
      'src/lib/legacy_signer.js': 'dead',
      'src/plugins/github_status.js': 'dead',
      'src/plugins/pagerduty_escalation.js': 'dead',
      'src/plugins/slack_notifier.js': 'dead',
    });
    const edges = [
      edge('src/relay_webhooks.js', 'src/lib/format_event.js', 4, 'import', './lib/format_event.js'),
      edge('src/relay_webhooks.js', null, 8, 'dynamic-import', '`./plugins/${name}.js`'),
      { ...edge('src/relay_webhooks.js', null, 14, 'exec', 'archiver'), unresolved: 'dynamic' as const },
      edge('src/plugins/github_status.js', 'src/lib/retry_policy.cjs', 4, 'import', '../lib/retry_policy.cjs'),
      edge('src/archive_receipts.cjs', 'src/lib/retry_policy.cjs', 2, 'import', './lib/retry_policy.cjs'),
    ];
    const run = await traced(root, [process.execPath, 'src/relay_webhooks.js'], 'relay');
    const { runtime } = overlayRuntime({ files, edges, traces: [run], scope: 'src/plugins' });
    assert.deepEqual(runtime, expectedFor('runtime', 'node-computed-import', runtime));
    assert.deepEqual(runtimeSchemaErrors(runtime), []);
    assert.deepEqual(runtimeSchemaErrors({ ...runtime, utilization: { scope: 'src', loaded: 1 } }).length > 0, true, 'the check can fail');
  });
});
