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
  const edges = await edgesOf();
  assert.deepEqual(edges('bin/early.py', 'core.engine').filter((t) => t.endsWith('engine.py')), []);
});

test('sys.path importers: the adder imported as a name of its package (`from lateadd import setup_path`) counts', async () => {
  const edges = await edgesOf();
  assert.deepEqual(edges('bin/from_import.py', 'core.engine'), ['lateadd/core/__init__.py', 'lateadd/core/engine.py']);
});

test('sys.path importers: a package __init__ that adds a folder counts for an import of any module below it', async () => {
  const edges = await edgesOf();
  assert.deepEqual(edges('bin/pkg_init.py', 'vendlib'), ['vpkg/_vendor/vendlib.py']);
});
