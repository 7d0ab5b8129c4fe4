/**
 * The warm audit of census mcp, in-process on a scratch copy of the small fixture: questions reuse
 * one scan until a file changes; a changed, added or removed file is seen by the next question,
 * with the folder watch on and with it off (a stat check of every file); editor junk is not a change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AuditSession } from '../../src/mcp/session.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/pipeline.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const scratchCopy = (): string => {
  const dir = join(mkdtempSync(join(tmpdir(), 'census-mcp-session-')), 'small');
  cpSync(join(REPO_ROOT, 'test/fixtures/mcp/small'), dir, { recursive: true });
  return dir;
};

const sessionOn = (dir: string, watch: boolean) =>
  new AuditSession({ scanOptions: { root: dir, include: [], exclude: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, defaultExcludes: true, workers: 1 }, watch, debounceMs: 60_000 });

for (const watch of [true, false]) {
  test(`a change is seen by the next question, and only a change re-scans (watch ${watch ? 'on' : 'off'})`, async (t) => {
    const dir = scratchCopy();
    const session = sessionOn(dir, watch);
    t.after(() => {
      session.close();
      rmSync(dirname(dir), { recursive: true, force: true });
    });
    const first = await session.current();
    assert.equal(first.status.scans, 1);
    assert.equal(first.status.watching, watch ? 'folders' : 'off');
    assert.equal((await session.current()).status.scans, 1, 'no change: the same audit');

    writeFileSync(join(dir, '.format.js.swp'), 'editor junk');
    assert.equal((await session.current()).status.scans, 1, 'editor junk is not a change');

    appendFileSync(join(dir, 'src/cli.js'), "import { shout } from './format.js';\nshout('x');\n");
    const edited = await session.current();
    assert.equal(edited.status.scans, 2);
    assert.deepEqual(edited.status.changed, ['src/cli.js']);
    assert.equal(edited.result.audit.files.find((f) => f.path === 'src/format.js')?.verdict, 'production', 'the new import is in the audit');

    writeFileSync(join(dir, 'src/extra.js'), "// Added while the server ran.\nexport const extra = 1;\n");
    const added = await session.current();
    assert.equal(added.status.scans, 3);
    assert.ok(added.result.audit.files.some((f) => f.path === 'src/extra.js'));

    rmSync(join(dir, 'src/old'), { recursive: true });
    const removed = await session.current();
    assert.equal(removed.status.scans, 4);
    assert.ok(!removed.result.audit.files.some((f) => f.path.startsWith('src/old/')));
    assert.equal((await session.current()).status.scans, 4);
  });
}

test('a question that waits for a re-scan hears its stages, until it stops listening', async (t) => {
  const dir = scratchCopy();
  const session = sessionOn(dir, false);
  t.after(() => {
    session.close();
    rmSync(dirname(dir), { recursive: true, force: true });
  });
  await session.current();
  const heard: string[] = [];
  const stop = session.onProgress((event) => heard.push(event.stage));
  assert.equal(heard.length, 0, 'no scan, no progress');
  appendFileSync(join(dir, 'src/cli.js'), "import { shout } from './format.js';\nshout('x');\n");
  assert.equal((await session.current()).status.scans, 2);
  stop();
  assert.ok(heard.includes('discover') && heard.includes('classify'), `the re-scan's stages: ${JSON.stringify(heard)}`);
  const count = heard.length;
  appendFileSync(join(dir, 'src/cli.js'), "shout('y');\n");
  assert.equal((await session.current()).status.scans, 3);
  assert.equal(heard.length, count, 'a listener that stopped hears nothing more');
});

test('duplicates are computed on first ask, once', async (t) => {
  const dir = scratchCopy();
  const session = sessionOn(dir, false);
  t.after(() => {
    session.close();
    rmSync(dirname(dir), { recursive: true, force: true });
  });
  const plain = await session.current();
  assert.equal(plain.result.audit.duplicates, undefined);
  const withDupes = await session.withDuplicates();
  assert.equal(withDupes.status.scans, 2);
  assert.deepEqual(withDupes.result.audit.duplicates?.clusters.map((c) => c.files), [['src/lib.js', 'src/old/lib.js']]);
  assert.equal((await session.withDuplicates()).status.scans, 2);
  assert.equal((await session.current()).status.duplicates, true);
});

test('a re-scan that fails keeps the last audit, and the next question tries again', async (t) => {
  const dir = scratchCopy();
  const session = sessionOn(dir, true);
  t.after(() => {
    session.close();
    rmSync(dirname(dir), { recursive: true, force: true });
  });
  assert.equal((await session.current()).status.scans, 1);
  writeFileSync(join(dir, 'census.config.json'), '{ "ignore": 5 }\n');
  await assert.rejects(session.current(), /census\.config\.json: "ignore" must be a list of globs/);
  await assert.rejects(session.current(), /"ignore" must be a list of globs/, 'still broken: tried again, not the stale audit');
  writeFileSync(join(dir, 'census.config.json'), '{ "ignore": ["scripts/**"] }\n');
  const fixed = await session.current();
  assert.ok(!fixed.result.audit.files.some((f) => f.path.startsWith('scripts/')), 'the fixed config is in force');
});
