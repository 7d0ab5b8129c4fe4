/**
 * The audit recorded for `census why`: used only while nothing it came from changed — a file's
 * bytes, the list of files, what is ignored or tracked, git's HEAD, the options — and never when
 * it did, however soon after the scan; and still used when only things the listing skips changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshAudit } from '../../src/cache/snapshot.js';
import { plainEdge } from '../../src/model/edge.js';
import { scanDir } from '../helpers/scan-fixture.js';

const FILES: Record<string, string> = {
  Procfile: 'web: python app/main.py\n',
  'app/__init__.py': '',
  'app/main.py': 'from app import util\n\nutil.go()\n',
  'app/util.py': 'def go():\n    return 1\n',
  'app/old.py': 'import json\n',
};

const OPTIONS = { noEnv: true } as const;

const withRepo = async (body: (repo: string, cacheDir: string) => Promise<void>): Promise<void> => {
  const repo = mkdtempSync(join(tmpdir(), 'census-snapshot-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'census-snapshot-cache-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  try {
    await body(repo, cacheDir);
  } finally {
    rmSync(repo, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
};

const scanOptions = (repo: string, cacheDir?: string) => ({
  root: repo, include: [], exclude: [], maxFileSize: 1_000_000, defaultExcludes: true, ...OPTIONS, ...(cacheDir ? { cache: { dir: cacheDir } } : {}),
});

test('right after a scan the recorded audit answers, with the same records', async () => {
  await withRepo(async (repo, cacheDir) => {
    const { audit } = await scanDir(repo, { ...OPTIONS, cache: { dir: cacheDir } });
    const recorded = freshAudit(repo, scanOptions(repo, cacheDir));
    assert.ok(recorded, 'fresh');
    for (const f of audit.files) assert.deepEqual(recorded.record(f.path), f);
    const view = recorded.view();
    // the recorded edges are plain objects; most of the scan's make their label when read (graph/lazy-label-edges.ts)
    assert.deepEqual(view.edges, audit.edges.map(plainEdge));
    assert.deepEqual(view.entries, audit.entries);
    assert.equal(recorded.record('nope.py'), undefined);
    recorded.close();
  });
});

test('a changed, added or removed file, or other options, and the recorded audit is not used', async () => {
  const changes: [string, (repo: string) => void][] = [
    ['edited at once (same size, inside the racy window)', (r) => writeFileSync(join(r, 'app/util.py'), 'def go():\n    return 2\n')],
    ['edited with its old time put back', (r) => {
      writeFileSync(join(r, 'app/util.py'), 'def go():\n    return 3\n');
      utimesSync(join(r, 'app/util.py'), new Date('2020-01-01'), new Date('2020-01-01'));
    }],
    ['a file added', (r) => writeFileSync(join(r, 'app/new.py'), 'from app import old\n')],
    ['a file removed', (r) => rmSync(join(r, 'app/old.py'))],
  ];
  for (const [what, change] of changes) {
    await withRepo(async (repo, cacheDir) => {
      utimesSync(join(repo, 'app/util.py'), new Date('2020-01-01'), new Date('2020-01-01'));
      await scanDir(repo, { ...OPTIONS, cache: { dir: cacheDir } });
      assert.ok(freshAudit(repo, scanOptions(repo, cacheDir)), `${what}: fresh before`);
      change(repo);
      assert.equal(freshAudit(repo, scanOptions(repo, cacheDir)), null, what);
    });
  }
  await withRepo(async (repo, cacheDir) => {
    await scanDir(repo, { ...OPTIONS, cache: { dir: cacheDir } });
    assert.equal(freshAudit(repo, { ...scanOptions(repo, cacheDir), exclude: ['app/old.py'] }), null, 'other options');
    assert.equal(freshAudit(repo, { ...scanOptions(repo, cacheDir), noEnv: false }), null, 'another environment');
    // Touched, bytes unchanged: the content hash says it is the same file.
    utimesSync(join(repo, 'app/old.py'), new Date(), new Date());
    assert.ok(freshAudit(repo, scanOptions(repo, cacheDir)), 'touched only');
  });
});

test('a focused scan\'s recording is not why\'s (why audits the whole root)', async () => {
  await withRepo(async (repo, cacheDir) => {
    await scanDir(repo, { ...OPTIONS, cache: { dir: cacheDir }, focus: 'app' });
    assert.equal(freshAudit(repo, scanOptions(repo, cacheDir)), null);
  });
});

const git = (repo: string, ...args: string[]): void => {
  execFileSync('git', ['-c', 'user.name=census', '-c', 'user.email=census@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'ignore' });
};

/** A git repo with an ignored file, a symlink and a subfolder, committed. */
const makeGitRepo = (): string => {
  const repo = mkdtempSync(join(tmpdir(), 'census-snapshot-git-'));
  const files: Record<string, string> = { ...FILES, '.gitignore': '*.log\n', 'keep.log': 'ignored\n', 'app/sub/__init__.py': '', 'app/sub/deep.py': 'import os\n' };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  symlinkSync('app/util.py', join(repo, 'link.py'));
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'start');
  return repo;
};

test('by stat alone: what changes the listing or HEAD is seen, what the listing skips is not', async () => {
  const refused: [string, (repo: string) => void][] = [
    ['an edit with its old time put back', (r) => {
      const { mtime } = statSync(join(r, 'app/util.py'));
      writeFileSync(join(r, 'app/util.py'), 'def go():\n    return 9\n');
      utimesSync(join(r, 'app/util.py'), mtime, mtime);
    }],
    ['a file added to a folder', (r) => writeFileSync(join(r, 'app/new.py'), '')],
    ['a file added in a new folder', (r) => {
      mkdirSync(join(r, 'app/sub/newer'));
      writeFileSync(join(r, 'app/sub/newer/x.py'), '');
    }],
    ['.gitignore edited in place (keep.log is listed now)', (r) => {
      const { mtime } = statSync(join(r, '.gitignore'));
      writeFileSync(join(r, '.gitignore'), '*.txt\n');
      utimesSync(join(r, '.gitignore'), mtime, mtime);
    }],
    ['a commit (HEAD moved, no file changed)', (r) => git(r, 'commit', '-q', '--allow-empty', '-m', 'more')],
    ['an ignored file tracked with git add -f', (r) => git(r, 'add', '-f', 'keep.log')],
    ['a file made executable', (r) => chmodSync(join(r, 'app/old.py'), 0o755)],
    ['a symlink pointed elsewhere', (r) => {
      unlinkSync(join(r, 'link.py'));
      symlinkSync('app/old.py', join(r, 'link.py'));
    }],
    ['a folder replaced by a file of the same name', (r) => {
      rmSync(join(r, 'app/sub'), { recursive: true });
      writeFileSync(join(r, 'app/sub'), '');
    }],
  ];
  const kept: [string, (repo: string) => void][] = [
    ['a __pycache__ folder appeared', (r) => {
      mkdirSync(join(r, 'app/__pycache__'));
      writeFileSync(join(r, 'app/__pycache__/util.cpython-312.pyc'), 'x');
    }],
    ['an editor swap file appeared', (r) => writeFileSync(join(r, 'app/.util.py.swp'), 'x')],
    ['an ignored file appeared', (r) => writeFileSync(join(r, 'app/debug.log'), 'x')],
    ['a file touched', (r) => utimesSync(join(r, 'app/util.py'), new Date(), new Date())],
    ['a file rewritten with the same bytes', (r) => writeFileSync(join(r, 'app/main.py'), readFileSync(join(r, 'app/main.py')))],
  ];
  const cases = [...refused.map(([what, change]) => ({ what, change, fresh: false })), ...kept.map(([what, change]) => ({ what, change, fresh: true }))];
  const repos = cases.map(() => makeGitRepo());
  const cacheDir = mkdtempSync(join(tmpdir(), 'census-snapshot-cache-'));
  try {
    // Past the racy window: the recorded stamps are trusted, so only the stamps can tell a change.
    await new Promise((done) => setTimeout(done, 2100));
    for (const [i, c] of cases.entries()) {
      const dir = join(cacheDir, String(i));
      await scanDir(repos[i], { ...OPTIONS, cache: { dir } });
      const before = freshAudit(repos[i], scanOptions(repos[i], dir));
      assert.ok(before, `${c.what}: fresh before`);
      before.close();
      c.change(repos[i]);
      const after = freshAudit(repos[i], scanOptions(repos[i], dir));
      after?.close();
      assert.equal(after !== null, c.fresh, c.what);
    }
  } finally {
    for (const r of repos) rmSync(r, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('a root below the top of its work tree: a .gitignore above it decides the listing too', async () => {
  const repo = makeGitRepo();
  const cacheDir = mkdtempSync(join(tmpdir(), 'census-snapshot-cache-'));
  try {
    const root = join(repo, 'app');
    writeFileSync(join(root, 'notes.log'), 'ignored by the .gitignore above\n');
    await scanDir(root, { ...OPTIONS, cache: { dir: cacheDir } });
    const before = freshAudit(root, scanOptions(root, cacheDir));
    assert.ok(before, 'fresh before');
    before.close();
    writeFileSync(join(repo, '.gitignore'), '*.tmp\n');
    assert.equal(freshAudit(root, scanOptions(root, cacheDir)), null, 'app/notes.log is listed now');
  } finally {
    rmSync(repo, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
