/** The static-dirs reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('static-dirs');
test('static-dirs: has a basic fixture', () => assert.ok(cases.includes('static-dirs-basic')));
for (const name of cases) test(`static-dirs: ${name}`, () => checkFrameworkFixture(name));
