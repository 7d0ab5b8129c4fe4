/**
 * A repository can commit symlinks where census writes (.census/, the baseline, the history and
 * its WAL files, traces, the temp name of an atomic write) and a history.db with triggers. Each
 * case: census refuses with one clear error, and the file outside the repo is untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBaseline, writeBaseline } from '../../src/store/baseline.js';
import { openHistory } from '../../src/store/history-db.js';
import { writeCensusFile } from '../../src/store/census-dir.js';
import { ConfigError, UsageError } from '../../src/util/errors.js';
import { loadSqlite } from '../../src/store/sqlite.js';

const BASELINE = { census: '0.0.0', commit: null, date: '2026-01-01', findings: ['dead:a.py'] };
const PRECIOUS = 'the user\'s own file\n';

const withRepo = (body: (repo: string, outside: string) => void): void => {
  const repo = mkdtempSync(join(tmpdir(), 'census-hostile-repo-'));
  const outside = mkdtempSync(join(tmpdir(), 'census-hostile-outside-'));
  writeFileSync(join(outside, 'precious'), PRECIOUS);
  try {
    body(repo, outside);
  } finally {
    rmSync(repo, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
};

const untouched = (outside: string): void => {
  assert.deepEqual(readdirSync(outside), ['precious']);
  assert.equal(readFileSync(join(outside, 'precious'), 'utf8'), PRECIOUS);
};

test('a .census that is a symlink is refused for every write', () => {
  withRepo((repo, outside) => {
    symlinkSync(outside, join(repo, '.census'));
    assert.throws(() => writeBaseline(repo, BASELINE), (e: unknown) => e instanceof ConfigError && /\.census is a symlink/.test((e as Error).message));
    assert.throws(() => openHistory(repo, { create: true }), ConfigError);
    assert.throws(() => writeCensusFile(repo, '.census/traces/nightly.json', '{}'), ConfigError);
    untouched(outside);
  });
});

test('a baseline, history database, WAL file or traces folder that is a symlink is refused', () => {
  withRepo((repo, outside) => {
    mkdirSync(join(repo, '.census'));
    symlinkSync(join(outside, 'precious'), join(repo, '.census', 'baseline.json'));
    symlinkSync(join(outside, 'precious'), join(repo, '.census', 'history.db-wal'));
    symlinkSync(outside, join(repo, '.census', 'traces'));
    assert.throws(() => writeBaseline(repo, BASELINE), /baseline\.json is a symlink/);
    assert.throws(() => readBaseline(repo), /baseline\.json is a symlink/);
    assert.throws(() => openHistory(repo, { create: true }), /history\.db-wal is a symlink/);
    assert.throws(() => writeCensusFile(repo, '.census/traces/nightly.json', '{}'), /\.census\/traces is a symlink/);
    untouched(outside);
  });
});

test('the temp file of an atomic write has a random name, so pre-planted links cannot catch it', () => {
  withRepo((repo, outside) => {
    mkdirSync(join(repo, '.census'));
    // The old scheme wrote baseline.json.<pid>.tmp: a repo could plant one link per plausible pid.
    for (let pid = 1; pid < 200; pid++) symlinkSync(join(outside, 'precious'), join(repo, '.census', `baseline.json.${pid}.tmp`));
    symlinkSync(join(outside, 'precious'), join(repo, '.census', `baseline.json.${process.pid}.tmp`));
    writeBaseline(repo, BASELINE);
    assert.deepEqual(readBaseline(repo)?.findings, ['dead:a.py']);
    untouched(outside);
  });
});

test('a history database with a trigger is refused before anything is written', () => {
  withRepo((repo) => {
    mkdirSync(join(repo, '.census'));
    const Database = loadSqlite();
    const db = new Database(join(repo, '.census', 'history.db'));
    db.exec('CREATE TABLE runs (id INTEGER PRIMARY KEY); CREATE TABLE log (x); CREATE TRIGGER forever AFTER INSERT ON runs BEGIN INSERT INTO log WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c; END;');
    db.close();
    assert.throws(() => openHistory(repo, { create: true }), (e: unknown) => e instanceof UsageError && /trigger "forever"|table "log"/.test((e as Error).message) && /--reset-history/.test((e as Error).message));
  });
});

test('reading commands open the history query-only: nothing written, and a schema census did not create is refused', () => {
  withRepo((repo) => {
    mkdirSync(join(repo, '.census'));
    const writer = openHistory(repo, { create: true })!;
    writer.record({ commit: 'abc', commitDate: null, dirty: false, source: 'scan', census: '0.0.0', files: 1, sourceFiles: 1, counts: { dead: 1 }, findings: ['dead:a.py'] });
    writer.close();
    const file = join(repo, '.census', 'history.db');
    const before = readFileSync(file);
    const reader = openHistory(repo, { create: false })!;
    assert.equal(reader.runs().length, 1);
    assert.deepEqual(reader.findingsOf(reader.runs()[0]!.id), ['dead:a.py']);
    assert.throws(() => reader.record({ commit: 'def', commitDate: null, dirty: false, source: 'scan', census: '0.0.0', files: 1, sourceFiles: 1, counts: {}, findings: [] }), /readonly|read-only|query_only|attempt to write/i);
    reader.close();
    assert.deepEqual(readFileSync(file), before, 'the reader changed nothing');

    // A database of someone else's tables (no trigger): a writer would add census's tables to it; a reader refuses it.
    rmSync(join(repo, '.census'), { recursive: true, force: true });
    mkdirSync(join(repo, '.census'));
    const Database = loadSqlite();
    const db = new Database(file);
    db.exec('CREATE TABLE runs (id INTEGER PRIMARY KEY)');
    db.close();
    const foreign = readFileSync(file);
    assert.throws(() => openHistory(repo, { create: false }), (e: unknown) => e instanceof UsageError && /not census's history/.test((e as Error).message));
    assert.deepEqual(readFileSync(file), foreign);
  });
});
