import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseRawTrace } from '../../src/runtime/capture/raw-trace.js';
import { tracingEnv, type HookFiles } from '../../src/runtime/capture/tracing-env.js';
import { createRepoPathMapper, sourceOfCompiled } from '../../src/runtime/repo-paths.js';
import { defaultLabel, isValidLabel } from '../../src/runtime/trace-file.js';

const scratch = mkdtempSync(join(tmpdir(), 'census-trace-parts-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('defaultLabel', () => {
  const cases: [string[], string][] = [
    [['bash', 'bin/run_batch.sh', 'nightly'], 'run_batch'],
    [['python3', '-m', 'batch.nightly_runner'], 'batch.nightly_runner'],
    [['/usr/bin/python3.11', '-X', 'importtime', 'scripts/ingest_nightly.py'], 'ingest_nightly'],
    [['node', 'src/relay_webhooks.js'], 'relay_webhooks'],
    [['npm', 'run', 'nightly'], 'nightly'],
    [['python3', '-c', 'import sys; sys.exit(7)'], 'python3'],
    [['env', 'MODE=prod', 'celery', '-A', 'app', 'worker'], 'celery'],
  ];
  for (const [command, label] of cases) {
    it(`${command.join(' ')} → ${label}`, () => assert.equal(defaultLabel(command), label));
  }
  it('always gives a valid label', () => {
    for (const [command] of cases) assert.ok(isValidLabel(defaultLabel(command)));
    assert.ok(isValidLabel(defaultLabel(['./weird name!.sh'])));
    assert.ok(!isValidLabel('../escape'));
  });
});

describe('tracingEnv', () => {
  const hooks: HookFiles = { pythonDir: '/tmp/h/python', nodeRequire: '/tmp/h/node/census trace.cjs', bashEnv: '/tmp/h/bash/census-trace-bash-env.sh' };

  it('puts the hooks first and keeps what the user had', () => {
    const env = tracingEnv({ PYTHONPATH: '/opt/lib', NODE_OPTIONS: '--max-old-space-size=4096', BASH_ENV: '/home/me/.bash_env', HOME: '/home/me' }, hooks, '/tmp/h/loaded.log');
    assert.equal(env.PYTHONPATH, `/tmp/h/python${delimiter}/opt/lib`);
    assert.equal(env.NODE_OPTIONS, '--max-old-space-size=4096 --require "/tmp/h/node/census trace.cjs"');
    assert.equal(env.BASH_ENV, hooks.bashEnv);
    assert.equal(env.CENSUS_BASH_ENV_CHAIN, '/home/me/.bash_env');
    assert.equal(env.CENSUS_TRACE_FILE, '/tmp/h/loaded.log');
    assert.equal(env.HOME, '/home/me');
  });

  it('sets the variables alone when the user had none', () => {
    const env = tracingEnv({}, hooks, '/tmp/h/loaded.log');
    assert.equal(env.PYTHONPATH, '/tmp/h/python');
    assert.equal(env.NODE_OPTIONS, '--require "/tmp/h/node/census trace.cjs"');
    assert.equal(env.CENSUS_BASH_ENV_CHAIN, undefined);
  });

  it('does not chain a census hook to itself when traces nest', () => {
    const outer = tracingEnv({ BASH_ENV: '/home/me/.bash_env' }, { ...hooks, bashEnv: '/tmp/outer/bash/census-trace-bash-env.sh' }, '/tmp/outer.log');
    const inner = tracingEnv(outer, hooks, '/tmp/h/loaded.log');
    assert.equal(inner.CENSUS_BASH_ENV_CHAIN, '/home/me/.bash_env');
  });
});

describe('parseRawTrace', () => {
  it('collects unique paths and counts processes per runtime, tolerating a torn last line', () => {
    const raw = ['10\t#python 3.11.7', '10\t/repo/a.py', '11\t#python 3.11.7', '11\t/repo/a.py', '12\t#node 20.20.2', '12\t/repo/b.js', '13\t/repo/bin/run.sh', '12\t/repo/c'].join('\n');
    assert.deepEqual(parseRawTrace(raw), { paths: ['/repo/a.py', '/repo/b.js', '/repo/bin/run.sh', '/repo/c'], processes: { node: 1, python: 2 } });
    assert.deepEqual(parseRawTrace(''), { paths: [], processes: {} });
  });
});

describe('createRepoPathMapper', () => {
  const root = join(scratch, 'repo');
  mkdirSync(join(root, 'tasks'), { recursive: true });
  mkdirSync(join(root, '.venv/lib/python3.11/site-packages/requests'), { recursive: true });
  mkdirSync(join(root, 'node_modules/left-pad'), { recursive: true });
  writeFileSync(join(root, 'tasks/ingest_invoices.py'), '');
  writeFileSync(join(root, '.venv/lib/python3.11/site-packages/requests/api.py'), '');
  writeFileSync(join(root, 'node_modules/left-pad/index.js'), '');
  symlinkSync(root, join(scratch, 'repo-link'));
  const toRepo = createRepoPathMapper({ rootAbs: root });

  it('maps absolute paths, file URLs and cached bytecode to repo sources', () => {
    assert.equal(toRepo(join(root, 'tasks/ingest_invoices.py')), 'tasks/ingest_invoices.py');
    assert.equal(toRepo(`file://${join(root, 'tasks/ingest_invoices.py')}`), 'tasks/ingest_invoices.py');
    assert.equal(toRepo(join(root, 'tasks/__pycache__/ingest_invoices.cpython-311.pyc')), 'tasks/ingest_invoices.py');
    assert.equal(toRepo('tasks/ingest_invoices.py'), 'tasks/ingest_invoices.py');
  });

  it('sees through a symlinked root', () => {
    assert.equal(toRepo(join(scratch, 'repo-link', 'tasks/ingest_invoices.py')), 'tasks/ingest_invoices.py');
  });

  it('drops virtualenvs, node_modules, missing files and non-file URLs', () => {
    assert.equal(toRepo(join(root, '.venv/lib/python3.11/site-packages/requests/api.py')), null);
    assert.equal(toRepo(join(root, 'node_modules/left-pad/index.js')), null);
    assert.equal(toRepo(join(root, 'tasks/gone.py')), null);
    assert.equal(toRepo('node:fs'), null);
    assert.equal(toRepo('<frozen importlib._bootstrap>'), null);
  });

  it('matches another machine’s paths by suffix only when asked to', () => {
    assert.equal(toRepo('/srv/batch/tasks/ingest_invoices.py'), null);
    const foreign = createRepoPathMapper({ rootAbs: root, foreign: true });
    assert.equal(foreign('/srv/batch/tasks/ingest_invoices.py'), 'tasks/ingest_invoices.py');
    assert.equal(foreign('/usr/lib/python3.11/tasks/ingest_invoices.py'), null, 'an interpreter’s own tree is never the repo');
  });

  it('knows compiled-file names', () => {
    assert.equal(sourceOfCompiled('/a/pkg/__pycache__/mod.cpython-311.opt-1.pyc'), '/a/pkg/mod.py');
    assert.equal(sourceOfCompiled('/a/pkg/mod.pyc'), '/a/pkg/mod.py');
    assert.equal(sourceOfCompiled('/a/pkg/mod.py'), '/a/pkg/mod.py');
  });
});
