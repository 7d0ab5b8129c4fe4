/** The nuxt reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('nuxt');
test('nuxt: has a basic fixture', () => assert.ok(cases.includes('nuxt-basic')));
for (const name of cases) test(`nuxt: ${name}`, () => checkFrameworkFixture(name));

test('nuxt: a computed module path is a warning naming the config and line, not a guess', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'nuxt-layers'));
  const warnings = audit.warnings.filter((w) => w.id === 'nuxt/not-static');
  assert.deepEqual(
    warnings.map((w) => w.location),
    [{ file: 'nuxt.config.ts', line: 10 }],
  );
});

test("nuxt: a layer's ~ names its own srcDir, not the app's", async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'nuxt-layers'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('base/src/lib/theme.ts'), 'production');
  assert.equal(verdict('app/lib/theme.ts'), 'dead');
});
