/** The oclif reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('oclif');
test('oclif: has a source, a manifest and a review fixture', () => assert.deepEqual(cases, ['oclif-manifest', 'oclif-review', 'oclif-source']));
for (const name of cases) test(`oclif: ${name}`, () => checkFrameworkFixture(name));

test('oclif: custom globPatterns are a warning naming the package.json, and the folder is not followed', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'oclif-manifest'));
  const found = audit.warnings.filter((d) => d.id === 'oclif/glob-patterns');
  assert.deepEqual(
    found.map((d) => [d.location?.file, d.location?.line]),
    [['custom/package.json', 5]],
  );
});
