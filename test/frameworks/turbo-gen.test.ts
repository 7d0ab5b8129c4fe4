/** The Turborepo generators reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('turbo-gen');
// the root's and two workspaces' configs (turbo at the root, @turbo/gen in one workspace); one with no turbo anywhere
test('turbo-gen: has its fixtures', () => assert.deepEqual(cases, ['turbo-gen-without-turbo', 'turbo-gen-workspaces']));
for (const name of cases) test(`turbo-gen: ${name}`, () => checkFrameworkFixture(name));
