/** The Stryker reader on fixture repos: local plugins, the command runner's and build commands, and the warning for a plugin it cannot read. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('stryker');
test('stryker: has a basic fixture', () => assert.ok(cases.includes('stryker-basic')));
for (const name of cases) test(`stryker: ${name}`, () => checkFrameworkFixture(name));

test('stryker: a computed plugin is a warning naming the config and line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'stryker-basic'));
  const warning = audit.warnings.find((w) => w.id === 'stryker/not-static');
  assert.deepEqual(warning?.location, { file: 'stryker.ci.conf.mjs', line: 5 });
});
