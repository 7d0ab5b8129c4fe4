/**
 * The audit recorded for `census why`: used only while nothing it came from changed — a file's
 * bytes, the list of files, the options — and never when it did, however soon after the scan.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshAudit } from '../../src/cache/snapshot.js';
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
    assert.deepEqual(view.edges, audit.edges);
    assert.deepEqual(view.entries, audit.entries);
    assert.equal(recorded.record('nope.py'), undefined);
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

test('a focused scan records nothing (why audits the whole root)', async () => {
  await withRepo(async (repo, cacheDir) => {
    await scanDir(repo, { ...OPTIONS, cache: { dir: cacheDir }, focus: 'app' });
    assert.equal(freshAudit(repo, scanOptions(repo, cacheDir)), null);
  });
});
