import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportsKeyFor, isWithheldSubpath, targetPatternStar } from '../../src/manifests/package-exports.js';
import { exportTargets } from '../../src/languages/javascript/resolution/built-package.js';

const keys = ['.', './*', './widgets/*', './widgets/*.js', './widgets/*.draft.js', './widgets/legacy.js'];

test('package-exports: an exact key wins, then the longest part before the star, then the longest key (Node\'s order)', () => {
  assert.deepEqual(exportsKeyFor(keys, './widgets/legacy.js'), { key: './widgets/legacy.js', star: null });
  assert.deepEqual(exportsKeyFor(keys, './widgets/chart.draft.js'), { key: './widgets/*.draft.js', star: 'chart' });
  assert.deepEqual(exportsKeyFor(keys, './widgets/table.js'), { key: './widgets/*.js', star: 'table' });
  assert.deepEqual(exportsKeyFor(keys, './widgets/table'), { key: './widgets/*', star: 'table' });
  assert.deepEqual(exportsKeyFor(keys, './theme/dark'), { key: './*', star: 'theme/dark' });
  // The star stands for at least one character.
  assert.deepEqual(exportsKeyFor(['./widgets/*'], './widgets/'), null);
  assert.equal(exportsKeyFor(['.'], './other'), null);
});

test('package-exports: a subpath is withheld only when the key Node picks for it is null', () => {
  const map = { '.': './lib/main.js', './*': './lib/*.js', './internal/*': null, './hooks/*': { import: './lib/hooks/*.js', default: null } };
  assert.equal(isWithheldSubpath(map, './internal/cache'), true);
  assert.equal(isWithheldSubpath(map, './cache'), false);
  assert.equal(isWithheldSubpath(map, './hooks/use-x'), false, 'a null condition leaves the subpath to the other conditions');
});

test('package-exports: a pattern target tells what its stars stand for, the same text for every star', () => {
  assert.equal(targetPatternStar('lib/*.js')('lib/a/b.js'), 'a/b');
  assert.equal(targetPatternStar('lib/*.js')('lib/a.ts'), null);
  assert.equal(targetPatternStar('lib/*/*.js')('lib/x/x.js'), 'x');
  assert.equal(targetPatternStar('lib/*/*.js')('lib/x/y.js'), null);
});

test('package-exports: the resolver gives a withheld subpath no target, and takes the longer of two equal-prefix patterns', () => {
  const exports = { './features/*.js': './src/features/*.js', './features/*.test.js': null, './private/*': null, './*': './src/*.js' };
  assert.deepEqual(exportTargets(exports, './features/format.test.js'), []);
  assert.deepEqual(exportTargets(exports, './features/format.js'), ['./src/features/format.js']);
  assert.deepEqual(exportTargets(exports, './private/x'), []);
  assert.deepEqual(exportTargets(exports, './x'), ['./src/x.js']);
});
