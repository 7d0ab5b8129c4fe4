/** The rstest reader on fixture repos: every source file's verdict and evidence chain, and the warning for a setup file it cannot read. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('rstest');
test('rstest: has a function-form fixture', () => assert.ok(cases.includes('rstest-function-root')));
for (const name of cases) test(`rstest: ${name}`, () => checkFrameworkFixture(name));

test('rstest: a computed setup file is a warning naming the config and line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'rstest-function-root'));
  const warning = audit.warnings.find((w) => w.id === 'rstest/not-static');
  assert.deepEqual(warning?.location, { file: 'rstest.config.ts', line: 7 });
  assert.match(warning?.message ?? '', /setupFiles/);
});
