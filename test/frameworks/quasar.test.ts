/** The Quasar reader on fixture repos: every source file's verdict and evidence chain, and the warning for a boot entry it cannot read. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('quasar');
test('quasar: has an app-vite fixture and a quasar.conf.js one', () => assert.deepEqual(cases, ['quasar-app-vite', 'quasar-conf-legacy']));
for (const name of cases) test(`quasar: ${name}`, () => checkFrameworkFixture(name));

test('quasar: a computed boot entry is a warning naming the config and line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'quasar-app-vite'));
  const warning = audit.warnings.find((w) => w.id === 'quasar/not-static');
  assert.deepEqual(warning?.location, { file: 'quasar.config.ts', line: 10 });
  assert.match(warning?.message ?? '', /boot/);
});
