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

test('migrate-load: a glob census refuses, an ignore it cannot read and an anchored value it cannot settle are warnings naming file and line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'migrate-load-options'));
  const warned = audit.warnings.filter((w) => w.id.startsWith('migrate-load/')).map((w) => [w.id, w.location?.file, w.location?.line]);
  assert.deepEqual(warned, [
    ['migrate-load/not-static', 'db/umzug.js', 12],
    ['migrate-load/glob', 'db/umzug.js', 13],
    ['migrate-load/not-static', 'db/umzug.js', 14],
    ['migrate-load/not-static', 'db/umzug.js', 15],
  ]);
});

test('migrate-load: an addMigrations() directory census cannot settle is a warning naming file and line (review 2 finding 8)', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'migrate-load-nocobase'));
  const warned = audit.warnings.filter((w) => w.id.startsWith('migrate-load/')).map((w) => [w.id, w.location?.file, w.location?.line, w.message.includes('process.env.MIGRATIONS_DIR') || w.message.includes("'src/seeds'")]);
  assert.deepEqual(warned, [
    ['migrate-load/not-static', 'server/src/index.js', 11, true],
    ['migrate-load/not-static', 'server/src/index.js', 22, true],
    // Options given as a parameter are the caller's, not another function's const (review 4 finding 4).
    ['migrate-load/not-static', 'server/src/index.js', 31, false],
  ]);
});
