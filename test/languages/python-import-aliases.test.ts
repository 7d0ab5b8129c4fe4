/** The import aliases a module makes (import-aliases.ts): meta_path redirect hooks and sys.modules assignments. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importAliasesIn } from '../../src/languages/python/resolve/import-aliases.js';
import type { ImportFact } from '../../src/model/facts.js';

const HOOK = `import sys

class Redirect(object):
    def __init__(self, name, packages):
        self.packages = packages

    def find_spec(self, fullname, path, target=None):
        return None


def install():
    hook = Redirect(
        "app.packages", ["senf", 'raven'])
    sys.meta_path.insert(0, hook)
`;

const imp = (specifier: string, alias?: string): ImportFact => ({ specifier, syntax: 'import', line: 1, names: [], guard: null, ...(alias ? { alias } : {}) });
const from = (specifier: string, name: string, alias?: string): ImportFact => ({ specifier, syntax: 'from', line: 1, names: [{ name, ...(alias ? { alias } : {}) }], guard: null });

test('import aliases: a meta_path hook of the file with a literal package and names aliases each name', () => {
  const got = importAliasesIn('app/_import.py', HOOK, []);
  assert.deepEqual(got.map((a) => [a.name, a.target, a.line]), [['senf', 'app.packages.senf', 12], ['raven', 'app.packages.raven', 12]]);
  assert.match(got[0].how, /Redirect\("app\.packages", \[…\]\) in app\/_import\.py:12/);
});

test('import aliases: no hook without a finder class of the file, a meta_path insert, or an all-literal list', () => {
  assert.deepEqual(importAliasesIn('a.py', HOOK.replace('def find_spec', 'def lookup'), []), []);
  assert.deepEqual(importAliasesIn('a.py', HOOK.replace('sys.meta_path.insert(0, hook)', 'hooks.append(hook)'), []), []);
  assert.deepEqual(importAliasesIn('a.py', HOOK.replace(`'raven'`, 'extra'), []), []);
  // A call of another callable with the same argument shape is no hook.
  assert.deepEqual(importAliasesIn('a.py', HOOK.replace('hook = Redirect(', 'hook = Other('), []), []);
});

test('import aliases: sys.modules["x"] = a module the file imported', () => {
  const text = 'import sys\nfrom . import six\nimport app.vendor.yaml as vyaml\nsys.modules["six"] = six\nsys.modules[\'yaml\'] = vyaml  # vendored\nsys.modules["me"] = sys\nsys.modules["other"] = unknown\nsys.modules["x"] = make()\n';
  const got = importAliasesIn('app/vendor/__init__.py', text, [imp('sys'), from('.', 'six'), imp('app.vendor.yaml', 'vyaml')]);
  // `me` stands for the stdlib's sys: kept here, the resolver finds no repo file for it.
  assert.deepEqual(got.map((a) => [a.name, a.target, a.line]), [['six', '.six', 4], ['yaml', 'app.vendor.yaml', 5], ['me', 'sys', 6]]);
});

test('import aliases: a module put back under its own name is no alias', () => {
  assert.deepEqual(importAliasesIn('a.py', 'import sys\nimport six\nsys.modules["six"] = six\n', [imp('sys'), imp('six')]), []);
});

test('import aliases: a file that runs only under test makes test-only ones (cinder tests/…/vnx/__init__.py:25 swaps in a fake storops)', () => {
  const text = 'import sys\nfrom cinder.tests.unit.volume.drivers.dell_emc.vnx import fake_storops\nsys.modules["storops"] = fake_storops\n';
  const imports = [imp('sys'), from('cinder.tests.unit.volume.drivers.dell_emc.vnx', 'fake_storops')];
  const testOnly = (path: string): boolean[] => importAliasesIn(path, text, imports).map((a) => a.testOnly);
  for (const path of ['cinder/tests/unit/volume/drivers/dell_emc/vnx/__init__.py', 'tests/__init__.py', 'app/test_swap.py', 'app/conftest.py', 'app/unittests/base.py']) {
    assert.deepEqual(testOnly(path), [true], path);
  }
  // Where the stop is: the same swap in a package's own module, or in a folder merely named like
  // a test folder (`contests/`), holds for every run.
  assert.deepEqual(testOnly('cinder/volume/drivers/dell_emc/vnx/__init__.py'), [false]);
  assert.deepEqual(testOnly('app/contests/__init__.py'), [false]);
  // Review 3: a name that merely ends or starts like a test's is a production module's.
  for (const path of ['app/latest.py', 'app/contest.py', 'app/testimonials.py', 'app/attest.py']) assert.deepEqual(testOnly(path), [false], path);
  for (const path of ['app/swap_test.py', 'app/tests.py', 'app/test.py']) assert.deepEqual(testOnly(path), [true], path);
});
