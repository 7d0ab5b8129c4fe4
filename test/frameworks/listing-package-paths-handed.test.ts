/**
 * Stop 65: a folder loader handed a package's folder by another module (neutron's
 * tests/unit/api/test_extensions.py:52 `extensions_path = ':'.join(neutron.tests.unit.extensions.__path__)`, given at
 * :944 to `extensions.PluginAwareExtensionManager(extensions_path, …)`, a subclass of the listing loader's class).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanDir } from '../helpers/scan-fixture.js';
import { writeScanTree, type TreeFile } from '../helpers/scan-tree.js';

/** neutron's shape: api/extensions.py holds the loader class; test files hand it a package's folder. */
const LOADER = [
  'import os', 'import importlib.util', '',
  'class ExtensionManager(object):',
  '    def __init__(self, path):',
  '        self.path = path',
  '        for p in self.path.split(":"):',
  '            self._load_all_extensions_from_path(p)', '',
  '    def _load_all_extensions_from_path(self, path):',
  '        for f in sorted(os.listdir(path)):',
  '            spec = importlib.util.spec_from_file_location(f[:-3], os.path.join(path, f))',
  '            mod = importlib.util.module_from_spec(spec)',
  '            spec.loader.exec_module(mod)', '',
  'class PluginAwareExtensionManager(ExtensionManager):',
  '    pass', '',
  'class ResourceExtension(object):',
  '    def __init__(self, path):',
  '        self.path = path', '',
].join('\n');

const tree = (test: string, extra: TreeFile[] = []): TreeFile[] => [
  ['app/__init__.py', 'python', ''],
  ['app/api/__init__.py', 'python', ''],
  ['app/api/extensions.py', 'python', LOADER],
  ['app/tests/__init__.py', 'python', ''],
  ['app/tests/exts/__init__.py', 'python', ''],
  ['app/tests/exts/foxinsocks.py', 'python', 'class Foxinsocks(object):\n    pass\n'],
  ['app/tests/other/__init__.py', 'python', ''],
  ['app/tests/other/stub.py', 'python', 'X = 1\n'],
  ['app/tests/test_extensions.py', 'python', test],
  ...extra,
];

const verdicts = async (files: TreeFile[]) => {
  const { dir } = writeScanTree('census-lpph-', files);
  const { audit } = await scanDir(dir);
  return (p: string) => audit.files.find((f) => f.path === p);
};

test('listing-package-paths-handed: a joined package folder held in a module name and handed to a subclass of the loader is listed', async () => {
  const file = await verdicts(tree([
    'import unittest', 'import app.tests.exts', 'from app.api import extensions', '',
    "extensions_path = ':'.join(app.tests.exts.__path__)", '',
    'class TestExt(unittest.TestCase):',
    '    def test_load(self):',
    '        mgr = extensions.PluginAwareExtensionManager(',
    '            extensions_path, {})',
    '        self.assertTrue(mgr)', '',
  ].join('\n')));
  const fox = file('app/tests/exts/foxinsocks.py');
  assert.equal(fox?.verdict, 'test');
  assert.match(fox?.evidence?.join('\n') ?? '', /app\/api\/extensions\.py:11 .*PluginAwareExtensionManager\(extensions_path, ':'\.join\(app\.tests\.exts\.__path__\)\) at app\/tests\/test_extensions\.py:9/);
});

test('listing-package-paths-handed: another class of the module, a path built on the folder, a name assigned twice give nothing', async () => {
  const file = await verdicts(tree([
    'import os', 'import unittest', 'import app.tests.exts', 'import app.tests.other', 'from app.api import extensions', '',
    "TWICE = ':'.join(app.tests.exts.__path__)",
    'TWICE = "/elsewhere"', '',
    'class TestExt(unittest.TestCase):',
    '    def test_load(self):',
    '        extensions.ResourceExtension(app.tests.exts.__path__[0])',
    "        extensions.ExtensionManager(os.path.join(app.tests.other.__path__[0], 'sub'))",
    '        extensions.ExtensionManager(TWICE)',
    '        # extensions.ExtensionManager(app.tests.other.__path__[0])', '',
  ].join('\n')));
  assert.equal(file('app/tests/exts/foxinsocks.py')?.verdict, 'dead');
  assert.equal(file('app/tests/other/stub.py')?.verdict, 'dead');
});

test('listing-package-paths-handed: a joined folder needs a loader that splits its path; one folder does not', async () => {
  const noSplit = LOADER.replace('for p in self.path.split(":"):', 'for p in [self.path]:');
  const file = await verdicts(tree([
    'import app.tests.exts', 'import app.tests.other', 'from app.api import extensions', '',
    "extensions.ExtensionManager(':'.join(app.tests.exts.__path__))",
    'extensions.ExtensionManager(app.tests.other.__path__[0])', '',
  ].join('\n')).map(([p, l, t]) => [p, l, p === 'app/api/extensions.py' ? noSplit : t] as TreeFile));
  assert.equal(file('app/tests/exts/foxinsocks.py')?.verdict, 'dead');
  assert.notEqual(file('app/tests/other/stub.py')?.verdict, 'dead');
});

test('listing-package-paths-handed: a hostile line of unclosed calls with folders is read within its budget, and gives nothing', { timeout: 120_000 }, async () => {
  const hostile = `X = [${'extensions.ResourceExtension(app.tests.exts.__path__[0], '.repeat(20_000)}\n`;
  const file = await verdicts(tree(['import app.tests.exts', 'from app.api import extensions', hostile].join('\n')));
  assert.equal(file('app/tests/exts/foxinsocks.py')?.verdict, 'dead');
});

// Review (s65-rv1): near-misses the first tests did not try.
test('listing-package-paths-handed: a call a docstring shows, or a held name a def assigns again, gives nothing', async () => {
  const file = await verdicts(tree([
    'import unittest', 'import app.tests.exts', 'import app.tests.other', 'from app.api import extensions', '',
    '"""How to load the test extensions:',
    '',
    '    >>> extensions.ExtensionManager(app.tests.exts.__path__[0])',
    '"""', '',
    "OTHER = app.tests.other.__path__[0]", '',
    'class TestExt(unittest.TestCase):',
    '    def test_load(self):',
    "        OTHER = '/srv/elsewhere'",
    '        extensions.ExtensionManager(OTHER)', '',
  ].join('\n')));
  assert.equal(file('app/tests/exts/foxinsocks.py')?.verdict, 'dead');
  assert.equal(file('app/tests/other/stub.py')?.verdict, 'dead');
});

// Not a speed budget: a read of the line once per call on it (2.7 s a MB, quadratic) takes hours on
// these 10 MB lines; the timeout only keeps a regression from hanging the suite.
test('listing-package-paths-handed: a hostile line of calls with no folder near them is read in linear time', { timeout: 120_000 }, async () => {
  const { folderCalls } = await import('../../src/frameworks/python/listing-package-paths-handed.js');
  const held = Array.from({ length: 32 }, (_, i) => `HELD_${i}`);
  assert.deepEqual(folderCalls(`P = pkg.__path__[0]\nX = [${'a.b('.repeat(2_500_000)}\n`, held), []);
  assert.deepEqual(folderCalls(`P = pkg.__path__[0]\nX = [${'a.b(HELD_0x, '.repeat(800_000)}\n`, held), []);
});

// Review s65-rv4: a module-level assignment was read by a lazy `\s*(.*?)\s*$`, quadratic in a run of spaces
// inside the value (a 200 KB line `X = a<spaces>b` in a file that mentions __path__: 40 s CPU, this 1 MB one:
// about 17 minutes). Not a speed budget: the timeout only keeps a regression from hanging the suite.
test('listing-package-paths-handed: an assignment with a long run of spaces in its value is read in linear time', { timeout: 120_000 }, async () => {
  const { heldFolders } = await import('../../src/frameworks/python/listing-package-paths-handed.js');
  const held = heldFolders([`X = a${' '.repeat(1_000_000)}b`, 'P = pkg.__path__[0]  ', "Q = ':'.join(pkg.sub.__path__)", 'Q = None', '    R = pkg.__path__[0]']);
  assert.deepEqual([...held].map(([name, f]) => [name, f.pkg, f.joined]), [['P', 'pkg', false]]);
});
