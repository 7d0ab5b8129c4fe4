/** The Pecan reader: a config module's 'root' controller, read by conf_from_file(config.__file__) or `pecan serve`, or handed over as a dict to deploy/load_app, on fixture repos with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('pecan');
test('pecan: has the scaffold and serve fixtures', () => {
  assert.ok(cases.includes('pecan-scaffold'));
  assert.ok(cases.includes('pecan-serve'));
  assert.ok(cases.includes('pecan-retired-app'));
  assert.ok(cases.includes('pecan-deploy-dict'));
  assert.ok(cases.includes('pecan-dict-alias'));
  // Stop 57: a root named by a literal in make_app/Pecan itself (ceph-mgr's restful); a name and another make_app name nothing.
  assert.ok(cases.includes('pecan-literal-root'));
});
for (const name of cases) test(`pecan: ${name}`, () => checkFrameworkFixture(name));
