/** keyed-import-values: class paths written under a dict key the package's own loader imports by that key (neutron's provider['driver']). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { templatedNames } from '../../src/frameworks/python/keyed-import-values.js';

const cases = frameworkCases('keyed-import-values');
test('keyed-import-values: has a basic fixture', () => assert.ok(cases.includes('keyed-import-values-basic')));
// The fixture holds the negatives: a key no load reads (delta), a template over a computed list
// (epsilon), a class path whose module defines no such name (zeta) all stay dead.
for (const name of cases) test(`keyed-import-values: ${name}`, () => checkFrameworkFixture(name));

test('keyed-import-values: a template over a loop\'s tuple column names each item; a computed list names nothing', () => {
  const lines = ["    for name, driver in (('a', 'alpha.A'),", "                         ('b', 'beta.B')):", "        path = 'svc.drivers.%s' % driver", "        add({'driver': path})"];
  assert.deepEqual(templatedNames(lines, 3, 'path')?.names, ['svc.drivers.alpha.A', 'svc.drivers.beta.B']);
  assert.deepEqual(templatedNames(['    for d in names():', "        path = 'svc.%s' % d", "        add({'driver': path})"], 2, 'path'), null);
  assert.deepEqual(templatedNames(["    for d in ['x', 'y']:", "        path = 'svc.%s.%s' % (d, d)", "        add({'driver': path})"], 2, 'path'), null);
});

// Not a speed budget: the timeout only keeps a quadratic pattern from hanging the suite.
test('keyed-import-values: long runs of spaces in a loop header or an assignment finish', { timeout: 120_000 }, () => {
  const spaces = ' '.repeat(200_000);
  assert.equal(templatedNames([`    for x${spaces}y:`, `        path = 'svc.%s' % x${spaces}z`, "        add({'driver': path})"], 2, 'path'), null);
  assert.equal(templatedNames([`    for ${'a '.repeat(100_000)}:`, "        path = 'svc.%s' % a", "        add({'driver': path})"], 2, 'path'), null);
});
