/** Modules run by `python -m` with a name completed from a package prefix (twisted's test_stdio.py), on a fixture repo with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { holdsModulePrefixArg } from '../../src/languages/python/text-marks.js';

const cases = frameworkCases('python-module-prefix-args');
test('python-module-prefix-args: has a basic fixture', () => assert.ok(cases.includes('python-module-prefix-args-basic')));
for (const name of cases) test(`python-module-prefix-args: ${name}`, () => checkFrameworkFixture(name));

test('python-module-prefix-args: the text mark finds the pair over lines, in str or bytes, and only with a prefix that is completed', () => {
  assert.equal(holdsModulePrefixArg('args = [sys.executable, b"-m",\n    b"tw.test." + name]'), true);
  assert.equal(holdsModulePrefixArg("args = ['-m', 'pkg.sub.' + name]"), true);
  assert.equal(holdsModulePrefixArg("args = ['-m', 'pkg.sub.mod']"), false);
  assert.equal(holdsModulePrefixArg("args = ['-m', 'pkg.sub' + name]"), false);
  assert.equal(holdsModulePrefixArg("x = 'a-m', 'pkg.' + y"), false);
  assert.equal(holdsModulePrefixArg('args = [pyExe, b"-u", b"-m", scriptPath]'), true);
  assert.equal(holdsModulePrefixArg('args = [pyExe, "-m", scriptPath.x]'), false);
});
