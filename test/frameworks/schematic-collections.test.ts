/** The schematic-collections reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('schematic-collections');
test('schematic-collections: has a basic fixture', () => assert.ok(cases.includes('schematic-collections-basic')));
for (const name of cases) test(`schematic-collections: ${name}`, () => checkFrameworkFixture(name));
