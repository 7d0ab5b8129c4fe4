/** The React Cosmos reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('react-cosmos');
test('react-cosmos: has a basic fixture', () => assert.ok(cases.includes('react-cosmos-basic')));
for (const name of cases) test(`react-cosmos: ${name}`, () => checkFrameworkFixture(name));
