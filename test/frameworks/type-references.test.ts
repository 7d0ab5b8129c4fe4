/** The type-references reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('type-references');
test('type-references: has a basic fixture', () => assert.ok(cases.includes('type-references-basic')));
for (const name of cases) test(`type-references: ${name}`, () => checkFrameworkFixture(name));
