/**
 * The rendered-templates reader on fixture repos: a page a Python server renders by name passes its
 * server's kind to the scripts it loads (a page nothing renders, one only a file write names, one of
 * another folder of the same name stay manual; one a test renders is a test's).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('rendered-templates');
test('rendered-templates: has a basic fixture', () => assert.ok(cases.includes('rendered-templates-basic')));
for (const name of cases) test(`rendered-templates: ${name}`, () => checkFrameworkFixture(name));
