/** graphene/strawberry types named by their import path, on a fixture repo with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('graphql-lazy-types');
test('graphql-lazy-types: has a basic fixture', () => assert.ok(cases.includes('graphql-lazy-types-basic')));
for (const name of cases) test(`graphql-lazy-types: ${name}`, () => checkFrameworkFixture(name));
