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
