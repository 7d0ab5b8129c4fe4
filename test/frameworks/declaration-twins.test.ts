/** The declaration-twins reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('declaration-twins');
test('declaration-twins: has a basic fixture', () => assert.ok(cases.includes('declaration-twins-basic')));
test('declaration-twins: has a fixture with a declarations folder mirroring the code', () => assert.ok(cases.includes('declaration-twins-mirror')));
test('declaration-twins: has a fixture whose exports pair types with code', () => assert.ok(cases.includes('declaration-twins-exports')));
test('declaration-twins: has a fixture with a published declarations folder the types field misses', () => assert.ok(cases.includes('declaration-twins-published')));
test('declaration-twins: has a fixture with vue-tsc declarations beside single-file components', () => assert.ok(cases.includes('declaration-twins-vue')));
for (const name of cases) test(`declaration-twins: ${name}`, () => checkFrameworkFixture(name));
