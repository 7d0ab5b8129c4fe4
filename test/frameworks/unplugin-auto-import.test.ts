/** The unplugin-auto-import reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { codeOnly } from '../../src/frameworks/js/unplugin-auto-import.js';

const cases = frameworkCases('unplugin-auto-import');
test('unplugin-auto-import: has a basic fixture', () => assert.ok(cases.includes('unplugin-auto-import-basic')));
for (const name of cases) test(`unplugin-auto-import: ${name}`, () => checkFrameworkFixture(name));

test('unplugin-auto-import: comments and strings are blanked, template expressions and lines kept', () => {
  const code = codeOnly("a // useX\nb('useX', \"useX\")\n/* useX\n*/ `t ${useY(`${useZ}`)} useX`", false);
  assert.equal(code.split('\n').length, 4);
  assert.doesNotMatch(code, /useX/);
  assert.match(code, /useY\(/);
  assert.match(code, /useZ/);
  assert.match(codeOnly('<p :a="useX()"><!-- useY --></p>', true), /useX/);
  assert.doesNotMatch(codeOnly('<p :a="useX()"><!-- useY --></p>', true), /useY/);
});
