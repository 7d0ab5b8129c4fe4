/** Regexes from a repo (require.context filters) are compiled only when they cannot backtrack catastrophically. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regexProblem, safeRegExp } from '../../src/util/safe-regex.js';

test('ordinary filters compile; quantified groups, back-references and long patterns are refused', () => {
  for (const ok of ['\\.vue$', '^\\.\\/.*\\.(js|ts)$', '[a-z]+\\.spec\\.js$', '\\.(?:png|jpe?g)$']) assert.ok(safeRegExp(ok), ok);
  assert.equal(regexProblem('^(a+)+$'), 'a quantified group');
  assert.equal(regexProblem('(a|aa)*b'), 'a quantified group');
  assert.equal(regexProblem('(x)\\1'), 'a back-reference');
  assert.match(regexProblem('a'.repeat(201)) ?? '', /longer than 200/);
  assert.match(regexProblem('.*a.*b.*c.*d.*e') ?? '', /more than 4 unbounded/);
  assert.equal(safeRegExp('(unclosed'), null, 'invalid is refused too');
  assert.ok(safeRegExp('[(a+)+]x'), 'inside a class, parentheses and pluses are characters');
});
