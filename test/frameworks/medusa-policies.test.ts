/** The Medusa policies reader on a fixture repo: every source file's verdict and evidence chain, and the folder walk's depth rule. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { policyFiles } from '../../src/frameworks/js/medusa-policies.js';

const cases = frameworkCases('medusa-policies');
test('medusa-policies: has a basic fixture', () => assert.ok(cases.includes('medusa-policies-basic')));
for (const name of cases) test(`medusa-policies: ${name}`, () => checkFrameworkFixture(name));

test('medusa-policies: only files directly in a policies/ folder at most depth levels below, less index and declarations', () => {
  const files = new Set([
    'dist/policies/a.js',
    'dist/policies/index.js',
    'dist/policies/a.d.ts',
    'dist/policies/a.js.map',
    'dist/policies/sub/b.js',
    'dist/mod/policies/c.ts',
    'dist/x/y/policies/d.js',
    'dist/node_modules/policies/e.js',
    'dist/policiesx/f.js',
    'policies/root.js',
  ]);
  assert.deepEqual(policyFiles(files, 'dist', 2), ['dist/mod/policies/c.ts', 'dist/policies/a.js']);
  assert.deepEqual(policyFiles(files, 'dist', 1), ['dist/policies/a.js']);
  assert.deepEqual(policyFiles(files, '', 1), ['policies/root.js']);
});
