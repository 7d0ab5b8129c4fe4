import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ingestEvidence } from '../../src/runtime/ingest/index.js';
import { UsageError } from '../../src/util/errors.js';
import { fixturePath } from '../helpers/fixtures.js';

const pythonRoot = fixturePath('runtime', 'python-importlib-tasks');
const nodeRoot = fixturePath('runtime', 'node-computed-import');
const scratch = mkdtempSync(join(tmpdir(), 'census-ingest-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const sample = (name: string, content: string | Buffer): string => {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
};

/** Run the nightly batch's Python entry in the fixture (no bytecode written) and keep its stderr. */
const pythonStderr = (flag: string): string => {
  const run = spawnSync('python3', [flag, '-m', 'batch.nightly_runner', 'nightly'], {
    cwd: pythonRoot,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: '', NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stderr;
};

const isUsageError = (pattern: RegExp) => (e: unknown): boolean => e instanceof UsageError && pattern.test(e.message);

describe('ingestEvidence: census trace files', () => {
  it('reads the repo-relative loaded list and the run label, whatever the file is called', () => {
    const file = sample('nightly-trace.txt', JSON.stringify({ format: 'census-trace', version: 1, label: 'nightly', command: ['bash', 'bin/run_batch.sh'], cwd: '.', startedAt: '2026-01-01T00:00:00.000Z', exitCode: 0, loaded: ['tasks/ingest_invoices.py', 'bin/run_batch.sh'] }));
    const { trace, diagnostics } = ingestEvidence(file, { rootAbs: pythonRoot });
    assert.deepEqual(trace, { label: 'nightly', source: file, format: 'census-trace', files: ['bin/run_batch.sh', 'tasks/ingest_invoices.py'], modules: [] });
    assert.deepEqual(diagnostics, []);
  });

  it('warns about traced files that no longer exist', () => {
    const file = sample('stale.json', JSON.stringify({ format: 'census-trace', version: 1, label: 'stale', loaded: ['tasks/ingest_invoices.py', 'tasks/removed_task.py'] }));
    const { trace, diagnostics } = ingestEvidence(file, { rootAbs: pythonRoot });
    assert.deepEqual(trace.files, ['tasks/ingest_invoices.py']);
    assert.deepEqual(diagnostics.map((d) => d.id), ['runtime/missing-files']);
    assert.match(diagnostics[0].message, /tasks\/removed_task\.py/);
  });

  it('refuses a trace from a newer census', () => {
    const file = sample('future.json', JSON.stringify({ format: 'census-trace', version: 9, label: 'x', loaded: [] }));
    assert.throws(() => ingestEvidence(file, { rootAbs: pythonRoot }), isUsageError(/version 9/));
  });
});

describe('ingestEvidence: Python interpreter logs', () => {
  it('reads module names from real -X importtime output (importlib.import_module loads are not in it)', () => {
    const file = sample('nightly-importtime.log', pythonStderr('-Ximporttime'));
    const { trace } = ingestEvidence(file, { rootAbs: pythonRoot });
    assert.equal(trace.format, 'python-importtime');
    assert.equal(trace.label, 'nightly-importtime');
    assert.deepEqual(trace.files, []);
    assert.ok(trace.modules.includes('batch'));
    assert.ok(trace.modules.includes('tasks.ledger_common'));
    assert.ok(trace.modules.includes('subprocess'));
    assert.ok(!trace.modules.includes('tasks.ingest_invoices'));
  });

  it('reads the files a real python -v run compiled', () => {
    const file = sample('nightly-verbose.log', pythonStderr('-v'));
    const { trace } = ingestEvidence(file, { rootAbs: pythonRoot });
    assert.equal(trace.format, 'python-verbose');
    assert.deepEqual(trace.files, ['batch/__init__.py', 'batch/nightly_runner.py', 'tasks/__init__.py', 'tasks/ingest_invoices.py', 'tasks/ledger_common.py', 'tasks/reconcile_ledger.py']);
  });

  it('maps cached bytecode paths from another machine to the repo sources by suffix', () => {
    const file = sample('production-verbose.log', [
      "# /srv/batch/tasks/__pycache__/reconcile_ledger.cpython-311.pyc matches /srv/batch/tasks/reconcile_ledger.py",
      "# code object from '/srv/batch/tasks/__pycache__/reconcile_ledger.cpython-311.pyc'",
      "import 'tasks.reconcile_ledger' # <_frozen_importlib_external.SourceFileLoader object at 0x7f>",
      "# code object from '/usr/lib/python3.11/__pycache__/subprocess.cpython-311.pyc'",
      "# code object from '/opt/py/lib/python3.11/site-packages/tasks/__pycache__/ledger_common.cpython-311.pyc'",
    ].join('\n'));
    assert.deepEqual(ingestEvidence(file, { rootAbs: pythonRoot }).trace.files, ['tasks/reconcile_ledger.py']);
  });
});

describe('ingestEvidence: coverage data', () => {
  it('reads coverage.py JSON: files with executed lines, plus the package __init__ above them', () => {
    const file = sample('coverage.json', JSON.stringify({
      meta: { format: 3, version: '7.6.1', timestamp: '2026-01-01T00:00:00', branch_coverage: false, show_contexts: false },
      files: {
        'tasks/ingest_invoices.py': { executed_lines: [1, 2, 5], summary: { num_statements: 4 }, missing_lines: [6] },
        'tasks/purge_archive.py': { executed_lines: [], summary: { num_statements: 2 }, missing_lines: [1, 4] },
      },
      totals: {},
    }));
    const { trace } = ingestEvidence(file, { rootAbs: pythonRoot });
    assert.equal(trace.format, 'coverage-json');
    assert.equal(trace.label, 'coverage');
    assert.deepEqual(trace.files, ['tasks/__init__.py', 'tasks/ingest_invoices.py']);
  });

  it('reads a .coverage SQLite file table (absolute paths), and says how it read it', () => {
    const file = join(scratch, 'batch-run.coverage');
    const rows = [join(pythonRoot, 'tasks', 'reconcile_ledger.py'), join(pythonRoot, 'batch', 'nightly_runner.py'), '/usr/lib/python3.11/json/__init__.py'];
    const make = spawnSync('python3', ['-c', [
      'import sqlite3, sys',
      'con = sqlite3.connect(sys.argv[1])',
      'con.execute("create table coverage_schema (version integer)")',
      'con.execute("create table file (id integer primary key, path text, unique (path))")',
      'con.executemany("insert into file (path) values (?)", [(p,) for p in sys.argv[2:]])',
      'con.commit()',
    ].join('\n'), file, ...rows], { encoding: 'utf8' });
    assert.equal(make.status, 0, make.stderr);
    const { trace, diagnostics } = ingestEvidence(file, { rootAbs: pythonRoot });
    assert.equal(trace.format, 'coverage-sqlite');
    assert.deepEqual(trace.files, ['batch/__init__.py', 'batch/nightly_runner.py', 'tasks/__init__.py', 'tasks/reconcile_ledger.py']);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /node:sqlite|python3/);
  });

  it('names an SQLite file that is not coverage data', () => {
    const file = join(scratch, 'orders.sqlite');
    spawnSync('python3', ['-c', 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("create table orders (id integer)"); c.commit()', file]);
    assert.throws(() => ingestEvidence(file, { rootAbs: pythonRoot }), isUsageError(/orders\.sqlite: not a readable coverage\.py data file/));
  });

  it('reads a real NODE_V8_COVERAGE folder, child processes included', () => {
    const dir = join(scratch, 'v8-relay');
    const run = spawnSync(process.execPath, ['src/relay_webhooks.js'], { cwd: nodeRoot, env: { ...process.env, NODE_V8_COVERAGE: dir, NODE_OPTIONS: '' }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const { trace } = ingestEvidence(dir, { rootAbs: nodeRoot });
    assert.equal(trace.format, 'v8-coverage');
    assert.equal(trace.label, 'v8-relay');
    assert.deepEqual(trace.files, ['src/archive_receipts.cjs', 'src/lib/format_event.js', 'src/lib/retry_policy.cjs', 'src/plugins/github_status.js', 'src/plugins/slack_notifier.js', 'src/relay_webhooks.js']);
  });
});

describe('ingestEvidence: plain lists', () => {
  it('takes the path or dotted module token of each log line and skips comments', () => {
    const file = sample('batch-run.log', [
      '2026-05-01 02:00:01,120 INFO loaded tasks.ingest_invoices',
      '2026-05-01 02:00:02,001 INFO [batch/nightly_runner.py:16] starting nightly',
      '# tasks/purge_archive.py was skipped this week',
      'processed 5/10 documents',
      '/srv/batch/tasks/reconcile_ledger.py',
    ].join('\n'));
    const { trace, diagnostics } = ingestEvidence(file, { rootAbs: pythonRoot, label: 'may-1' });
    assert.equal(trace.format, 'plain-list');
    assert.equal(trace.label, 'may-1');
    assert.deepEqual(trace.files, ['batch/nightly_runner.py', 'tasks/reconcile_ledger.py']);
    assert.deepEqual(trace.modules, ['tasks.ingest_invoices']);
    assert.deepEqual(diagnostics, []);
  });

  it('reads a JSON array of paths as a list', () => {
    const file = sample('loaded.json', JSON.stringify(['src/plugins/slack_notifier.js', './src/relay_webhooks.js']));
    assert.deepEqual(ingestEvidence(file, { rootAbs: nodeRoot }).trace.files, ['src/plugins/slack_notifier.js', 'src/relay_webhooks.js']);
  });

  it('warns when no entry names a repo file', () => {
    const file = sample('other-repo.txt', 'lib/elsewhere/only_there.py\n');
    const { trace, diagnostics } = ingestEvidence(file, { rootAbs: pythonRoot });
    assert.deepEqual(trace.files, []);
    assert.deepEqual(diagnostics.map((d) => d.id), ['runtime/missing-files', 'runtime/no-repo-files']);
  });
});

describe('ingestEvidence: what it cannot read', () => {
  it('names a missing file', () => {
    assert.throws(() => ingestEvidence(join(scratch, 'no-such-trace.json'), { rootAbs: pythonRoot }), isUsageError(/cannot read runtime evidence .*no-such-trace\.json: no such file/));
  });

  it('names a binary file it does not know', () => {
    const file = sample('core.dump', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    assert.throws(() => ingestEvidence(file, { rootAbs: pythonRoot }), isUsageError(/cannot tell what runtime evidence .*core\.dump is/));
  });

  it('names a JSON document of an unknown shape', () => {
    const file = sample('package-lock.json', JSON.stringify({ name: 'x', lockfileVersion: 3 }));
    assert.throws(() => ingestEvidence(file, { rootAbs: pythonRoot }), isUsageError(/package-lock\.json is/));
  });

  it('names a JSON document that does not parse', () => {
    const file = sample('truncated.json', '{"format": "census-trace", "loaded": ["a.py"');
    assert.throws(() => ingestEvidence(file, { rootAbs: pythonRoot }), isUsageError(/truncated\.json looks like JSON but does not parse/));
  });

  it('names a text file with no path or module in it', () => {
    const file = sample('notes.txt', 'the batch ran fine today\nnothing to report\n');
    assert.throws(() => ingestEvidence(file, { rootAbs: pythonRoot }), isUsageError(/notes\.txt is/));
  });

  it('names a folder without V8 coverage in it', () => {
    const dir = join(scratch, 'empty-folder');
    mkdirSync(dir);
    assert.throws(() => ingestEvidence(dir, { rootAbs: pythonRoot }), isUsageError(/empty-folder is/));
  });
});
