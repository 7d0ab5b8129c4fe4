/**
 * A Python library's import packages as production roots (a src layout from pyproject.toml, a flat
 * layout from setup.cfg's `packages = find:` without examples/), and no such roots when something
 * deploys the repo's Python code (a Dockerfile CMD naming app.wsgi); the packages and modules of an
 * installed tree's usr/lib/python3/dist-packages without any manifest; on fixture repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('python-library');
test('python-library: has src, flat, deployed, Django-project and installed-tree fixtures', () => assert.deepEqual(cases, ['python-library-deployed', 'python-library-django', 'python-library-flat', 'python-library-installed', 'python-library-src']));
for (const name of cases) test(`python-library: ${name}`, () => checkFrameworkFixture(name));
