/**
 * The history database under stress and damage: two processes recording at once lose nothing and
 * leave an intact database; a damaged database stops every command with the file named and the
 * way out, and --reset-history moves it aside without deleting it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openHistory } from '../../src/store/history-db.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/cli.js';
import { copyFixture, removeDir } from './temp-repo.js';
import { scratchDir } from '../helpers/scratch.js';

const RECORDER = join(REPO_ROOT, 'dist/test/guardrails/record-runs.js');
const CENSUS = join(REPO_ROOT, 'bin/census.js');

const runNode = (args: string[], cwd = REPO_ROOT): Promise<{ code: number | null; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });

const integrity = (root: string): { runs: number; findings: number } => {
  const history = openHistory(root, { create: false })!;
  try {
    const runs = history.runs();
    return { runs: runs.length, findings: runs.reduce((n, r) => n + history.findingsOf(r.id).length, 0) };
  } finally {
    history.close();
  }
};

test('two processes recording at once: every run is kept and the database stays intact', async () => {
  const root = scratchDir('census-history-concurrent-');
  try {
    // Both open (and race to create) the database first, then write in step with each other.
    const results = await Promise.all([runNode([RECORDER, root, '40', 'alpha', 'beta']), runNode([RECORDER, root, '40', 'beta', 'alpha'])]);
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    // openHistory runs SQLite's integrity check: a damaged file would throw here.
    assert.deepEqual(integrity(root), { runs: 80, findings: 80 * 300 });
    const history = openHistory(root, { create: false })!;
    const order = history.runs().map((r) => r.source[0]).join('');
    history.close();
    const switches = order.split('').filter((c, i) => i > 0 && c !== order[i - 1]).length;
    assert.ok(switches >= 2, `the two writers should have interleaved, got ${order}`);
  } finally {
    removeDir(root);
  }
});

test('a recorder killed mid-write leaves an intact database holding only whole runs', async () => {
  const root = scratchDir('census-history-killed-');
  try {
    const child = spawn(process.execPath, [RECORDER, root, '100000', 'killed'], { stdio: 'ignore' });
    // Once it has committed a few runs (however long that takes on a busy machine), kill it without
    // warning, as a power cut or OOM kill would.
    const progress = join(root, 'progress-killed');
    const committed = (): number => (existsSync(progress) ? Number(readFileSync(progress, 'utf8')) || 0 : 0);
    const closed = new Promise((resolve) => child.on('close', resolve));
    let exited = false;
    void closed.then(() => (exited = true));
    while (committed() < 3 && !exited) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(!exited, 'the recorder ended before it was killed');
    child.kill('SIGKILL');
    await closed;
    const { runs, findings } = integrity(root);
    assert.ok(runs > 0, 'some runs were committed before the kill');
    // Each run is one transaction: a run is there with all 300 of its findings, or not at all.
    assert.equal(findings, runs * 300);
  } finally {
    removeDir(root);
  }
});

test('two census scan --record runs at once both land', async () => {
  const dir = copyFixture('ledger-repo');
  try {
    const args = [CENSUS, 'scan', '--record', '--no-env', '--workers', '1', '--format', 'json'];
    const results = await Promise.all([runNode(args, dir), runNode(args, dir)]);
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const ids = results.map((r) => /recorded run #(\d+)/.exec(r.stderr)?.[1]).sort();
    assert.deepEqual(ids, ['1', '2']);
    assert.equal((integrity(dir)).runs, 2);
  } finally {
    removeDir(dir);
  }
});

const damage = (file: string): void => {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
};

test('a damaged database: a clear error naming the file and --reset-history, and nothing is lost', async () => {
  const dir = copyFixture('ledger-repo');
  try {
    const recorder = await runNode([RECORDER, dir, '30', 'early']);
    assert.equal(recorder.code, 0, recorder.stderr);
    const db = join(dir, '.census/history.db');
    damage(db);
    const damagedBytes = readFileSync(db);

    for (const args of [['history'], ['scan', '--record', '--no-env'], ['diff']]) {
      const r = runCli(args, { cwd: dir });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^census: \.census\/history\.db is damaged and cannot be read \(.+\)\. To keep going, run census history --reset-history/);
    }
    assert.deepEqual(readFileSync(db), damagedBytes, 'a refused command leaves the damaged file as it was');

    const reset = runCli(['history', '--reset-history'], { cwd: dir });
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stderr, /census: moved \.census\/history\.db\.old-[\dTZ-]+ aside|census: moved \.census\/history\.db\.old-/);
    const aside = readdirSync(join(dir, '.census')).filter((n) => n.startsWith('history.db.old-') && !n.endsWith('-wal') && !n.endsWith('-shm'));
    assert.equal(aside.length, 1);
    assert.deepEqual(readFileSync(join(dir, '.census', aside[0])), damagedBytes, 'the old file is kept byte for byte');

    const record = runCli(['scan', '--record', '--no-env', '--format', 'json'], { cwd: dir });
    assert.equal(record.code, 0, record.stderr);
    assert.match(record.stderr, /recorded run #1 in \.census\/history\.db/);
  } finally {
    removeDir(dir);
  }
});

test('a file that is not a database at all gets the same clear error', () => {
  const dir = scratchDir('census-history-garbage-');
  try {
    runCli(['history', '--reset-history'], { cwd: dir });
    writeFileSync(join(dir, '.census/history.db'), 'not a database, only text that happens to be here\n'.repeat(100));
    const r = runCli(['history'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.census\/history\.db is damaged and cannot be read \(file is not a database\)/);
  } finally {
    removeDir(dir);
  }
});

test('--commits outside git is a usage error that leaves no database behind', () => {
  const dir = scratchDir('census-history-nogit-');
  try {
    const r = runCli(['history', '--commits', '3'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--commits needs a git repository/);
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    removeDir(dir);
  }
});
