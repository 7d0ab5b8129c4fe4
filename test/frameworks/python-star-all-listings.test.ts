/**
 * Star imports of a package whose `__init__.py` builds `__all__` from a listing of its own folder
 * (glob.glob1, a glob comprehension, pkgutil.iter_modules(__path__)), on fixture repos: the listed
 * modules are loaded by the star import; the same `__all__` with no star import, a listing that does
 * not feed `__all__`, and a listing of another folder load nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { concatAsJoin } from '../../src/frameworks/python/folder-loaders.js';

const cases = frameworkCases('python-star-all-listings');
test('python-star-all-listings: has the glob1 and comprehension fixtures', () => {
  for (const name of ['glob1', 'comprehension']) assert.ok(cases.includes(`python-star-all-listings-${name}`), name);
});
for (const name of cases) test(`python-star-all-listings: ${name}`, () => checkFrameworkFixture(name));

test('concatAsJoin reads `HEAD + "/tail"` as a join; other sums stay as written', () => {
  assert.equal(concatAsJoin('dirname(__file__) + "/*.py"'), 'os.path.join(dirname(__file__), "*.py")');
  assert.equal(concatAsJoin("os.path.dirname(__file__)+'/plugins/*.py'"), 'os.path.join(os.path.dirname(__file__), "plugins/*.py")');
  assert.equal(concatAsJoin('base + name'), 'base + name');
  assert.equal(concatAsJoin('prefix + "x" + "/*.py"'), 'prefix + "x" + "/*.py"');
  assert.equal(concatAsJoin('"/abs" + "/*.py"'), '"/abs" + "/*.py"');
});

// A hostile argument (callArguments hands at most 600 characters, concatAsJoin is exported for any
// caller): the old lazy-head pattern backtracked quadratically on a run of spaces, 200,000 of them
// about five minutes; split by hand it is one pass. The timeout is a hang guard, not a budget.
test('concatAsJoin on a long run of spaces returns at once', { timeout: 120_000 }, () => {
  const spaces = ' '.repeat(200_000);
  assert.equal(concatAsJoin(`a${spaces}b`), `a${spaces}b`);
  assert.equal(concatAsJoin(`a${spaces}+ x`), `a${spaces}+ x`);
  assert.equal(concatAsJoin(`HERE${spaces}+ '/*.py'`), 'os.path.join(HERE, "*.py")');
});
