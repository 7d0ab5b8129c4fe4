/** The generated-requires reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('generated-requires');
test('generated-requires: has a basic fixture', () => assert.ok(cases.includes('generated-requires-basic')));
for (const name of cases) test(`generated-requires: ${name}`, () => checkFrameworkFixture(name));
