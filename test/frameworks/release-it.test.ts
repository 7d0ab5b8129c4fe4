/** The release-it reader on fixture repos: every source file's verdict and evidence chain, and the warning for a hook it cannot read. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('release-it');
test('release-it: has a basic fixture', () => assert.ok(cases.includes('release-it-basic')));
for (const name of cases) test(`release-it: ${name}`, () => checkFrameworkFixture(name));

test('release-it: a hook built by a function is a warning naming the config and line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'release-it-basic'));
  const warning = audit.warnings.find((w) => w.id === 'release-it/not-static');
  assert.deepEqual(warning?.location, { file: 'packages/sdk/release.config.cjs', line: 4 });
});
