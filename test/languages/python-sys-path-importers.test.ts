/**
 * Stop 57 review (s57-rm1): where a module's sys.path folder reaches the files importing it stops.
 * Importing a module runs its top level and every package __init__ on the way, not its __main__
 * block; and an import that ran before the adder's did not see the folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const edgesOf = async () => {
  const { audit } = await scanDir(fixturePath('python', 'sys-path-imported-stops'));
  return (from: string, specifier: string) =>
    audit.edges.filter((e) => e.from === from && e.specifier === specifier).map((e) => e.to ?? `(${e.unresolved})`).sort();
};

test('sys.path importers: a folder added under the adder\'s __main__ guard does not reach its importers', async () => {
  const edges = await edgesOf();
  assert.deepEqual(edges('bin/guarded_app.py', 'yaml'), ['(not-found)']);
});

test('sys.path importers: an import above the one that runs the adder does not look in its folder', async () => {
  const { audit } = await scanDir(fixturePath('python', 'sys-path-imported-stops'));
  const engine = (line: number) => audit.edges.filter((e) => e.from === 'bin/early.py' && e.line === line && e.to === 'lateadd/core/engine.py');
  assert.equal(engine(4).length, 0);
  // The same import in a def's body runs when the def is called, after the module's imports.
  assert.equal(engine(11).length, 1);
});

test('sys.path importers: the adder imported as a name of its package (`from lateadd import setup_path`) counts', async () => {
  const edges = await edgesOf();
  assert.deepEqual(edges('bin/from_import.py', 'core.engine'), ['lateadd/core/__init__.py', 'lateadd/core/engine.py']);
});

test('sys.path importers: a package __init__ that adds a folder counts for an import of any module below it', async () => {
  const edges = await edgesOf();
  assert.deepEqual(edges('bin/pkg_init.py', 'vendlib'), ['vpkg/_vendor/vendlib.py']);
});

test('sys.path importers (stop 60): `sys.path[0:0] = map(os.path.abspath, __path__)` of `from . import __path__` puts the package folder first (frescobaldi\'s toplevel.py)', async () => {
  const { audit } = await scanDir(fixturePath('python', 'sys-path-own-package'));
  const to = (from: string, specifier: string) => audit.edges.filter((e) => e.from === from && e.specifier === specifier).map((e) => e.to ?? `(${e.unresolved})`);
  assert.deepEqual(to('bin/app.py', 'main'), ['app_pkg/main.py']);
  // A map through basename keeps no folder: `import unused` there finds nothing, and unused.py stays dead.
  assert.deepEqual(to('bin/other_app.py', 'unused'), ['(not-found)']);
  assert.equal(audit.files.find((f) => f.path === 'app_pkg/unused.py')?.verdict, 'dead');
});
