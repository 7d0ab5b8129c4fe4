/** egg: the files egg-core's loader reads by their place in each unit (app, plugin, framework), on a fixture repo with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('egg');
test('egg: has a units fixture', () => assert.ok(cases.includes('egg-units')));
for (const name of cases) test(`egg: ${name}`, () => checkFrameworkFixture(name));
