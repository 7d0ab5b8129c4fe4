/** The esbuild reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { writeScanTree } from '../helpers/scan-tree.js';

const cases = frameworkCases('esbuild');
test('esbuild: has a basic fixture', () => assert.ok(cases.includes('esbuild-basic')));
for (const name of cases) test(`esbuild: ${name}`, () => checkFrameworkFixture(name));

test('esbuild: a command-line entry written out=in names its input, never its output', async () => {
  const { dir } = writeScanTree('census-esbuild-named-', [
    ['package.json', 'json', JSON.stringify({ name: 'b', private: true, scripts: { bundle: 'esbuild app=src/app.js lib/old=src/plugin.js --bundle --outdir=dist' }, devDependencies: { esbuild: '0.25.0' } })],
    ['src/app.js', 'javascript', 'module.exports = 1;\n'],
    ['src/plugin.js', 'javascript', 'module.exports = 2;\n'],
    ['lib/old.js', 'javascript', 'module.exports = 3;\n'],
  ]);
  const { audit } = await scanDir(dir);
  const file = (p: string) => audit.files.find((f) => f.path === p);
  assert.equal(file('src/plugin.js')?.verdict, 'tooling');
  assert.match(file('src/plugin.js')?.evidence?.join('\n') ?? '', /esbuild entry/);
  assert.equal(file('lib/old.js')?.verdict, 'dead');
});

// Review (s65-rv1): esbuild's flags take their values after `=` or `:`, never as the next word; a bare
// `--sourcemap` (linked maps) is a flag on its own, and the entry after it was taken for its value.
test('esbuild: an entry after a bare --sourcemap is an entry', async () => {
  const { dir } = writeScanTree('census-esbuild-sourcemap-', [
    ['package.json', 'json', JSON.stringify({ name: 'b', private: true, scripts: { bundle: 'esbuild --sourcemap src/app.js --bundle --outdir=dist' }, devDependencies: { esbuild: '0.25.0' } })],
    ['src/app.js', 'javascript', 'module.exports = 1;\n'],
  ]);
  const { audit } = await scanDir(dir);
  const app = audit.files.find((f) => f.path === 'src/app.js');
  assert.equal(app?.verdict, 'tooling');
  assert.match(app?.evidence?.join('\n') ?? '', /esbuild entry/);
});
