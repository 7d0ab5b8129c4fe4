/** The Medusa policies reader on a fixture repo: every source file's verdict and evidence chain, and the folder walk's depth rule. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policyFiles } from '../../src/frameworks/js/medusa-policies.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('medusa-policies');
test('medusa-policies: has a basic fixture', () => assert.ok(cases.includes('medusa-policies-basic')));
for (const name of cases) test(`medusa-policies: ${name}`, () => checkFrameworkFixture(name));

test('medusa-policies: only files directly in a policies/ folder at most depth levels below, less index and declarations', () => {
  const files = new Set([
    'dist/policies/a.js',
    'dist/policies/index.js',
    'dist/policies/a.d.ts',
    'dist/policies/a.js.map',
    'dist/policies/sub/b.js',
    'dist/mod/policies/c.ts',
    'dist/x/y/policies/d.js',
    'dist/node_modules/policies/e.js',
    'dist/policiesx/f.js',
    'policies/root.js',
  ]);
  assert.deepEqual(policyFiles(files, 'dist', 2), ['dist/mod/policies/c.ts', 'dist/policies/a.js']);
  assert.deepEqual(policyFiles(files, 'dist', 1), ['dist/policies/a.js']);
  assert.deepEqual(policyFiles(files, '', 1), ['policies/root.js']);
});

// Review stop 64: a plugin's own policiesLoader (medusa-plugin-access scans access-policies/ folders with a function of that
// name) in a module that imports @medusajs/framework/utils for something else is not Medusa's: its policies/ stays dead.
// Medusa's, called on the package's binding, in the same file, still imports policies of its own folder.
test('medusa-policies: a function of the module\'s own by the loader\'s name is not the loader, even beside a Medusa import', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-medusa-'));
  try {
    for (const d of ['src/policies', 'src/mine/policies', 'lib/policies']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'plugin', main: 'src/index.js', dependencies: { '@medusajs/framework': '2.0.0' } }));
    writeFileSync(join(dir, 'src/policies/order.js'), 'module.exports = 1;\n');
    writeFileSync(join(dir, 'src/mine/policies/own.js'), 'module.exports = 2;\n');
    writeFileSync(join(dir, 'lib/policies/real.js'), 'module.exports = 3;\n');
    writeFileSync(join(dir, 'src/index.js'), [
      'const path = require("path");', 'const { MedusaError } = require("@medusajs/framework/utils");', 'const framework_1 = require("@medusajs/framework");', '',
      'async function policiesLoader(dir) {', '  if (!dir) throw new MedusaError("no dir");', '  return require(path.join(dir, "access-policies"));', '}', '',
      'module.exports = async () => {', '  await policiesLoader(path.join(__dirname));', '  await framework_1.policiesLoader(path.join(__dirname, "../lib"));', '};', '',
    ].join('\n'));
    const { audit } = await scanDir(dir);
    const verdict = (p: string) => audit.files.find((f) => f.path === p)?.verdict;
    assert.equal(verdict('src/policies/order.js'), 'dead');
    assert.equal(verdict('src/mine/policies/own.js'), 'dead');
    assert.equal(verdict('lib/policies/real.js'), 'production');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
