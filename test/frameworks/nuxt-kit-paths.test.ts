/** The nuxt-kit-paths reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('nuxt-kit-paths');
test('nuxt-kit-paths: has a module fixture and a Nuxt one', () => assert.deepEqual(cases, ['nuxt-kit-paths-basic', 'nuxt-kit-paths-nuxt']));
for (const name of cases) test(`nuxt-kit-paths: ${name}`, () => checkFrameworkFixture(name));
