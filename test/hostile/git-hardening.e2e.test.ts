/**
 * A repository that arrives with its own .git can make plain git commands run its code: an
 * fsmonitor hook, clean/smudge/process filters, index and checkout hooks. The test first proves
 * the trap works with plain git (so it can fail), then runs every git call census makes and
 * checks that no marker was written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitInfo, gitLastChangeDates, gitListFiles, gitWorkTree, isGitWorkTree } from '../../src/discover/git.js';
import { commitDate, differsFromCommit, recentCommits, repoPrefix, withCommitSnapshots } from '../../src/store/git-history.js';
import { git } from '../guardrails/temp-repo.js';

const trappedRepo = (): { dir: string; markers: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'census-hostile-git-'));
  const markers = mkdtempSync(join(tmpdir(), 'census-hostile-markers-'));
  const hook = (name: string): string => {
    const path = join(dir, '.trap', name);
    writeFileSync(path, `#!/bin/sh\ntouch '${markers}/${name}'\ncat\n`);
    chmodSync(path, 0o755);
    return path;
  };
  mkdirSync(join(dir, '.trap'));
  writeFileSync(join(dir, 'app.py'), 'print("hello")\n');
  writeFileSync(join(dir, '.gitattributes'), '*.py filter=trap\n');
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  git(dir, ['add', 'app.py', '.gitattributes']);
  git(dir, ['commit', '--quiet', '-m', 'first']);
  // The trap is armed after the commit, as a hostile tree would arrive with it.
  git(dir, ['config', 'filter.trap.clean', hook('clean')]);
  git(dir, ['config', 'filter.trap.smudge', hook('smudge')]);
  git(dir, ['config', 'core.fsmonitor', hook('fsmonitor')]);
  for (const name of ['post-index-change', 'post-checkout', 'reference-transaction']) {
    const path = join(dir, '.git', 'hooks', name);
    writeFileSync(path, `#!/bin/sh\ntouch '${markers}/${name}'\n`);
    chmodSync(path, 0o755);
  }
  // A changed mtime makes git re-hash the file, which runs the clean filter.
  writeFileSync(join(dir, 'app.py'), 'print("hello")\n');
  utimesSync(join(dir, 'app.py'), new Date(), new Date(Date.now() + 5_000));
  return { dir, markers };
};

test('the trap is real: plain git status runs the repo\'s filter or fsmonitor', () => {
  const { dir, markers } = trappedRepo();
  try {
    execFileSync('git', ['status', '--porcelain'], { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
    assert.ok(readdirSync(markers).length > 0, 'plain git ran none of the trap: the test below would prove nothing');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(markers, { recursive: true, force: true });
  }
});

test('no git call census makes runs hooks, filters or fsmonitor from the repo', async () => {
  const { dir, markers } = trappedRepo();
  try {
    assert.equal(isGitWorkTree(dir), true);
    const tree = gitWorkTree(dir);
    assert.ok(tree);
    assert.deepEqual((await gitListFiles(dir))?.files.sort(), ['.gitattributes', '.trap/clean', '.trap/fsmonitor', '.trap/smudge', 'app.py'].sort());
    assert.equal(typeof (await gitInfo(dir, tree)).dirty, 'boolean');
    assert.ok((await gitLastChangeDates(dir, tree)).has('app.py'));
    differsFromCommit(dir);
    assert.equal(repoPrefix(dir), '');
    const commits = recentCommits(dir, 5);
    assert.equal(commits?.length, 1);
    assert.ok(commitDate(dir, commits![0].commit));
    await withCommitSnapshots(dir, async (snapshots) => {
      assert.equal(snapshots.load(commits![0].commit), true);
      assert.equal(existsSync(join(snapshots.dir, 'app.py')), true);
    });
    assert.deepEqual(readdirSync(markers), []);
    // Nothing was registered in the user's .git either.
    assert.equal(existsSync(join(dir, '.git', 'worktrees')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(markers, { recursive: true, force: true });
  }
});

test('a commit snapshot never writes outside its folder, whatever the tree holds', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-hostile-tree-'));
  try {
    git(dir, ['init', '--quiet', '--initial-branch=main']);
    writeFileSync(join(dir, 'ok.py'), 'x = 1\n');
    git(dir, ['add', 'ok.py']);
    // A tree object naming "../escape.py" cannot be made by git add; build it by hand.
    const blob = git(dir, ['hash-object', '-w', 'ok.py']).trim();
    const tree = execFileSync('git', ['mktree', '--missing'], { cwd: dir, input: `100644 blob ${blob}\tok.py\n100644 blob ${blob}\t..\n`, encoding: 'utf8' }).trim();
    const commit = git(dir, ['commit-tree', tree, '-m', 'hostile']).trim();
    git(dir, ['update-ref', 'refs/heads/main', commit]);
    await withCommitSnapshots(dir, async (snapshots) => {
      assert.equal(snapshots.load(commit), true);
      assert.deepEqual(readdirSync(snapshots.dir), ['ok.py']);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
