/** The manifest-files reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('manifest-files');
test('manifest-files: has a basic fixture', () => assert.ok(cases.includes('manifest-files-basic')));
for (const name of cases) test(`manifest-files: ${name}`, () => checkFrameworkFixture(name));
