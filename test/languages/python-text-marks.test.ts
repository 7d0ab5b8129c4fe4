/**
 * The words some Python readers pre-test every .py file for, recorded at extraction
 * (languages/python/text-marks.ts, issue 19): each mark is a superset of its reader's own test on
 * the text, so a reader that skips an unmarked file skips only files it would have found nothing in;
 * and the readers do skip them (each test below that counts reads fails without the gate).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mayHoldPythonMark, pythonTextMarksOf, RUNS_SOURCE_TEXT, TextWord, textWordsOf } from '../../src/languages/python/text-marks.js';
import { pythonExtractor } from '../../src/languages/python/extract.js';
import { protocolLoads } from '../../src/frameworks/python/protocol-attributes.js';
import protocolAttributes from '../../src/frameworks/python/protocol-attributes.js';
import finderPackagePaths from '../../src/frameworks/python/finder-package-paths.js';
import sourceTextImports from '../../src/frameworks/python/source-text-imports.js';
import type { FileFacts } from '../../src/model/facts.js';
import type { FrameworkContext, FrameworkReader } from '../../src/frameworks/types.js';

test('python text marks: the words a text holds, in comments and strings too', () => {
  assert.deepEqual(pythonTextMarksOf('m = importlib.import_module(name)\n'), ['import_']);
  assert.deepEqual(pythonTextMarksOf('# __import__(x) and pkg.__path__\n'), ['import_', '__path__']);
  assert.deepEqual(pythonTextMarksOf('interp.runsource("from pkg import mod\\n")\n'), ['runs-source']);
  assert.deepEqual(pythonTextMarksOf('import os\nfrom a import b\nre.compile("x")\n'), []);
});

test('python text marks: recorded by the extractor only for the text a reader reads (asRead)', () => {
  assert.deepEqual(pythonExtractor.extract('pkg/a.py', 'import importlib\nm = importlib.import_module(n)\n', true).textMarks, ['import_']);
  assert.deepEqual(pythonExtractor.extract('pkg/b.py', 'x = 1\n', true).textMarks, []);
  assert.equal(pythonExtractor.extract('pkg/c.py', 'm = importlib.import_module(n)\n').textMarks, undefined);
  assert.equal(mayHoldPythonMark(undefined, '__path__'), true);
  assert.equal(mayHoldPythonMark([], '__path__'), false);
});

test('python text marks: a superset of each reader\'s own test on the text (property)', () => {
  const parts = fc.constantFrom(
    'm', ' = ', 'import_module', 'importlib.import_module', '__import__', 'import_string', 'import_', '(', ')', 'name', "'a.b'", '\n', '    ',
    'hasattr(m, ', "'__plugins__'", 'm.__hooks__', '__path__', 'find_spec(', 'exec', 'runsource', 'push', 'compile', '"', "'", "''", '\\n', 'from ', 'import ', 'x ', '#', 'def f(n):\n',
  );
  fc.assert(
    fc.property(fc.array(parts, { maxLength: 30 }).map((p) => p.join('')), (text) => {
      const marks = pythonTextMarksOf(text);
      if (protocolLoads(text).length > 0) assert.ok(marks.includes('import_'), JSON.stringify(text));
      assert.equal(marks.includes('__path__'), text.includes('__path__'), JSON.stringify(text));
      assert.equal(marks.includes('runs-source'), RUNS_SOURCE_TEXT.test(text), JSON.stringify(text));
    }),
    { numRuns: 5000, seed: 19 },
  );
});

test('python text marks: each mark is exactly its plain test, overlapping words too (property)', () => {
  // The marks are found by one pass for both words and a cheap necessary tail before RUNS_SOURCE_TEXT:
  // the same set as the two includes and the pattern alone.
  const plain = (text: string): string[] =>
    [text.includes('import_') && 'import_', text.includes('__path__') && '__path__', RUNS_SOURCE_TEXT.test(text) && 'runs-source'].filter((m): m is string => m !== false);
  assert.deepEqual(pythonTextMarksOf('import__path__'), ['import_', '__path__']);
  assert.deepEqual(pythonTextMarksOf('__path__ import_'), ['import_', '__path__']);
  assert.deepEqual(pythonTextMarksOf('x(  "import y")\nexec("import y")'), ['runs-source']);
  const parts = fc.constantFrom('import', '_', '__', 'path', '__path__', 'import_', 'exec', 'push', 'xexec', ' ', '(', '"', "'", "''", 'r', 'U', '\\n', '\n', 'from', 'import ', 'from\t', 'a');
  fc.assert(
    fc.property(fc.array(parts, { maxLength: 24 }).map((p) => p.join('')), (text) => {
      assert.deepEqual(pythonTextMarksOf(text), plain(text), JSON.stringify(text));
    }),
    { numRuns: 5000, seed: 60 },
  );
});

test('python text words: one pass answers each of the three words as its own includes, overlapping too (property)', () => {
  // `__file__` (FileFacts.mentionsFile) rides on the word marks' pass (issue 19, stop 61).
  const plain = (text: string): number =>
    (text.includes('import_') ? TextWord.Import : 0) | (text.includes('__path__') ? TextWord.Path : 0) | (text.includes('__file__') ? TextWord.File : 0);
  assert.equal(textWordsOf('__path__file__'), TextWord.Path | TextWord.File);
  assert.equal(textWordsOf('import__file__'), TextWord.Import | TextWord.File);
  assert.equal(textWordsOf('os.path.dirname(__file__)'), TextWord.File);
  assert.equal(pythonExtractor.extract('pkg/d.py', 'import os\nHERE = os.path.dirname(__file__)\n').mentionsFile, true);
  assert.equal(pythonExtractor.extract('pkg/e.py', 'import os\nHERE = __fil__\n').mentionsFile, undefined);
  const parts = fc.constantFrom('import', '_', '__', 'path', 'file', '__path__', '__file__', 'import_', 'fil', ' ', 'a', '\n');
  fc.assert(
    fc.property(fc.array(parts, { maxLength: 24 }).map((p) => p.join('')), (text) => {
      assert.equal(textWordsOf(text), plain(text), JSON.stringify(text));
    }),
    { numRuns: 5000, seed: 61 },
  );
});

test('python text marks: runs-source tried at each parenthesis is the pattern over the whole text (property)', () => {
  assert.deepEqual(pythonTextMarksOf('((exec(  r"""\\nimport y")'), ['runs-source']);
  assert.deepEqual(pythonTextMarksOf('exec ("import y")'), ['runs-source']);
  assert.deepEqual(pythonTextMarksOf('exec("x"); ("import y")'), []);
  const parts = fc.constantFrom('exec', 'compile', ' ', '(', '((', ')', '"', "'", '"""', 'r', 'U', '\\n', '\n', '\t', 'from', 'import', ' import ', 'from ', 'x', '#');
  fc.assert(
    fc.property(fc.array(parts, { maxLength: 24 }).map((p) => p.join('')), (text) => {
      assert.equal(pythonTextMarksOf(text).includes('runs-source'), RUNS_SOURCE_TEXT.test(text), JSON.stringify(text));
    }),
    { numRuns: 5000, seed: 61 },
  );
});

/** A scan of `texts` with the extractor's facts (marks dropped for `unmarked`), counting each file the readers read. */
const contextOf = (texts: Record<string, string>, unmarked: readonly string[] = []): { ctx: FrameworkContext; reads: string[] } => {
  const facts = new Map<string, FileFacts>();
  for (const [path, text] of Object.entries(texts)) {
    const f = pythonExtractor.extract(path, text, true);
    if (unmarked.includes(path)) delete f.textMarks;
    facts.set(path, f);
  }
  const reads: string[] = [];
  const read = (path: string): string | null => {
    reads.push(path);
    return texts[path] ?? null;
  };
  const files = new Set(Object.keys(texts));
  const module = (name: string): string[] => [`${name.replace(/\./g, '/')}.py`, `${name.replace(/\./g, '/')}/__init__.py`].filter((f) => files.has(f));
  const ctx = { files, facts: (p: string) => facts.get(p), readText: read, manifests: { transientText: read }, module, entries: [], commands: [] };
  return { ctx: ctx as unknown as FrameworkContext, reads };
};

const run = (reader: FrameworkReader, ctx: FrameworkContext): string[] => {
  if (reader.enabledBy(ctx) === null) return [];
  return reader.collect(ctx).references.map((r) => `${r.from} -> ${r.target}`);
};

test('python text marks: protocol-attributes reads only the files whose text may hold a computed import', () => {
  const texts = {
    'plug/__init__.py': '',
    'plug/loader.py': "import importlib\n\ndef load(name):\n    module = importlib.import_module(name)\n    if hasattr(module, '__plugins__'):\n        return module.__plugins__\n",
    'plug/auto.py': "__plugins__ = ('check',)\n",
    'other/__init__.py': '',
    'other/views.py': 'def view():\n    return 1\n',
  };
  const { ctx, reads } = contextOf(texts);
  assert.deepEqual(run(protocolAttributes, ctx), ['plug/loader.py -> plug/auto.py']);
  assert.ok(!reads.includes('other/views.py'), reads.join(', '));
  // A file extraction recorded no marks for (not plain UTF-8) is read as before.
  const unknown = contextOf(texts, ['other/views.py']);
  run(protocolAttributes, unknown.ctx);
  assert.ok(unknown.reads.includes('other/views.py'));
});

test('python text marks: finder-package-paths and source-text-imports read only marked files', () => {
  const texts = {
    'app/__init__.py': '',
    'app/shell.py': 'def start(interp):\n    interp.runsource("from app import helpers\\n")\n',
    'app/helpers.py': 'def helper():\n    return 2\n',
    'app/views.py': 'import re\nPATTERN = re.compile("x")\n',
  };
  const finder = contextOf(texts);
  run(finderPackagePaths, finder.ctx);
  assert.deepEqual(finder.reads, []);
  const source = contextOf(texts);
  assert.deepEqual(run(sourceTextImports, source.ctx), ['app/shell.py -> app/__init__.py', 'app/shell.py -> app/helpers.py']);
  assert.deepEqual([...new Set(source.reads)], ['app/shell.py']);
  const unknown = contextOf(texts, ['app/views.py']);
  run(sourceTextImports, unknown.ctx);
  assert.ok(unknown.reads.includes('app/views.py'));
});
