/** The manifest-folder-plugins reader: a package folder holding the manifest a host walks for (Uranium's plugin.json) is loaded by that host. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectManifestFolderPlugins, hostsIn, manifestFolders, mayImportByComputedName } from '../../src/frameworks/python/manifest-folder-plugins.js';
import { Manifests } from '../../src/manifests/store.js';
import type { FrameworkContext } from '../../src/frameworks/types.js';
import type { FileFacts } from '../../src/model/facts.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('manifest-folder-plugins');
test('manifest-folder-plugins: has a basic fixture', () => assert.ok(cases.includes('manifest-folder-plugins-basic')));
for (const name of cases) test(`manifest-folder-plugins: ${name}`, () => checkFrameworkFixture(name));

test('manifest-folder-plugins: a manifest name counts only beside __init__.py, in at least two folders', () => {
  const files = new Set([
    'plugins/A/__init__.py',
    'plugins/A/plugin.json',
    'plugins/B/deep/__init__.py',
    'plugins/B/deep/plugin.json',
    'plugins/C/plugin.json', // no __init__.py: not a package, nothing to import
    'themes/dark/__init__.py',
    'themes/dark/theme.json', // one folder only: one package's data
    'pkg/__init__.py',
    'pkg/setup.py',
  ]);
  assert.deepEqual([...manifestFolders(files)], [['plugin.json', ['plugins/A', 'plugins/B/deep']]]);
});

test('manifest-folder-plugins: a host names the manifest, lists folders and imports by a computed name, all in code', () => {
  const hosts = (text: string) => [...hostsIn('host.py', text, new Set(['plugin.json', 'config.json']))].map(([name, h]) => [name, h.nameLine, h.importLine, h.importCall]);
  const walk = 'import os, imp\n\ndef scan(top):\n    for root, dirs, files in os.walk(top):\n        if "plugin.json" in files:\n            load(root)\n\ndef load(root):\n    return imp.find_module(os.path.basename(root), [root])\n';
  assert.deepEqual(hosts(walk), [['plugin.json', 5, 9, 'find_module']]);
  // named far from the listing still counts: tryton reads 'tryton.cfg' at modules/__init__.py:85 and lists MODULES_PATH at :313
  assert.deepEqual(hosts(`import os, importlib\nCONFIG = 'config.json'\n${'\n'.repeat(20)}names = os.listdir(here)\nmod = importlib.import_module(name)\n`), [['config.json', 2, 24, 'import_module']]);
  // the loader as a comment, or no computed import in code
  assert.deepEqual(hosts('import os\n# for r, d, f in os.walk(top):\n#     if "plugin.json" in f: importlib.import_module(r)\n'), []);
  assert.deepEqual(hosts(walk.replace('imp.find_module(', 'find(')), []);
});

test('manifest-folder-plugins: a file with many quoted names is read in one pass, whatever the number of manifest names', { timeout: 120_000 }, () => {
  const names = new Set(Array.from({ length: 50_000 }, (_, i) => `m${i}.json`));
  const text = `import os, importlib\nfor r, d, f in os.walk(top):\n    importlib.import_module(r)\n${Array.from({ length: 50_000 }, (_, i) => `x = "m${i}.json"\n`).join('')}`;
  assert.equal(hostsIn('host.py', text, names).size, 50_000);
});

test('manifest-folder-plugins: the sweep of Python files reads each text without keeping it in the scan\'s store', () => {
  // ctx.readText keeps what it reads to the end of the scan; this sweep reads every .py once a manifest
  // name repeats (saleor x22 held 95,000 texts: peak RSS 1.43 -> 2.15 GB), so it reads and lets go.
  const repo: Record<string, string> = {
    'plugins/A/__init__.py': '',
    'plugins/A/plugin.json': '{}',
    'plugins/B/__init__.py': '',
    'plugins/B/plugin.json': '{}',
    'host.py': 'import os, imp\nfor root, dirs, files in os.walk(top):\n    if "plugin.json" in files:\n        imp.find_module(os.path.basename(root), [root])\n',
    'other.py': 'print(1)\n',
  };
  const manifests = new Manifests({ files: new Set(Object.keys(repo)), readText: (p) => repo[p] ?? null });
  const ctx = { files: manifests.files, readText: manifests.text, manifests, facts: () => undefined, commands: [], entries: [], module: () => [] } as unknown as FrameworkContext;
  const out = collectManifestFolderPlugins(ctx);
  assert.deepEqual(out.references.map((r) => [r.from, r.target]), [['host.py', 'plugins/A/__init__.py'], ['host.py', 'plugins/B/__init__.py']]);
  assert.deepEqual(manifests.readPaths().filter((p) => p.endsWith('.py')), []);
});

test('manifest-folder-plugins: a Python file is read as a possible host only when its facts leave room for a computed import', () => {
  const facts = (specifiers: string[], computed?: number[]) =>
    ({ imports: specifiers.map((specifier) => ({ specifier, syntax: 'import', line: 1, names: [], guard: null })), ...(computed ? { computedImportLines: computed } : {}) }) as unknown as FileFacts;
  assert.equal(mayImportByComputedName(undefined), true); // no facts: the text decides
  assert.equal(mayImportByComputedName(facts(['os'], [4])), true); // a computed __import__/import_module
  for (const loader of ['imp', 'importlib', 'importlib.util', 'importlib.machinery', 'pkgutil', 'zipimport']) assert.equal(mayImportByComputedName(facts(['os', loader])), true, loader);
  assert.equal(mayImportByComputedName(facts(['os', 'json', 'importlibx', 'myimp'])), false);
});
