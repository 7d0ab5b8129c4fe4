/** The node-migrate reader on fixture repos: every source file's verdict and evidence chain, and the warning for a filterFunction it does not evaluate. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('migrate-load');
test('migrate-load: has a basic and an options fixture', () => assert.ok(cases.includes('migrate-load-basic') && cases.includes('migrate-load-options')));
for (const name of cases) test(`migrate-load: ${name}`, () => checkFrameworkFixture(name));

test('migrate-load: a filterFunction is a warning naming the file and line, and nothing is followed', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'migrate-load-basic'));
  const warning = audit.warnings.find((w) => w.id === 'migrate-load/filtered');
  assert.deepEqual(warning?.location, { file: 'tools/old/migrate-legacy.js', line: 4 });
});
