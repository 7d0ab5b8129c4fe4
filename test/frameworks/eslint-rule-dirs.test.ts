/** The eslint-rule-dirs reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('eslint-rule-dirs');
test('eslint-rule-dirs: has a basic fixture', () => assert.ok(cases.includes('eslint-rule-dirs-basic')));
for (const name of cases) test(`eslint-rule-dirs: ${name}`, () => checkFrameworkFixture(name));
