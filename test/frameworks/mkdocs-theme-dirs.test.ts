/** The mkdocs-theme-dirs reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('mkdocs-theme-dirs');
test('mkdocs-theme-dirs: has a basic fixture', () => assert.ok(cases.includes('mkdocs-theme-dirs-basic')));
for (const name of cases) test(`mkdocs-theme-dirs: ${name}`, () => checkFrameworkFixture(name));
