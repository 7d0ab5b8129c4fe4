/** The docusaurus-plugin-paths reader on fixture repos: every source file's verdict and evidence chain, and the warning for a theme path it cannot read. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('docusaurus-plugin-paths');
test('docusaurus-plugin-paths: has a theme package fixture', () => assert.ok(cases.includes('docusaurus-plugin-paths-theme-package')));
for (const name of cases) test(`docusaurus-plugin-paths: ${name}`, () => checkFrameworkFixture(name));

test('docusaurus-plugin-paths: a getThemePath() census cannot read is a warning naming the plugin module and line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'docusaurus-plugin-paths-theme-package'));
  const warnings = audit.warnings.filter((w) => w.id === 'docusaurus-plugin/theme-path');
  assert.deepEqual(
    warnings.map((w) => w.location),
    [{ file: 'site/plugins/computed/index.js', line: 6 }],
  );
  assert.match(warnings[0].message, /themeFolderFor\(options\.flavour\)/);
});
