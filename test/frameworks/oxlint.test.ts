/** The oxlint reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('oxlint');
test('oxlint: has an extends fixture', () => assert.ok(cases.includes('oxlint-extends')));
for (const name of cases) test(`oxlint: ${name}`, () => checkFrameworkFixture(name));

test('oxlint: a config that is not JSON is a warning naming it and the line, and the other configs are still read', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'oxlint-malformed'));
  const warnings = audit.warnings.filter((w) => w.id === 'oxlint/config-syntax').map((w) => `${w.location?.file}:${w.location?.line}`);
  assert.deepEqual(warnings, ['.oxlintrc.json:3']);
  assert.equal(audit.files.find((f) => f.path === 'lib/lib-rules.js')?.verdict, 'tooling');
});
