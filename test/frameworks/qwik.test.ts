/** The qwik reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('qwik');
test('qwik: has a basic fixture', () => assert.ok(cases.includes('qwik-basic')));
for (const name of cases) test(`qwik: ${name}`, () => checkFrameworkFixture(name));

test('qwik: a routesDir that is not a string is a warning at its line (Qwik City ignores it and routes src/routes)', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'qwik-routes-array'));
  const found = audit.warnings.filter((w) => w.id === 'qwik/folder-not-string').map((w) => `${w.location?.file}:${w.location?.line}`);
  assert.deepEqual(found, ['vite.config.ts:7']);
});
