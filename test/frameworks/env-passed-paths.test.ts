/** The env-passed-paths reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('env-passed-paths');
test('env-passed-paths: has a basic fixture', () => assert.ok(cases.includes('env-passed-paths-basic')));
for (const name of cases) test(`env-passed-paths: ${name}`, () => checkFrameworkFixture(name));

test('env-passed-paths: a value computed at run time is a warning naming file and line, not a guess', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'env-passed-paths-basic'));
  const warned = audit.warnings.filter((w) => w.id === 'env-passed-paths/computed-value').map((w) => `${w.location?.file}:${w.location?.line}`);
  assert.deepEqual(warned, ['lib/index.js:13']);
});
