/** The manifest-fields reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('manifest-fields');
test('manifest-fields: has a basic fixture', () => assert.ok(cases.includes('manifest-fields-basic')));
for (const name of cases) test(`manifest-fields: ${name}`, () => checkFrameworkFixture(name));
