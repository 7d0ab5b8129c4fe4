/** The yargs-command-dir reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('yargs-command-dir');
test('yargs-command-dir: has a basic fixture', () => assert.ok(cases.includes('yargs-command-dir-basic')));
for (const name of cases) test(`yargs-command-dir: ${name}`, () => checkFrameworkFixture(name));

test('yargs-command-dir: a function filter is a warning naming the line, and the folder is not followed', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'yargs-command-dir-basic'));
  const found = audit.warnings.filter((d) => d.id === 'yargs-command-dir/options');
  assert.deepEqual(
    found.map((d) => [d.location?.file, d.location?.line]),
    [['plugins/index.js', 1]],
  );
});

test('yargs-command-dir: every call census cannot read or yargs refuses is a warning naming its line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'yargs-command-dir-review'));
  const found = audit.warnings.filter((d) => d.id === 'yargs-command-dir/options');
  assert.deepEqual(
    found.map((d) => [d.location?.file, d.location?.line, d.message]).sort(),
    [
      ['esm/cli.mjs', 3, 'commandDir("cmds") is not followed: yargs does not load a folder of commands from an ES module (it throws "not supported yet for ESM")'],
      ['optsname/cli.js', 2, 'commandDir("cmds") is not followed: census cannot read its options "opts).argv;"'],
      ['refused/cli.js', 1, 'commandDir("cmds") is not followed: census cannot read the exclude pattern /^\\/srv\\/app\\/cmds\\/old/, anchored at an absolute path census does not know'],
      ['refused/cli.js', 2, 'a commandDir call is not followed: census cannot read its folder "process.env.CMDS).argv;"'],
      ['warnonly/cli.js', 1, `commandDir("cmds") is not followed: census cannot read the include value "(p) => p.endsWith('a.js')"`],
    ],
  );
});
