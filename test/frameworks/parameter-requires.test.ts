/** The parameter-requires reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { folderNameExtension } from '../../src/frameworks/js/parameter-values.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

test('parameter-requires: a bundle of thousands of helpers that require their parameter is read once, not once per helper', { timeout: 120_000 }, async () => {
  // 25,000 `function gN(b){return require(b)}` (950 KB): each helper's calls and loops were looked for
  // over the whole text (the start build: tens of seconds; a 715 KB bundle took 17.9 s).
  const repo = mkdtempSync(join(tmpdir(), 'census-parameter-requires-bundle-'));
  try {
    mkdirSync(join(repo, 'lib'));
    for (const f of ['a', 'b', 'c', 'unnamed']) writeFileSync(join(repo, 'lib', `${f}.js`), `module.exports = '${f}';\n`);
    const helpers = Array.from({ length: 25_000 }, (_, i) => `function g${i}(b){return require(b)}`).join(';');
    const tail = "\ng17('./lib/a.js');['./lib/b.js'].map(g42);\nclass K { m(p){return require(p)} run(){ return this.m('./lib/c.js') } }\nmodule.exports = K;\n";
    writeFileSync(join(repo, 'bundle.js'), helpers + tail);
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'bundle', main: 'bundle.js' }));
    const { audit } = await scanDir(repo);
    const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
    assert.deepEqual(['a', 'b', 'c', 'unnamed'].map((f) => verdict(`lib/${f}.js`)), ['production', 'production', 'production', 'dead']);
    const evidence = (audit.files.find((f) => f.path === 'lib/b.js')?.evidence ?? []).join('\n');
    assert.match(evidence, /bundle\.js:2 hands '\.\/lib\/b\.js' \(an element of the list at line 2, passed as the callback\) to g42\(\)/);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
