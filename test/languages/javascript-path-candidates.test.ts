/** tsconfig `paths` candidates in TypeScript's order, and a specifier's bundler query dropped. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathCandidates, withoutBaseUrl, type ModuleOptions } from '../../src/languages/javascript/resolution/tsconfig.js';
import { withoutQuery } from '../../src/languages/javascript/resolution/specifier.js';

const options = (paths: Record<string, string[]>, baseUrl: string | null = null): ModuleOptions => ({
  paths, pathsBase: 'app', baseUrl, moduleSuffixes: null, rootDirs: null, customConditions: null, module: null,
});

test('an exact pattern beats a wildcard, the longest prefix wins, a tie keeps the first declared', () => {
  const o = options({ '*': ['vendor/*'], '@ui/*': ['ui/*'], '@ui/button': ['ui/button/index'], '@u*': ['u/*'], '@ui/*x': ['other/*'] });
  assert.deepStrictEqual(pathCandidates('@ui/button', o), ['app/ui/button/index']);
  assert.deepStrictEqual(pathCandidates('@ui/card', o), ['app/ui/card']);
  assert.deepStrictEqual(pathCandidates('@uix', o), ['app/u/ix']);
  assert.deepStrictEqual(pathCandidates('lodash', o), ['app/vendor/lodash']);
  // '@ui/*' and '@ui/*x' both match with the same prefix: the first one declared stays
  assert.deepStrictEqual(pathCandidates('@ui/boxx', o), ['app/ui/boxx']);
});

test('baseUrl adds its own candidate after the paths, and withoutBaseUrl drops it', () => {
  const o = options({ '@/*': ['src/*'] }, 'app/base');
  assert.deepStrictEqual(pathCandidates('@/x', o), ['app/src/x', 'app/base/@/x']);
  assert.deepStrictEqual(pathCandidates('@/x', withoutBaseUrl(o)), ['app/src/x']);
  assert.deepStrictEqual(pathCandidates('other', o), ['app/base/other']);
  assert.deepStrictEqual(Object.keys(withoutBaseUrl(o)), Object.keys(o));
});

test('withoutQuery drops a query, never a leading one', () => {
  assert.equal(withoutQuery('./styles.css?inline'), './styles.css');
  assert.equal(withoutQuery('./worker.js?worker&url'), './worker.js');
  assert.equal(withoutQuery('./plain.js'), './plain.js');
  assert.equal(withoutQuery('?raw'), '?raw');
  assert.equal(withoutQuery(''), '');
});
