/** The http-web-roots reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('http-web-roots');
test('http-web-roots: has a basic fixture', () => assert.ok(cases.includes('http-web-roots-basic')));
for (const name of cases) test(`http-web-roots: ${name}`, () => checkFrameworkFixture(name));
