/**
 * Stop 61 (issue 19): runFrameworks skips the readers of Python source alone (PYTHON_SOURCE_READERS,
 * frameworks/index.ts) in a repo without a .py file. The set rests on a claim about each reader: in
 * such a repo its enabledBy is null anyway. Both are checked here: the claim on a JS repo that spells
 * what the readers look for (celery, graphene, a settings module, __init__ and manage names), and
 * that the gate keeps the reader from being asked at all there, and asks it once a .py file is present.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PYTHON_READERS_WITHOUT_SOURCE, PYTHON_SOURCE_READERS, READERS } from '../../src/frameworks/index.js';
import { runFrameworks } from '../../src/frameworks/run.js';
import { Manifests } from '../../src/manifests/store.js';
import type { FrameworkContext, FrameworkReader } from '../../src/frameworks/types.js';

const JS_TEXT = "import celery from 'celery';\nimport graphene from 'graphene';\nconst settings = require('./settings');\n__import__(name);\nimportlib.import_module(x);\n";

const contextOf = (paths: string[]): FrameworkContext => {
  const files = new Set(paths);
  const manifests = new Manifests({ files, readText: (p) => (files.has(p) ? (p.endsWith('.json') ? '{"name":"x"}' : JS_TEXT) : null) });
  return { files, readText: manifests.text, manifests, facts: () => undefined, commands: [], entries: [], module: () => [] };
};

const JS_REPO = ['package.json', 'settings.js', 'manage.js', 'src/__init__.js', 'src/celery.js', 'src/tasks.ts', 'tests/test_app.js', 'conftest.js', 'alembic.js', 'src/plugins/index.js'];

test('every reader of Python source alone is off in a repo without a .py file (the claim the gate rests on)', () => {
  assert.ok(PYTHON_SOURCE_READERS.size > 20);
  const ctx = contextOf(JS_REPO);
  for (const reader of PYTHON_SOURCE_READERS) {
    assert.equal(reader.ecosystem, 'python', reader.id);
    assert.equal(reader.enabledBy(ctx), null, reader.id);
  }
});

test('runFrameworks does not ask a Python-source reader without a .py file, and asks it with one', () => {
  const [reader] = [...PYTHON_SOURCE_READERS] as FrameworkReader[];
  const original = reader.enabledBy;
  let asked = 0;
  reader.enabledBy = () => {
    asked++;
    return null;
  };
  try {
    runFrameworks(contextOf(JS_REPO), [reader]);
    assert.equal(asked, 0);
    runFrameworks(contextOf([...JS_REPO, 'tools/gen.py']), [reader]);
    assert.equal(asked, 1);
  } finally {
    reader.enabledBy = original;
  }
});

test('every Python reader is classified: skipped without Python source, or named with why it may say yes without a .py', () => {
  const python = READERS.filter((r) => r.ecosystem === 'python');
  const unclassified = python.filter((r) => PYTHON_SOURCE_READERS.has(r) === PYTHON_READERS_WITHOUT_SOURCE.has(r)).map((r) => r.id);
  // Empty: a new Python reader must join PYTHON_SOURCE_READERS or PYTHON_READERS_WITHOUT_SOURCE (frameworks/index.ts), and none may be in both.
  assert.deepEqual(unclassified, []);
  for (const reader of [...PYTHON_SOURCE_READERS, ...PYTHON_READERS_WITHOUT_SOURCE.keys()]) assert.ok(READERS.includes(reader), `${reader.id} is run`);
});
