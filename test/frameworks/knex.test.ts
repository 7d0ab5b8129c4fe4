/** The knex reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

// knex-migrator-* fixtures are the knex-migrator reader's.
const cases = frameworkCases('knex').filter((name) => !name.startsWith('knex-migrator-'));
test('knex: has a basic fixture', () => assert.ok(cases.includes('knex-basic')));
for (const name of cases) test(`knex: ${name}`, () => checkFrameworkFixture(name));

test('knex: a computed seeds folder is a warning at the knexfile line, and nothing is guessed', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'knex-api'));
  const warned = audit.warnings.filter((w) => w.id === 'knex/not-static');
  assert.deepEqual(warned.map((w) => [w.location?.file, w.location?.line, w.message]), [['knexfile.ts', 7, 'seeds.directory is computed, not read: process.env.SEEDS_DIR']]);
  assert.equal(audit.files.find((f) => f.path === 'seeds/demo/notes.ts')?.verdict, 'dead');
});

test('knex: a migrations folder named by a package-root helper is the package\'s own; another package\'s name names nothing', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'knex-package-root'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  for (const dir of ['scheduler', 'catalog', 'keys', 'mikro']) assert.equal(verdict(`migrations/${dir}/20240101000000_init.js`), 'production', dir);
  assert.equal(verdict('migrations/other/20240101000000_init.js'), 'dead');
  const evidence = audit.files.find((f) => f.path === 'migrations/scheduler/20240101000000_init.js')?.evidence?.join('\n') ?? '';
  assert.match(evidence, /resolvePackagePath\("@acme\/backend", "migrations\/scheduler"\) at dist\/scheduler\.js:5/);
});
