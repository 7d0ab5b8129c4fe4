/** The Prisma reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('prisma');
test('prisma: has a seed fixture', () => assert.ok(cases.includes('prisma-seed')));
for (const name of cases) test(`prisma: ${name}`, () => checkFrameworkFixture(name));
