/**
 * Python source a module holds in a string constant and writes to a file (buildbot-worker's tac
 * template): its top-level imports are edges from that module, on fixture repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { IMPORT_LINE } from '../../src/frameworks/python/code-templates.js';

const cases = frameworkCases('code-templates');
test('code-templates: has a tac fixture (a written template; an indented example, a docstring, an unused constant, a module that writes nothing)', () =>
  assert.ok(cases.includes('code-templates-tac')));
for (const name of cases) test(`code-templates: ${name}`, () => checkFrameworkFixture(name));

test('code-templates: an import line is read up to 500 characters; a hostile line of blanks is not scanned past that', () => {
  const lines = (body: string): string[] => [...body.matchAll(IMPORT_LINE)].map((m) => m[0]);
  assert.deepEqual(lines('x\nfrom app.bot import Worker\nimport app.a, app.b  # c\n'), ['from app.bot import Worker', 'import app.a, app.b  # c']);
  // Before the cap both arms backtracked quadratically here (review 3: 60k blanks, 6 s); a 1 MB line must not match at all.
  const blanks = ' '.repeat(1_000_000);
  assert.deepEqual(lines(`\nimport a${blanks}!\n`), []);
  assert.deepEqual(lines(`\nfrom a import b${blanks}!\n`), []);
  assert.deepEqual(lines(`\nimport a${' '.repeat(600)}\n`), []);
});
