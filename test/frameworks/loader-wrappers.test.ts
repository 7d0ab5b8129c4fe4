/**
 * Modules loaded through a repo's own loader functions (a package listed, a folder listed or
 * loaded by path, a module name handed through methods), on fixture repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('python-loader-wrappers');
for (const c of ['package', 'folder', 'methods', 'caller-folder', 'class-attrs', 'built-folder']) test(`loader-wrappers: has a ${c} fixture`, () => assert.ok(cases.includes(`python-loader-wrappers-${c}`)));
for (const name of cases) test(`loader-wrappers: ${name}`, () => checkFrameworkFixture(name));
