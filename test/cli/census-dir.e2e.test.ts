/** census's own .census/ never makes a run "dirty": it writes a .gitignore there, and status skips it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

test('recording runs in a clean checkout: .census/ is ignored and every run is clean', () => {
  const dir = scratchDir('census-dir-');
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app/main.py'), 'import os\n\nif __name__ == "__main__":\n    print(os.getcwd())\n');
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', HOME: tmpdir() };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  git('init', '--quiet');
  git('add', '--all');
  git('-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', 'init');
  for (let i = 0; i < 2; i++) assert.equal(runCli(['scan', '--record', '--no-env', '--quiet'], { cwd: dir }).code, 0);
  assert.match(readFileSync(join(dir, '.census/.gitignore'), 'utf8'), /^\*$/m);
  assert.equal(git('status', '--porcelain'), '', 'the history database is not an untracked change');
  const history = JSON.parse(runCli(['history', '--format', 'json'], { cwd: dir }).stdout);
  assert.deepEqual(history.runs.map((r: { dirty: boolean }) => r.dirty), [false, false]);
  // The baseline is meant to be committed: not ignored.
  assert.equal(runCli(['baseline', '--no-env'], { cwd: dir }).code, 0);
  assert.equal(git('status', '--porcelain', '--untracked-files=all'), '?? .census/baseline.json\n');
});
