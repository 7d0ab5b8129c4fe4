/** The svelte-package reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('svelte-package');
test('svelte-package: has a basic fixture', () => assert.ok(cases.includes('svelte-package-basic')));
for (const name of cases) test(`svelte-package: ${name}`, () => checkFrameworkFixture(name));
