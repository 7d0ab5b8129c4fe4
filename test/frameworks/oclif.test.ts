/** The oclif reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('oclif');
test('oclif: has a source and a manifest fixture', () => assert.deepEqual(cases, ['oclif-manifest', 'oclif-source']));
for (const name of cases) test(`oclif: ${name}`, () => checkFrameworkFixture(name));
