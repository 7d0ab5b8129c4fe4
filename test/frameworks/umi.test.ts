/** The umi reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('umi');
test('umi: has config-routes and convention-routing fixtures', () => assert.deepEqual(cases, ['umi-convention', 'umi-routes']));
for (const name of cases) test(`umi: ${name}`, () => checkFrameworkFixture(name));
