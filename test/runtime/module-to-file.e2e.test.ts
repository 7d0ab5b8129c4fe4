import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import type { FileRecord } from '../../src/model/file.js';
import { createPythonResolver } from '../../src/languages/python/resolve/resolver.js';
import { ingestEvidence } from '../../src/runtime/ingest/index.js';
import { createModuleToFile } from '../../src/runtime/module-to-file.js';
import { overlayRuntime } from '../../src/runtime/overlay.js';
import { fixturePath } from '../helpers/fixtures.js';
import { Manifests } from '../../src/manifests/store.js';

const root = fixturePath('runtime', 'python-importlib-tasks');
const scratch = mkdtempSync(join(tmpdir(), 'census-module-to-file-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const listFiles = (dir: string): string[] =>
  readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [relative(root, p).split('\\').join('/')];
  });

const repoFiles = listFiles(root);
const manifests = new Manifests({
  files: new Set(repoFiles),
  readText: (p) => {
    try {
      return readFileSync(join(root, p), 'utf8');
    } catch {
      return null;
    }
  },
});
const resolver = createPythonResolver({ rootAbs: root, files: manifests.files, manifests });
const moduleToFile = createModuleToFile(resolver, repoFiles);

describe('createModuleToFile', () => {
  it('resolves dotted names as imports from the repo root', () => {
    assert.equal(moduleToFile('tasks.ledger_common'), 'tasks/ledger_common.py');
    assert.equal(moduleToFile('tasks'), 'tasks/__init__.py');
    assert.equal(moduleToFile('batch.nightly_runner'), 'batch/nightly_runner.py');
  });

  it('falls back to the one repo file whose path ends with the name (a script folder on sys.path)', () => {
    assert.equal(moduleToFile('nightly_runner'), 'batch/nightly_runner.py');
    assert.equal(moduleToFile('backfill_history'), 'tools/backfill_history.py');
  });

  it('maps stdlib, unknown and malformed names to nothing', () => {
    assert.equal(moduleToFile('subprocess'), null);
    assert.equal(moduleToFile('email.parser'), null);
    assert.equal(moduleToFile('tasks.no_such_task'), null);
    assert.equal(moduleToFile('not a module'), null);
  });

  it('lets real -X importtime output count in the overlay, parent packages included', () => {
    const run = spawnSync('python3', ['-X', 'importtime', '-m', 'batch.nightly_runner', 'nightly'], {
      cwd: root,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: '' },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const log = join(scratch, 'importtime.log');
    writeFileSync(log, run.stderr);
    const { trace } = ingestEvidence(log, { rootAbs: root });
    const files: FileRecord[] = repoFiles.map((path) => ({ path, language: path.endsWith('.py') ? 'python' : 'other', bytes: 1, lines: 1, codeLines: 1, hash: '0', executable: false }));
    const { runtime } = overlayRuntime({ files, edges: [], traces: [trace], moduleToFile });
    assert.deepEqual(runtime.loaded, ['batch/__init__.py', 'tasks/__init__.py', 'tasks/ledger_common.py']);
    assert.ok(runtime.unmappedModules > 50, 'the stdlib modules are counted, not placed');
  });
});
