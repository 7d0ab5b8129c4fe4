/** Stop 64: library calls that import a module by a literal name (neutron: oslo.config's `CONF.import_group('OVS', 'pkg.mod')`, os-ken's `AppManager.run_apps(['pkg.' 'app'])`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { joinedLiteral } from '../../src/frameworks/python/library-name-loads.js';

const cases = frameworkCases('library-name-loads');
// app/conf/ovs.py (import_group), app/conf/host.py (import_opt, module_str=) and app/ofapp.py (run_apps of two adjacent literals),
// with app/bridge.py it imports, are reached; app/conf/commented.py (a commented-out call), app/conf/built.py (a name built at
// run time) and app/notapp.py (a run_apps in a file that imports neither os_ken nor ryu) stay dead.
test('library-name-loads: has a basic fixture', () => assert.ok(cases.includes('library-name-loads-basic')));
for (const name of cases) test(`library-name-loads: ${name}`, () => checkFrameworkFixture(name));

test('library-name-loads: adjacent literals join; anything else is no literal', () => {
  assert.equal(joinedLiteral(`'a.b'`), 'a.b');
  assert.equal(joinedLiteral(`\n  'a.'\n  "b.c" `), 'a.b.c');
  assert.equal(joinedLiteral(`'a.' + name`), null);
  assert.equal(joinedLiteral(`NAME`), null);
  assert.equal(joinedLiteral(`f'{x}.y'`), null);
});
