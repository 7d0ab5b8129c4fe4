/** The knex-migrator reader on fixture repos: every source file's verdict and evidence chain, and the warning for a migrationPath it cannot settle. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('knex-migrator');
test('knex-migrator: has a basic fixture', () => assert.ok(cases.includes('knex-migrator-basic')));
for (const name of cases) test(`knex-migrator: ${name}`, () => checkFrameworkFixture(name));

test('knex-migrator: a config.get key the JSON files disagree on is a warning naming MigratorConfig.js and line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'knex-migrator-cli'));
  const warning = audit.warnings.find((w) => w.id === 'knex-migrator/not-static');
  assert.deepEqual(warning?.location, { file: 'legacy/MigratorConfig.js', line: 6 });
  assert.match(warning?.message ?? '', /legacy\/settings\/defaults\.json:2, legacy\/settings\/env\/config\.production\.json:2/);
});
