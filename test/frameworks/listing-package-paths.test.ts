/** Stop 64: a folder listing handed a package's own folder from elsewhere in its file (neutron's API extensions: `paths[core_extensions.__path__[0]]`, then `os.listdir(path)` + `spec_from_file_location`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';

const cases = frameworkCases('listing-package-paths');
// app/exts/trunk.py and ports.py are loaded by extensions.py's listing of the folder get_paths() names; exts/_helpers.py (private),
// exts/sub/deep.py (a subpackage: the listing loads .py files), widgets/button.py (a folder built on widgets' folder) and
// other/thing.py (lister.py lists its folder to print it; its def loads nothing) stay dead.
test('listing-package-paths: has a basic fixture', () => assert.ok(cases.includes('listing-package-paths-basic')));
for (const name of cases) test(`listing-package-paths: ${name}`, () => checkFrameworkFixture(name));

test('listing-package-paths: the extensions are reached from the script, the rest of the fixture stays dead', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'listing-package-paths-basic'));
  const verdict = (p: string) => audit.files.find((f) => f.path === p)?.verdict;
  assert.equal(verdict('app/exts/trunk.py'), 'manual');
  assert.equal(verdict('app/exts/ports.py'), 'manual');
  for (const p of ['app/exts/_helpers.py', 'app/exts/sub/deep.py', 'app/widgets/button.py', 'app/other/thing.py']) assert.equal(verdict(p), 'dead', p);
});
