/** The package-root-constants reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('package-root-constants');
test('package-root-constants: has a basic fixture', () => assert.ok(cases.includes('package-root-constants-basic')));
for (const name of cases) test(`package-root-constants: ${name}`, () => checkFrameworkFixture(name));
