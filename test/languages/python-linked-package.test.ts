/**
 * Stop 57: a root's top-level package that is a symlink to a folder of the tree (Debian's
 * dist-packages/supysonic -> ../../../share/supysonic) is looked up where it leads; a link below a
 * package is not, and the link makes no file of the package production by itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

test('python linked package: the command imports through dist-packages/radiod -> share/radiod; its evidence names the link', async () => {
  const { audit } = await scanDir(fixturePath('python', 'linked-package'));
  const fromCommand = audit.edges.filter((e) => e.from === 'usr/bin/radiod' && e.to !== null).map((e) => `${e.line} ${e.to}`);
  assert.deepEqual(fromCommand.sort(), [
    '2 usr/share/radiod/__init__.py',
    '2 usr/share/radiod/cli.py',
    '3 usr/share/radiod/__init__.py',
    '3 usr/share/radiod/api/__init__.py',
    '3 usr/share/radiod/api/songs.py',
  ]);
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('usr/share/radiod/cli.py'), 'production');
  assert.match((audit.files.find((f) => f.path === 'usr/share/radiod/cli.py')?.evidence ?? []).join('\n'), /mapped by the folder link usr\/lib\/python3\/dist-packages\/radiod, which points to usr\/share\/radiod/);
  // Stops: nothing imports it; a link below the package (radiod/tools -> ../other/tools) is not looked through.
  assert.equal(verdict('usr/share/radiod/unused.py'), 'dead');
  assert.notEqual(verdict('usr/share/other/tools/knife.py'), 'production');
  // uses_tools.py is itself dead, so knife's verdict cannot tell; its import must stay unresolved (rm1 of stop 57, #10).
  const throughInnerLink = audit.edges.filter((e) => e.from === 'usr/share/radiod/uses_tools.py' && e.specifier === 'radiod.tools.knife');
  assert.equal(throughInnerLink.length, 1);
  assert.equal(throughInnerLink[0]!.to, null);
});
