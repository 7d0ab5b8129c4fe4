/**
 * Python source a module holds in a string constant and writes to a file (buildbot-worker's tac
 * template): its top-level imports are edges from that module, on fixture repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('code-templates');
test('code-templates: has a tac fixture (a written template; an indented example, a docstring, an unused constant, a module that writes nothing)', () =>
  assert.ok(cases.includes('code-templates-tac')));
for (const name of cases) test(`code-templates: ${name}`, () => checkFrameworkFixture(name));
