/**
 * The run history end to end in a git-initialised temp copy of the ledger fixture: recorded runs,
 * the trend, diffs between runs, and the backfill of past commits read from git into a temporary folder, which
 * leaves the user's working tree, index and worktree list as they were.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { commitAll, copyFixture, git, gitInit, removeDir } from './temp-repo.js';

let dir = '';
const commits: string[] = [];
before(() => {
  dir = copyFixture('ledger-repo');
  gitInit(dir, '2026-01-01T10:00:00Z');
  writeFileSync(join(dir, 'scripts/rebuild_index.py'), '"""Rebuilds the search index; nobody calls it yet."""\n');
  commitAll(dir, 'add an index tool', '2026-01-02T10:00:00Z');
  rmSync(join(dir, 'tools/currency.py'));
  commitAll(dir, 'drop the copied currency module', '2026-01-03T10:00:00Z');
  commits.push(...git(dir, ['log', '--format=%H', '--reverse']).trim().split('\n'));
});
after(() => removeDir(dir));

const census = (...args: string[]) => runCli([...args], { cwd: dir });

test('history without any recorded run says how to record one', () => {
  const r = census('history');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /no history yet at \.census\/history\.db/);
  assert.match(r.stdout, /census scan --record or census check --record, or backfill with census history --commits N/);
});

test('--commits N backfills the last N commits from git blobs, oldest first, without touching the working tree', () => {
  writeFileSync(join(dir, 'ledger/notes.md'), 'uncommitted notes\n');
  const statusBefore = git(dir, ['status', '--porcelain']);
  const headBefore = git(dir, ['rev-parse', 'HEAD']);
  const r = census('history', '--commits', '3', '--no-env');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /auditing 3 commits from git into a temporary folder \(your working tree is not touched\)/);
  const table = r.stdout.split('\n').filter((l) => /^#\d/.test(l));
  assert.equal(table.length, 3);
  commits.forEach((c, i) => assert.match(table[i], new RegExp(`^#${i + 1}\\s+${c.slice(0, 10)}\\s+2026-01-0${i + 1}\\s+backfill`)));
  assert.match(r.stdout, /from #1 to #3: duplicate-exact 1 → 0 \(-1\)/);
  assert.equal(git(dir, ['status', '--porcelain']), statusBefore);
  assert.equal(git(dir, ['rev-parse', 'HEAD']), headBefore);
  assert.equal(git(dir, ['worktree', 'list', '--porcelain']).match(/^worktree /gm)?.length, 1, 'no worktree was registered');
  assert.equal(readFileSync(join(dir, 'ledger/notes.md'), 'utf8'), 'uncommitted notes\n');
  rmSync(join(dir, 'ledger/notes.md'));
});

test('a second backfill skips the commits already recorded', () => {
  const r = census('history', '--commits', '3', '--no-env');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /3 of the last 3 commits are already recorded; skipping them/);
  assert.equal(r.stdout.split('\n').filter((l) => /^#\d/.test(l)).length, 3);
});

test('scan --record and check --record add runs of the working tree', () => {
  writeFileSync(join(dir, 'scripts/purge_cache.py'), '"""Clears the rate cache by hand."""\n');
  const scan = census('scan', '--record', '--no-env', '--format', 'json');
  assert.equal(scan.code, 0, scan.stderr);
  assert.match(scan.stderr, /census: recorded run #4 in \.census\/history\.db/);
  const check = census('check', '--record', '--no-env');
  assert.equal(check.code, 1, 'no baseline: everything is new');
  assert.match(check.stderr, /census: recorded run #5/);
  const history = census('history', '--format', 'json');
  const runs = JSON.parse(history.stdout).runs as { id: number; source: string; dirty: boolean; commit: string; counts: Record<string, number> }[];
  assert.deepEqual(runs.map((r) => [r.id, r.source]), [[1, 'backfill'], [2, 'backfill'], [3, 'backfill'], [4, 'scan'], [5, 'check']]);
  assert.equal(runs[3].dirty, true);
  assert.equal(runs[3].commit, commits[2]);
  assert.equal(runs[3].counts['verdict:dead'], runs[2].counts['verdict:dead'] + 1);
});

test('diff compares the last two runs by default, or the runs named by number or commit', () => {
  const last = census('diff');
  assert.equal(last.code, 0, last.stderr);
  assert.match(last.stdout, /^census diff — run #4 \(.+, scan\) → run #5 \(.+, check\)/);
  assert.match(last.stdout, /the same findings in both runs/);

  const named = census('diff', '1', commits[2].slice(0, 8), '--format', 'json');
  assert.equal(named.code, 0, named.stderr);
  const diff = JSON.parse(named.stdout);
  assert.equal(diff.from.id, 1);
  assert.equal(diff.to.id, 3, 'a commit prefix names the latest run of that commit');
  assert.deepEqual(diff.added, ['dead:scripts/rebuild_index.py']);
  assert.deepEqual(diff.removed, ['dead:tools/currency.py', 'dupe:exact:ledger/currency.py,tools/currency.py']);
  assert.deepEqual(diff.changes, [{ name: 'finding:duplicate-exact', before: 1, after: 0 }]);

  const unknown = census('diff', '99');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no recorded run "99"/);
});
