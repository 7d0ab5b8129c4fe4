/** The yargs-command-dir reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('yargs-command-dir');
test('yargs-command-dir: has a basic fixture', () => assert.ok(cases.includes('yargs-command-dir-basic')));
for (const name of cases) test(`yargs-command-dir: ${name}`, () => checkFrameworkFixture(name));

test('yargs-command-dir: a function filter is a warning naming the line, and the folder is not followed', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'yargs-command-dir-basic'));
  const found = audit.warnings.filter((d) => d.id === 'yargs-command-dir/options');
  assert.deepEqual(
    found.map((d) => [d.location?.file, d.location?.line]),
    [['plugins/index.js', 1]],
  );
});
