/** The vite-plugin-pwa reader on fixture repos: every source file's verdict and evidence chain, and the warning for an option it cannot read. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('vite-plugin-pwa');
test('vite-plugin-pwa: has a basic fixture', () => assert.ok(cases.includes('vite-plugin-pwa-basic')));
for (const name of cases) test(`vite-plugin-pwa: ${name}`, () => checkFrameworkFixture(name));

test('vite-plugin-pwa: a computed filename is a warning naming the config and line, not a guess', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'vite-plugin-pwa-computed'));
  const warning = audit.warnings.find((w) => w.id === 'vite-plugin-pwa/not-static');
  assert.deepEqual(warning?.location, { file: 'vite.config.ts', line: 10 });
});
