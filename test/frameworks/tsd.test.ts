/** The tsd reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('tsd');
test('tsd: has a basic fixture', () => assert.ok(cases.includes('tsd-basic')));
for (const name of cases) test(`tsd: ${name}`, () => checkFrameworkFixture(name));
