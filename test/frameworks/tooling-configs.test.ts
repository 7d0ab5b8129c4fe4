/**
 * The tooling-config readers (husky, lint-staged, commitlint, changesets, postcss, tailwind) on one
 * fixture repo: every source file's verdict and evidence chain.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('tooling-configs');
test('tooling configs: has a basic fixture', () => assert.ok(cases.includes('tooling-configs-basic')));
for (const name of cases) test(`tooling configs: ${name}`, () => checkFrameworkFixture(name));
