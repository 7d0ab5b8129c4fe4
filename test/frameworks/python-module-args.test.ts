/** Python modules run by `-m` from an argument list built away from the spawn call, on a fixture repo with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('python-module-args');
// Stop 58 (thonny's cp_front.py:47): `"-m", "pkg.mod"` as adjacent elements names the module (a package: its __main__.py).
// Stops: a comment, a one-part name (a pytest marker), one string, a name in a variable, a module outside the repo.
test('python-module-args: has a basic fixture', () => assert.ok(cases.includes('python-module-args-basic')));
for (const name of cases) test(`python-module-args: ${name}`, () => checkFrameworkFixture(name));
// Review of stop 58: a docstring's example, `["mypy", "-m", …]` (checks, does not run) and `["git", "commit", "-m", …]` give nothing (typed,
// release, documented dead); a list headed by a Python interpreter with options before `-m`, or by `coverage run`, runs its modules (profiled, covered).
test('python-module-args: has a heads fixture', () => assert.ok(cases.includes('python-module-args-heads')));
