/** The hubot reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('hubot');
test('hubot: has a basic fixture', () => assert.ok(cases.includes('hubot-basic')));
for (const name of cases) test(`hubot: ${name}`, () => checkFrameworkFixture(name));
