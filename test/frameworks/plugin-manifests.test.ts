/** The plugin-manifests reader: a `[Core] Module = x` manifest's module is loaded by the host that globs the manifests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestModule } from '../../src/frameworks/python/plugin-manifests.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('plugin-manifests');
test('plugin-manifests: has a basic fixture', () => assert.ok(cases.includes('plugin-manifests-basic')));
for (const name of cases) test(`plugin-manifests: ${name}`, () => checkFrameworkFixture(name));

test('plugin-manifests: Module is read only in [Core], with = or :, any case of the key', () => {
  assert.deepEqual(manifestModule('[Core]\nName = ACLs\nModule = acls\n'), { module: 'acls', line: 3 });
  assert.deepEqual(manifestModule('[Core]\r\nmodule: pkg.sub\r\n'), { module: 'pkg.sub', line: 2 });
  assert.equal(manifestModule('[Documentation]\nModule = notes\n'), null);
  assert.equal(manifestModule('[Core]\nName = x\n[Python]\nModule = y\n'), null);
  assert.equal(manifestModule('[Core]\nModule = ../etc/x\n'), null);
});
