/**
 * The Paste Deploy reader: the factories and class paths an api-paste.ini names are reached from
 * the code that calls paste.deploy's loadapp, else as roots of the INI, on fixture repos with
 * expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('paste-deploy');
test('paste-deploy: has the loadapp and server fixtures', () => assert.deepEqual(cases.sort(), ['paste-deploy-loadapp', 'paste-deploy-server']));
for (const name of cases) test(`paste-deploy: ${name}`, () => checkFrameworkFixture(name));
