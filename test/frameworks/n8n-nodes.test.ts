/** The n8n-nodes reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('n8n-nodes');
test('n8n-nodes: has a published and a source fixture', () => assert.deepEqual(cases.filter((c) => c === 'n8n-nodes-published' || c === 'n8n-nodes-source').length, 2));
for (const name of cases) test(`n8n-nodes: ${name}`, () => checkFrameworkFixture(name));
