/** The Eve reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('eve');
test('eve: has a basic fixture', () => assert.ok(cases.includes('eve-basic')));
// agents/<name>/ in both forms, one-file and folder extensions, an extension's lib/ left to imports
test('eve: has an agents/ fixture', () => assert.ok(cases.includes('eve-agents')));
for (const name of cases) test(`eve: ${name}`, () => checkFrameworkFixture(name));
