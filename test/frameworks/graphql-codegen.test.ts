/** The graphql-codegen reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('graphql-codegen');
test('graphql-codegen: has a basic fixture', () => assert.ok(cases.includes('graphql-codegen-basic')));
for (const name of cases) test(`graphql-codegen: ${name}`, () => checkFrameworkFixture(name));
