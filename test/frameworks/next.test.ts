/** The next reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { atTop } from '../../src/frameworks/js/next.js';

const cases = frameworkCases('next');
test('next: has a basic fixture', () => assert.ok(cases.includes('next-basic')));
for (const name of cases) test(`next: ${name}`, () => checkFrameworkFixture(name));

test('next: atTop is the root and src/ only, the places Next looks for middleware and instrumentation', () => {
  assert.equal(atTop('middleware.ts'), true);
  assert.equal(atTop('src/instrumentation.ts'), true);
  assert.equal(atTop('src/lib/middleware.ts'), false);
  assert.equal(atTop('lib/middleware.ts'), false);
  assert.equal(atTop('srcx/middleware.ts'), false);
  assert.equal(atTop('web/middleware.ts'), false);
});
