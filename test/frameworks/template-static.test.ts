/** The template-static reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { staticTargets } from '../../src/frameworks/python/template-static.js';

const cases = frameworkCases('template-static');
test('template-static: has a basic fixture', () => assert.ok(cases.includes('template-static-basic')));
for (const name of cases) test(`template-static: ${name}`, () => checkFrameworkFixture(name));

test('template-static: a name is a script under a static root, else under its theme', () => {
  const files = new Set(['a/static/js/x.js', 'b/static/js/x.js', 's/static/themes/simple/js/t.js', 's/static/js/y.css']);
  assert.deepEqual(staticTargets(files, ['a/static', 'b/static'], 'js/x.js', null), ['a/static/js/x.js', 'b/static/js/x.js']);
  assert.deepEqual(staticTargets(files, ['a/static'], '/js/x.js', 'simple'), ['a/static/js/x.js']);
  assert.deepEqual(staticTargets(files, ['s/static'], 'js/t.js', 'simple'), ['s/static/themes/simple/js/t.js']);
  assert.deepEqual(staticTargets(files, ['s/static'], 'js/t.js', null), []);
  assert.deepEqual(staticTargets(files, ['s/static'], 'js/y.css', null), []);
});
