/**
 * discover's git calls: the folded rev-parse answers what the four separate calls answered (a
 * subfolder, a detached HEAD, a repository with no commit, not a repository), and the calls that
 * run while the scan goes on (listing, status, log) give what the synchronous calls gave, with the
 * same fallbacks: a failure, a time-out or too much output is null, never an exception, and a
 * child that finished in time is not reported as timed out because this thread was busy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitInfo, gitLastChangeDates, gitListFiles, gitWorkTree, parseLastChangeDates } from '../../src/discover/git.js';
import { runGit, startCaptured } from '../../src/util/git.js';
import { commitAll, git } from '../guardrails/temp-repo.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'census-git-async-'));

/** The repo used by most tests: two commits on different days, a subfolder, an untracked and an ignored file. */
const makeRepo = (): string => {
  const dir = scratch();
  mkdirSync(join(dir, 'sub', 'deep'), { recursive: true });
  writeFileSync(join(dir, 'a.py'), 'a = 1\n');
  writeFileSync(join(dir, 'sub', 'b.py'), 'b = 1\n');
  writeFileSync(join(dir, 'sub', 'deep', 'c.py'), 'c = 1\n');
  writeFileSync(join(dir, '.gitignore'), 'ignored.txt\n');
  git(dir, ['init', '--quiet', '--initial-branch=trunk']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  commitAll(dir, 'first', '2024-03-01T10:00:00Z');
  writeFileSync(join(dir, 'sub', 'b.py'), 'b = 2\n');
  commitAll(dir, 'second', '2025-06-02T10:00:00Z');
  writeFileSync(join(dir, 'sub', 'untracked.py'), 'u = 1\n');
  writeFileSync(join(dir, 'sub', 'ignored.txt'), 'x\n');
  return dir;
};

/** What discover asked before the calls were folded, one rev-parse each. */
const separately = (dir: string) => {
  if (runGit(dir, ['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') return null;
  const branch = runGit(dir, ['rev-parse', '--abbrev-ref', 'HEAD'])?.trim() ?? null;
  return {
    prefix: runGit(dir, ['rev-parse', '--show-prefix'])?.trim() ?? '',
    commit: runGit(dir, ['rev-parse', 'HEAD'])?.trim() ?? null,
    branch: branch === 'HEAD' ? null : branch,
  };
};

test('gitWorkTree: one rev-parse answers what the four separate calls answered', () => {
  const repo = makeRepo();
  const empty = scratch();
  const notRepo = scratch();
  try {
    git(empty, ['init', '--quiet']);
    mkdirSync(join(empty, 'sub'));
    const cases: Array<[string, string]> = [
      ['top', repo],
      ['subfolder', join(repo, 'sub')],
      ['deeper subfolder', join(repo, 'sub', 'deep')],
      ['inside .git', join(repo, '.git')],
      ['no commit yet', empty],
      ['no commit yet, subfolder', join(empty, 'sub')],
      ['not a repository', notRepo],
    ];
    const check = (label: string) => {
      for (const [name, dir] of cases) assert.deepEqual(gitWorkTree(dir), separately(dir), `${label}: ${name}`);
    };
    check('on a branch');
    assert.deepEqual(gitWorkTree(join(repo, 'sub')), { prefix: 'sub/', commit: runGit(repo, ['rev-parse', 'HEAD'])?.trim(), branch: 'trunk' });
    assert.deepEqual(gitWorkTree(empty), { prefix: '', commit: null, branch: null });
    assert.equal(gitWorkTree(notRepo), null);
    git(repo, ['checkout', '--quiet', '--detach']);
    check('detached HEAD');
    assert.equal(gitWorkTree(repo)?.branch, null);
    // A file named HEAD with no commit: rev-parse takes HEAD as a file name and the arguments after it too.
    writeFileSync(join(empty, 'HEAD'), 'x\n');
    check('a file named HEAD');
  } finally {
    for (const d of [repo, empty, notRepo]) rmSync(d, { recursive: true, force: true });
  }
});

test('gitListFiles, gitInfo and gitLastChangeDates give what the synchronous calls gave', async () => {
  const repo = makeRepo();
  try {
    for (const dir of [repo, join(repo, 'sub')]) {
      const tree = gitWorkTree(dir);
      assert.ok(tree);
      // Started together and awaited in the other order than they were started.
      const listing = gitListFiles(dir);
      const info = gitInfo(dir, tree);
      const dates = gitLastChangeDates(dir, tree);
      const log = runGit(dir, ['-c', 'core.quotepath=off', 'log', '--format=%x00%cs', '--name-only', '--no-renames', '--', '.']);
      assert.deepEqual(await dates, parseLastChangeDates(log ?? '', tree.prefix));
      const tracked = runGit(dir, ['-c', 'core.quotepath=off', 'ls-files', '-z', '--cached'])!.split('\0').filter((p) => p !== '');
      const untracked = runGit(dir, ['-c', 'core.quotepath=off', 'ls-files', '-z', '--others', '--exclude-standard'])!.split('\0').filter((p) => p !== '');
      assert.deepEqual(await info, { commit: tree.commit, branch: 'trunk', dirty: false });
      const listed = await listing;
      assert.deepEqual({ ...listed, files: listed?.files.sort() }, { files: [...tracked, ...untracked].sort(), untrackedSkipped: false });
    }
    const top = gitWorkTree(repo)!;
    assert.deepEqual(Object.fromEntries(await gitLastChangeDates(repo, top)), { '.gitignore': '2024-03-01', 'a.py': '2024-03-01', 'sub/b.py': '2025-06-02', 'sub/deep/c.py': '2024-03-01' });
    assert.deepEqual(Object.fromEntries(await gitLastChangeDates(join(repo, 'sub'), gitWorkTree(join(repo, 'sub'))!)), { 'b.py': '2025-06-02', 'deep/c.py': '2024-03-01' });
    assert.deepEqual((await gitListFiles(join(repo, 'sub')))?.files.sort(), ['b.py', 'deep/c.py', 'untracked.py']);
    // A change outside .census/ is dirty; a status git cannot give (a corrupt index) counts as dirty too.
    writeFileSync(join(repo, 'a.py'), 'a = 2\n');
    assert.equal((await gitInfo(repo, top)).dirty, true);
    writeFileSync(join(repo, 'a.py'), 'a = 1\n');
    assert.equal((await gitInfo(repo, top)).dirty, false);
    const index = readFileSync(join(repo, '.git', 'index'));
    writeFileSync(join(repo, '.git', 'index'), 'not an index');
    assert.equal(runGit(repo, ['status', '--porcelain']), null, 'the corrupt index should make git status fail');
    assert.equal((await gitInfo(repo, top)).dirty, true);
    assert.equal(await gitListFiles(repo), null, 'no tracked listing: discover walks the folder instead');
    writeFileSync(join(repo, '.git', 'index'), index);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

test('gitListFiles: when the untracked files cannot be listed in time, the tracked files are listed alone', async () => {
  const repo = makeRepo();
  try {
    // git's .gitignore matcher backtracks on these patterns against a long untracked name for minutes
    writeFileSync(join(repo, '.gitignore'), `${Array.from({ length: 50 }, (_, i) => `${'*a'.repeat(10 + (i % 5))}*b`).join('\n')}\n`);
    writeFileSync(join(repo, `${'a'.repeat(200)}.py`), 'x = 1\n');
    const tracked = runGit(repo, ['ls-files', '-z', '--cached'])!.split('\0').filter((p) => p !== '');
    const listed = await gitListFiles(repo, 50);
    assert.deepEqual({ ...listed, files: listed?.files.sort() }, { files: tracked.sort(), untrackedSkipped: true });
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

test('gitLastChangeDates: no history (no commit yet) gives no dates, as a failed git log did', async () => {
  const empty = scratch();
  try {
    git(empty, ['init', '--quiet']);
    writeFileSync(join(empty, 'a.py'), 'a = 1\n');
    const tree = gitWorkTree(empty);
    assert.ok(tree);
    assert.equal((await gitLastChangeDates(empty, tree)).size, 0);
    assert.deepEqual(await gitInfo(empty, tree), { commit: null, branch: null, dirty: false });
    assert.deepEqual(await gitListFiles(empty), { files: ['a.py'], untrackedSkipped: false });
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

const node = process.execPath;
const env = process.env;

/** Blocks this thread until process `pid` has exited (a zombie: its exit not yet taken in) and `ms` have passed. */
const blockUntilExited = (pid: number, ms: number): void => {
  const until = Date.now() + ms;
  for (;;) {
    let state = 'Z';
    try {
      state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
    } catch {
      // gone already
    }
    if (state === 'Z' && Date.now() >= until) return;
  }
};

test('startCaptured: a child that finished in time keeps its output though this thread noticed after the limit', async () => {
  // 3 MB: far past a pipe's 64 KB, which would have stalled the child while this thread was blocked.
  const run = startCaptured(node, ['-e', 'process.stdout.write("x".repeat(3 * 1024 * 1024))'], { cwd: tmpdir(), env, timeoutMs: 200, maxBuffer: 1 << 30 });
  assert.ok(run.pid);
  blockUntilExited(run.pid, 600);
  const out = await run.output;
  assert.equal(out?.length, 3 * 1024 * 1024);
});

/** Whether process `pid` still exists (a zombie included). */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
};

// The hang guard: a child past its limit that is not killed never ends, and neither would this test.
test('startCaptured: the same outcomes as execFileSync: a time-out, an exit status, too much output or no such command is null', { timeout: 300_000 }, async () => {
  const options = { cwd: tmpdir(), env, timeoutMs: 60_000, maxBuffer: 1 << 30 };
  // A child that never ends by itself: its output settles only once the time-out has killed it
  // (no clock is read here: a loaded machine may take its time to start and kill it).
  const slow = startCaptured(node, ['-e', 'process.stdout.write("partial"); setInterval(() => {}, 1 << 30)'], { ...options, timeoutMs: 300 });
  assert.ok(slow.pid);
  assert.equal(await slow.output, null);
  assert.equal(alive(slow.pid), false, 'the child past its limit was killed');
  assert.equal(await startCaptured(node, ['-e', 'process.stdout.write("out"); process.exit(3)'], options).output, null);
  assert.equal(await startCaptured(node, ['-e', 'process.stdout.write("x".repeat(2000))'], { ...options, maxBuffer: 1000 }).output, null);
  assert.equal((await startCaptured(node, ['-e', 'process.stdout.write("x".repeat(1000))'], { ...options, maxBuffer: 1000 }).output)?.length, 1000);
  assert.equal(await startCaptured('/nonexistent/census-no-such-command', [], options).output, null);
  assert.equal((await startCaptured(node, ['-e', 'process.stdout.write("é\\u0000ok")'], options).output)?.toString('utf8'), 'é\0ok');
});
