/** keyed-import-values: class paths written under a dict key the package's own loader imports by that key (neutron's provider['driver']). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('keyed-import-values');
test('keyed-import-values: has a basic fixture', () => assert.ok(cases.includes('keyed-import-values-basic')));
// The fixture holds the negatives: a key no load reads (delta), a template over a computed list
// (epsilon), a class path whose module defines no such name (zeta) all stay dead.
for (const name of cases) test(`keyed-import-values: ${name}`, () => checkFrameworkFixture(name));
