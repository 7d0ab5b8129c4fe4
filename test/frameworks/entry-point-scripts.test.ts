/** The entry-point-scripts reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('entry-point-scripts');
test('entry-point-scripts: has an egg-info fixture', () => assert.ok(cases.includes('entry-point-scripts-egg-info')));
test('entry-point-scripts: has a fixture with the metadata beside the launcher', () => assert.ok(cases.includes('entry-point-scripts-beside-launcher')));
test('entry-point-scripts: has a fixture whose entry point is in a subpackage', () => assert.ok(cases.includes('entry-point-scripts-subpackage')));
for (const name of cases) test(`entry-point-scripts: ${name}`, () => checkFrameworkFixture(name));
