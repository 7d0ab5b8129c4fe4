import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runTrace } from '../../src/runtime/capture/run-trace.js';
import { UsageError } from '../../src/util/errors.js';
import { fixturePath } from '../helpers/fixtures.js';

const scratch = mkdtempSync(join(tmpdir(), 'census-run-trace-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Never let the traced fixture write bytecode into the fixture folder. */
const quietEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...extra });

describe('runTrace on real runs', () => {
  it('records the importlib-loaded task modules of a Procfile batch run, across the shell script and a child process', async () => {
    const root = fixturePath('runtime', 'python-importlib-tasks');
    const outFile = join(scratch, 'nightly.json');
    const procfileCommand = readFileSync(join(root, 'Procfile'), 'utf8').replace(/^worker:\s*/, '').trim().split(/\s+/);
    const result = await runTrace({ command: procfileCommand, cwd: root, rootAbs: root, label: 'nightly', outFile, env: quietEnv(), stdio: 'ignore' });

    assert.equal(result.exitCode, 0);
    assert.deepEqual(result.loaded, [
      'batch/__init__.py',
      'batch/nightly_runner.py',
      'batch/notify_owners.py',
      'bin/run_batch.sh',
      'tasks/__init__.py',
      'tasks/ingest_invoices.py',
      'tasks/ledger_common.py',
      'tasks/reconcile_ledger.py',
    ]);
    assert.equal(result.processes.python, 2, 'the runner and the notify_owners child');
    assert.deepEqual(result.diagnostics, []);
    const written = JSON.parse(readFileSync(outFile, 'utf8'));
    assert.equal(written.format, 'census-trace');
    assert.equal(written.version, 1);
    assert.equal(written.label, 'nightly');
    assert.deepEqual(written.command, ['bash', 'bin/run_batch.sh', 'nightly']);
    assert.equal(written.cwd, '.');
    assert.equal(written.exitCode, 0);
    assert.deepEqual(written.loaded, result.loaded);
    assert.ok(!Number.isNaN(Date.parse(written.startedAt)));
    assert.ok(!existsSync(join(root, '.census')), 'the trace went to --out, not into the fixture');
    assert.ok(!existsSync(join(root, 'tasks', '__pycache__')));
  });

  it('records computed dynamic imports, a createRequire()d CommonJS file and a child Node process', async () => {
    const root = fixturePath('runtime', 'node-computed-import');
    const result = await runTrace({
      command: [process.execPath, 'src/relay_webhooks.js'],
      cwd: root,
      rootAbs: root,
      label: 'relay',
      outFile: join(scratch, 'relay.json'),
      env: quietEnv({ NODE_OPTIONS: '' }),
      stdio: 'ignore',
    });
    assert.equal(result.exitCode, 0);
    assert.deepEqual(result.loaded, [
      'src/archive_receipts.cjs',
      'src/lib/format_event.js',
      'src/lib/retry_policy.cjs',
      'src/plugins/github_status.js',
      'src/plugins/slack_notifier.js',
      'src/relay_webhooks.js',
    ]);
    assert.equal(result.processes.node, 2, 'the relay and the archiver child');
  });

  it('exits with the command exit code and still writes the trace', async () => {
    const outFile = join(scratch, 'failing.json');
    const result = await runTrace({ command: ['python3', '-c', 'import sys; sys.exit(3)'], cwd: scratch, rootAbs: scratch, label: 'failing', outFile, env: quietEnv(), stdio: 'ignore' });
    assert.equal(result.exitCode, 3);
    assert.equal(JSON.parse(readFileSync(outFile, 'utf8')).exitCode, 3);
    assert.deepEqual(result.diagnostics.map((d) => d.id), ['trace/no-repo-files']);
  });

  it('writes to .census/traces/<label>.json under the root by default', async () => {
    const root = mkdtempSync(join(scratch, 'default-out-'));
    writeFileSync(join(root, 'probe_job.py'), 'print("probe")\n');
    const result = await runTrace({ command: ['python3', 'probe_job.py'], cwd: root, rootAbs: root, label: 'probe', env: quietEnv(), stdio: 'ignore' });
    assert.equal(result.traceFile, join(root, '.census', 'traces', 'probe.json'));
    assert.deepEqual(JSON.parse(readFileSync(result.traceFile, 'utf8')).loaded, ['probe_job.py']);
  });

  it('keeps an existing PYTHONPATH and runs the sitecustomize it shadows', async () => {
    const root = mkdtempSync(join(scratch, 'chain-'));
    const userPath = join(root, 'vendor_path');
    mkdirSync(userPath);
    const marker = join(root, 'sitecustomize-ran.txt');
    writeFileSync(join(userPath, 'sitecustomize.py'), `open(${JSON.stringify(marker)}, "w").write("yes")\n`);
    writeFileSync(join(userPath, 'pricing_rules.py'), 'RATE = 2\n');
    writeFileSync(join(root, 'quote_prices.py'), 'import sys, pricing_rules\nsys.exit(0 if pricing_rules.RATE == 2 else 5)\n');
    const result = await runTrace({ command: ['python3', 'quote_prices.py'], cwd: root, rootAbs: root, label: 'chain', env: quietEnv({ PYTHONPATH: userPath }), stdio: 'ignore' });
    assert.equal(result.exitCode, 0);
    assert.equal(readFileSync(marker, 'utf8'), 'yes');
    assert.deepEqual(result.loaded, ['quote_prices.py', 'vendor_path/pricing_rules.py', 'vendor_path/sitecustomize.py']);
  });

  it('keeps existing NODE_OPTIONS', async () => {
    const root = mkdtempSync(join(scratch, 'node-options-'));
    writeFileSync(join(root, 'set_region.cjs'), 'globalThis.REGION = "eu";\n');
    writeFileSync(join(root, 'print_region.cjs'), 'process.exit(globalThis.REGION === "eu" ? 0 : 4);\n');
    const result = await runTrace({
      command: [process.execPath, 'print_region.cjs'],
      cwd: root,
      rootAbs: root,
      label: 'options',
      env: quietEnv({ NODE_OPTIONS: `--require ${join(root, 'set_region.cjs')}` }),
      stdio: 'ignore',
    });
    assert.equal(result.exitCode, 0);
    assert.deepEqual(result.loaded, ['print_region.cjs', 'set_region.cjs']);
  });

  it('records modules of a forked worker that ends with os._exit', async () => {
    const root = mkdtempSync(join(scratch, 'fork-'));
    writeFileSync(join(root, 'shard_worker.py'), 'VALUE = 1\n');
    writeFileSync(join(root, 'fork_shards.py'), 'import os\npid = os.fork()\nif pid == 0:\n    import shard_worker\n    os._exit(0)\nos.waitpid(pid, 0)\n');
    const result = await runTrace({ command: ['python3', 'fork_shards.py'], cwd: root, rootAbs: root, label: 'fork', env: quietEnv(), stdio: 'ignore' });
    assert.deepEqual(result.loaded, ['fork_shards.py', 'shard_worker.py']);
  });

  it('turns a missing command into a usage error', async () => {
    await assert.rejects(
      runTrace({ command: ['census-no-such-command'], cwd: scratch, rootAbs: scratch, label: 'missing', outFile: join(scratch, 'missing.json'), stdio: 'ignore' }),
      (e: unknown) => e instanceof UsageError && /command not found/.test(e.message),
    );
  });
});
