/** Stop 64: a folder listing handed a package's own folder from elsewhere in its file (neutron's API extensions: `paths[core_extensions.__path__[0]]`, then `os.listdir(path)` + `spec_from_file_location`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

test('listing-package-paths: a list item counts; a call argument and a hostile line of thousands give nothing and do not hang', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-lpp-'));
  try {
    for (const d of ['app/exts', 'app/other']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['app/__init__.py', 'app/exts/__init__.py', 'app/other/__init__.py']) writeFileSync(join(dir, f), '');
    writeFileSync(join(dir, 'app/exts/one.py'), 'ONE = 1\n');
    writeFileSync(join(dir, 'app/other/two.py'), 'TWO = 2\n');
    const load = 'def load(path):\n    for f in os.listdir(path):\n        spec = util.spec_from_file_location(f[:-3], os.path.join(path, f))\n        spec.loader.exec_module(util.module_from_spec(spec))\n';
    const hostile = `X = [${'print(exts.__path__[0]), '.repeat(5000)}]\n`;
    writeFileSync(join(dir, 'app/main.py'), `import os\nfrom importlib import util\nfrom app import exts, other\n\nFOLDERS = [exts.__path__[0], "/etc/app/exts"]\nprint(other.__path__[0])\n${hostile}\n${load}\nif __name__ == "__main__":\n    for f in FOLDERS:\n        load(f)\n`);
    const { audit } = await scanDir(dir);
    const verdict = (p: string) => audit.files.find((f) => f.path === p)?.verdict;
    assert.equal(verdict('app/exts/one.py'), 'manual');
    assert.equal(verdict('app/other/two.py'), 'dead');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Review stop 64: PACKAGE_FOLDER had no left boundary, so each start inside a run of name characters scanned the rest of
// the run for `.__path__` (quadratic: a 200 KB line cost 41 s of CPU, a 900 KB one some fifteen minutes). With the
// boundary the line is read once. Without it this test blocks for minutes (the regexp runs synchronously).
test('listing-package-paths: a line of one long name before __path__[0] is read in one pass', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-lpp-'));
  try {
    mkdirSync(join(dir, 'app/exts'), { recursive: true });
    for (const f of ['app/__init__.py', 'app/exts/__init__.py']) writeFileSync(join(dir, f), '');
    writeFileSync(join(dir, 'app/exts/one.py'), 'ONE = 1\n');
    const load = 'def load(path):\n    for f in os.listdir(path):\n        spec = util.spec_from_file_location(f[:-3], os.path.join(path, f))\n        spec.loader.exec_module(util.module_from_spec(spec))\n';
    writeFileSync(join(dir, 'app/main.py'), `import os\nfrom importlib import util\nfrom app import exts\n\n${load}\nY = ${'a'.repeat(900_000)} __path__[0]\n`);
    const { audit } = await scanDir(dir);
    assert.equal(audit.files.find((f) => f.path === 'app/exts/one.py')?.verdict, 'dead');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Review stop 64: a package's folder the file puts to another use is not the folder its loader lists. The loader def
// below lists a parameter and loads each file by path; tpl's folder is a template folder joined onto (render), data's
// feeds a loader of another library; neither reaches load_plugins, so tpl/filters.py and data/rows.py stay dead.
// exts' folder, filled into a mapping that get_paths() returns to Manager(...) (the loader's class), is listed.
test('listing-package-paths: a package folder put to another use in the file is not handed to the listing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-lpp-'));
  try {
    for (const d of ['app/tpl', 'app/data', 'app/exts']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['app/__init__.py', 'app/tpl/__init__.py', 'app/data/__init__.py', 'app/exts/__init__.py']) writeFileSync(join(dir, f), '');
    writeFileSync(join(dir, 'app/tpl/filters.py'), 'X = 1\n');
    writeFileSync(join(dir, 'app/data/rows.py'), 'ROWS = []\n');
    writeFileSync(join(dir, 'app/exts/ports.py'), 'PORTS = 1\n');
    writeFileSync(join(dir, 'app/main.py'), [
      'import os', 'from importlib import util', 'import jinja2', 'from app import tpl, data, exts', '',
      'TEMPLATE_DIR = tpl.__path__[0]', '',
      'def environment():', '    d = data.__path__[0]', '    return jinja2.Environment(loader=jinja2.FileSystemLoader(d))', '',
      'def get_paths():', '    paths = {}', '    paths[exts.__path__[0]] = 1', '    return ":".join(paths)', '',
      'class Manager:', '    def __init__(self, path):', '        self._load(path)', '',
      '    def _load(self, path):', '        for f in os.listdir(path):',
      '            spec = util.spec_from_file_location(f[:-3], os.path.join(path, f))',
      '            spec.loader.exec_module(util.module_from_spec(spec))', '',
      'def render(name):', '    return environment().get_template(os.path.join(TEMPLATE_DIR, name))', '',
      'if __name__ == "__main__":', '    Manager(os.environ["PLUGINS"])', '    print(render("index.html"))',
      '    mgr = Manager(', '        get_paths())', '',
    ].join('\n'));
    const { audit } = await scanDir(dir);
    const verdict = (p: string) => audit.files.find((f) => f.path === p)?.verdict;
    assert.equal(verdict('app/tpl/filters.py'), 'dead');
    assert.equal(verdict('app/data/rows.py'), 'dead');
    assert.equal(verdict('app/exts/ports.py'), 'manual');
    const why = JSON.stringify(audit.files.find((f) => f.path === 'app/exts/ports.py'));
    assert.match(why, /loaded by app\/main\.py:22 \(os\.listdir\(path\).*line 14 names \(exts\.__path__\[0\]\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
