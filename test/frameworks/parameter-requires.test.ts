/** The parameter-requires reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { folderNameExtension } from '../../src/frameworks/js/parameter-values.js';

const folderAndName = (expr: string): string | null => folderNameExtension(expr)?.folder ?? null;

const cases = frameworkCases('parameter-requires');
test('parameter-requires: has a basic fixture', () => assert.ok(cases.includes('parameter-requires-basic')));
test('parameter-requires: has a fixture whose module constants are shadowed or changed where they are read', () => assert.ok(cases.includes('parameter-requires-shadowed-constant')));
for (const name of cases) test(`parameter-requires: ${name}`, () => checkFrameworkFixture(name));

test('parameter-requires: a name computed at run time is a warning naming file and line, not a guess', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'parameter-requires-basic'));
  const warned = audit.warnings.filter((w) => w.id === 'parameter-requires/computed-argument').map((w) => `${w.location?.file}:${w.location?.line}`);
  assert.deepEqual(warned, ['daemon.js:15', 'daemon.js:20']);
});

test('parameter-requires: a list with a computed element, or one census cannot find, is a warning, not a guess', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'parameter-requires-lists'));
  const warned = audit.warnings.filter((w) => w.id === 'parameter-requires/computed-argument').map((w) => `${w.location?.file}:${w.location?.line}`);
  assert.deepEqual(warned, ['lib/Service.js:17', 'lib/Service.js:37']);
});

test('parameter-requires: a class method handed a computed path (this.f(configPath)) is a warning naming file and line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'parameter-requires-method'));
  const warned = audit.warnings.filter((w) => w.id === 'parameter-requires/computed-argument').map((w) => `${w.location?.file}:${w.location?.line}`);
  assert.deepEqual(warned, ['lib/cli.js:20']);
});

test('parameter-requires: a folder and one computed name, and what is not one', () => {
  assert.equal(folderAndName('`../audits/${auditPath}`'), '../audits/');
  assert.equal(folderAndName("'../gatherers/' + name"), '../gatherers/');
  assert.equal(folderAndName('`./.hidden/x/${a.b}`'), './.hidden/x/');
  assert.deepEqual(folderNameExtension('`./commands/${name}.js`'), { folder: './commands/', extension: '.js' });
  assert.deepEqual(folderNameExtension("'./x/' + a + '.mjs'"), { folder: './x/', extension: '.mjs' });
  assert.deepEqual(folderNameExtension("'./x/' + a"), { folder: './x/', extension: '' });
  for (const none of ['`../${name}`', '`./x-${name}`', '`./a/${b}/${c}`', '`../a/../b/${x}`', "'./x/' + a + '.json'", "'./x/' + a + b", '`./x/${a}.txt`', '`/abs/${x}`', 'name'])
    assert.equal(folderAndName(none), null, none);
});

test('parameter-requires: a long argument that is no folder and name fails in one pass (no split tried twice)', { timeout: 60_000 }, () => {
  // The first pattern tried every split of a segment: 8,000 characters took 1.8 s, 200,000 would take minutes.
  assert.equal(folderAndName('`./' + 'a.'.repeat(100_000) + '`'), null);
  assert.equal(folderAndName("'./" + 'a.'.repeat(100_000) + "' + x"), null);
});
