/**
 * Python modules loaded by listing a folder and importing each by name (glances' plugins,
 * pkgutil.iter_modules in a package, a glob of the module's own folder), on fixture repos with
 * expected verdicts, and the reader's small parts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { computedLoadLines, loadedFiles, receiverBefore } from '../../src/frameworks/python/folder-loaders.js';
import { callArguments, joinArguments, literalSegments } from '../../src/frameworks/python/call-text.js';
import { pathValue, pathVariables, repoPathOf } from '../../src/languages/python/sys-path.js';

const cases = frameworkCases('python-folder-loaders');
test('python-folder-loaders: has the glances, pkgutil, glob and unsettled fixtures', () => {
  for (const name of ['glances', 'pkgutil', 'glob', 'unsettled', 'walk-exec', 'walk-name', 'ctor']) assert.ok(cases.includes(`python-folder-loaders-${name}`), name);
});
// Stop 59: the per-scan cache of imported path constants (folder-loaders' variablesOf) is keyed by the module that holds them:
// two modules' PLUGINS, read by two loaders in one scan, each lists its own folder (pkg/plugins/a.py, other/extras/c.py).
test('python-folder-loaders: has the constant-owner fixture', () => assert.ok(cases.includes('python-folder-loaders-constant-owner')));
// Stop 59: werkzeug's find_modules(__name__) in a package (lektor's admin/modules/__init__.py), a dotted literal with
// include_packages/recursive, and a plain module's __name__ (no submodules: its sibling stays dead).
test('python-folder-loaders: has the find-modules fixture', () => assert.ok(cases.includes('python-folder-loaders-find-modules')));
for (const name of cases) test(`python-folder-loaders: ${name}`, () => checkFrameworkFixture(name));

test('joinArguments reads an os.path.join call; whole: only when nothing follows it', () => {
  assert.deepEqual(joinArguments('os.path.join(paths.X, "*.py")', 0, true), ['paths.X', '"*.py"']);
  assert.deepEqual(joinArguments('x = join(a, b)', 4), ['a', 'b']);
  assert.deepEqual(joinArguments('os.path.join(a, "b") + "/c"'), ['a', '"b"']);
  assert.equal(joinArguments('os.path.join(a, "b") + "/c"', 0, true), null);
  assert.equal(joinArguments('os.path.dirname(os.path.join(a, "b"))', 0, true), null);
});

test('literalSegments splits literal arguments into path segments, refusing a name or ..', () => {
  assert.deepEqual(literalSegments(['"data/plugins"', "'.'", "r'*.py'"]), ['data', 'plugins', '*.py']);
  assert.equal(literalSegments(['"data"', 'name']), null);
  assert.equal(literalSegments(['"a/../b"']), null);
  assert.deepEqual(literalSegments([]), []);
});

test('callArguments splits at top-level commas, skipping strings, brackets and comments', () => {
  const text = 'f(os.path.join(a, "x,y"), [1, (2, 3)],  # c, d\n  \'q)\')';
  assert.deepEqual(callArguments(text, 1), ['os.path.join(a, "x,y")', '[1, (2, 3)]', "# c, d\n  'q)'"]);
  assert.deepEqual(callArguments('f()', 1), []);
  assert.equal(callArguments('f(a, "unclosed)', 1), null);
  // A triple-quoted string closed only past the argument window is no argument list (nor a scan of the rest of the file).
  assert.equal(callArguments(`f("""${'x'.repeat(2000)}""")`, 1), null);
  assert.deepEqual(callArguments('f("""a, b""", c)', 1), ['"""a, b"""', 'c']);
  assert.equal(callArguments('f(a]', 1), null);
});

test('receiverBefore reads the expression a method is called on', () => {
  const at = (text: string) => receiverBefore(text, text.lastIndexOf('.glob('));
  assert.equal(at('for f in Path(__file__).parent.glob("*.py"):'), 'Path(__file__).parent');
  assert.equal(at('x = (HERE / "plugins").glob("*.py")'), '(HERE / "plugins")');
  assert.equal(at('x = HERE.glob("*.py")'), 'HERE');
  assert.equal(at('x = ().glob("*.py")'), '()');
  assert.equal(at('.glob("*.py")'), null);
});

test('computedLoadLines: a name or path not written as a literal, outside comments', () => {
  const text = [
    'import_module("plain.module")', // 1: a literal
    'import_module(f"{__name__}.{name}")', // 2
    'import_module("." + name, __name__)', // 3
    '# __import__(name)', // 4: a comment
    'spec_from_file_location("name", "fixed.py")', // 5: a literal path
    'spec_from_file_location(name, location=path)', // 6
    'importlib.import_module(name=mod)', // 7
    '__import__(plugin[:-3])', // 8
  ].join('\n');
  assert.deepEqual(computedLoadLines(text), [2, 3, 6, 7, 8]);
});

test('loadedFiles: modules for a listing, packages for pkgutil, walk below packages, a glob by its pattern', () => {
  const files = ['p/__init__.py', 'p/a.py', 'p/b.py', 'p/notes.txt', 'p/sub/__init__.py', 'p/sub/c.py', 'p/sub/deep/__init__.py', 'p/sub/deep/d.py', 'p/ns/e.py', 'p/x_1.py'];
  const byFolder = new Map<string, string[]>();
  for (const f of files) {
    const dir = f.slice(0, f.lastIndexOf('/'));
    byFolder.set(dir, [...(byFolder.get(dir) ?? []), f].sort());
  }
  const subfolders = new Map([['p', ['p/ns', 'p/sub']], ['p/sub', ['p/sub/deep']]]);
  assert.deepEqual(loadedFiles(byFolder, subfolders, { folder: 'p', mode: 'modules' }), ['p/a.py', 'p/b.py', 'p/x_1.py']);
  assert.deepEqual(loadedFiles(byFolder, subfolders, { folder: 'p', mode: 'packages' }), ['p/a.py', 'p/b.py', 'p/x_1.py', 'p/sub/__init__.py']);
  assert.deepEqual(loadedFiles(byFolder, subfolders, { folder: 'p', mode: 'walk' }), ['p/a.py', 'p/b.py', 'p/x_1.py', 'p/sub/__init__.py', 'p/sub/c.py', 'p/sub/deep/__init__.py', 'p/sub/deep/d.py']);
  assert.deepEqual(loadedFiles(byFolder, subfolders, { folder: 'p', mode: 'glob', pattern: 'x_*.py' }), ['p/x_1.py']);
  assert.deepEqual(loadedFiles(byFolder, subfolders, { folder: 'p', mode: 'glob', pattern: '*/__init__.py' }), ['p/sub/__init__.py']);
  assert.deepEqual(loadedFiles(byFolder, subfolders, { folder: 'p', mode: 'glob', pattern: '**/*.py' }), ['p/a.py', 'p/b.py', 'p/ns/e.py', 'p/sub/__init__.py', 'p/sub/c.py', 'p/sub/deep/__init__.py', 'p/sub/deep/d.py', 'p/x_1.py']);
  assert.deepEqual(loadedFiles(byFolder, subfolders, { folder: 'missing', mode: 'packages' }), []);
});

test('pathVariables and pathValue settle a folder from __file__ through names, os.path and pathlib', () => {
  const text = [
    'import os',
    'work_path = os.path.realpath(os.path.dirname(__file__))',
    "plugins_path = os.path.realpath(os.path.join(work_path, 'plugins'))",
    'HERE = Path(__file__).resolve().parent',
    'UP = HERE.parent / "lib"',
    'ENV = os.environ["X"]',
    'work_path = compute()',
  ].join('\n');
  const vars = pathVariables(text, 'pkg/mod.py');
  assert.equal(repoPathOf(vars.get('plugins_path') ?? null), 'pkg/plugins');
  assert.equal(repoPathOf(vars.get('UP') ?? null), 'lib');
  assert.equal(vars.has('ENV'), false);
  // Reassigned to something else: forgotten from then on, known before.
  assert.equal(vars.has('work_path'), false);
  assert.equal(repoPathOf(pathVariables(text, 'pkg/mod.py', 7).get('work_path') ?? null), 'pkg');
  assert.equal(repoPathOf(pathValue('os.path.join(os.path.dirname(__file__), "*.py")', 'pkg/mod.py', new Map())), 'pkg/*.py');
  // A relative path is relative to a working folder no one knows; a path out of the repo is not the repo's.
  assert.equal(repoPathOf(pathValue('"plugins"', 'pkg/mod.py', new Map())), null);
  assert.equal(repoPathOf(pathValue('os.path.join(os.path.dirname(__file__), "..", "..")', 'pkg/mod.py', new Map())), null);
  assert.equal(repoPathOf(pathValue('os.path.dirname(__file__)', 'mod.py', new Map())), '');
});

test('computedLoadLines: compile(…, "exec") of a computed source is a load; an eval compile or a literal source is not', () => {
  const lines = ['code = compile(source, path, "exec")', 'expr = compile("1 + 1", "<e>", "eval")', 'lit = compile("x = 1", "<s>", "exec")', 'kw = compile(src, p, mode="exec")', 're.compile(pattern)', 'tree = compile(src, p, "exec", ast.PyCF_ONLY_AST)'];
  assert.deepEqual(computedLoadLines([...lines, 'exec(code, {})'].join('\n')), [1, 4]);
  // Review 4 of stop 47: compile alone checks the syntax; a load only where the file runs code by a bare exec( (not a commented one, not a method's).
  assert.deepEqual(computedLoadLines(lines.join('\n')), []);
  assert.deepEqual(computedLoadLines([...lines, '# exec(code, {})', 'runner.exec(code)'].join('\n')), []);
});

test('loopFolders: the items a listing loop variable takes, and where it stops', async () => {
  const { loopFolders, findsIn } = await import('../../src/frameworks/python/loop-folders.js');
  const { lineStarts } = await import('../../src/util/lines.js');
  const at = (text: string, line: number, name: string) => loopFolders(text, lineStarts(text), line, name);
  const mailnag = ['PATHS = [ LIB, USER ]', '', 'def load():', '    for path in PATHS:', '        if not ok(path):', '            continue', '        for f in os.listdir(path):', '            pass'].join('\n');
  assert.deepEqual(at(mailnag, 7, 'path'), { line: 4, list: 'PATHS', items: ['LIB', 'USER'] });
  const limnoria = ['def load(name):', '    dirs = conf.dirs()[:]', '    dirs.append(_pluginsDir)', '    dirs.insert(0, OTHER)', '    for dir in dirs:', '        try:', '            files.extend(os.listdir(dir))', '        except OSError:', '            pass'].join('\n');
  assert.deepEqual(at(limnoria, 7, 'dir'), { line: 5, list: 'dirs', items: ['_pluginsDir', 'OTHER'] });
  assert.deepEqual(at('for d in (A, B):\n    os.listdir(d)', 2, 'd')?.items, ['A', 'B']);
  // Rebound between the loop and the listing; a loop outside the listing's def; a computed iterable; no loop.
  assert.equal(at('for d in (A, B):\n    d = other(d)\n    os.listdir(d)', 3, 'd'), null);
  assert.equal(at('for d in (A, B):\n    pass\ndef f(d):\n    os.listdir(d)', 4, 'd'), null);
  assert.equal(at('for d in dirs():\n    os.listdir(d)', 2, 'd'), null);
  assert.equal(at('os.listdir(d)', 1, 'd'), null);
  // A list whose assignment is not seen (a parameter): no items.
  assert.deepEqual(at('def f(dirs):\n    for d in dirs:\n        os.listdir(d)', 3, 'd')?.items, []);
  assert.equal(findsIn('spec = PathFinder.find_spec(name, pluginDirs)', 'pluginDirs'), true);
  assert.equal(findsIn('info = imp.find_module(name, pluginDirs)', 'pluginDirs'), true);
  assert.equal(findsIn('info = imp.find_module(name, otherDirs)', 'pluginDirs'), false);
  assert.equal(findsIn('spec = find_spec(name)', 'pluginDirs'), false);
});

test('pathValue reads sys.modules[__name__].__file__ as __file__', () => {
  assert.equal(repoPathOf(pathValue("os.path.join(os.path.dirname(sys.modules[__name__].__file__), 'plugins')", 'bot/plugin.py', new Map())), 'bot/plugins');
  assert.equal(repoPathOf(pathValue('os.path.dirname(sys.modules[other].__file__)', 'bot/plugin.py', new Map())), null);
});
