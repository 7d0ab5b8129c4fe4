/** Config files read statically: plugin calls' options (callsIn) and functions that return from `if` branches. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callsIn, configAt, fromFile, possibleValues, readConfigExport, readConfigFile, yamlConfigValue, type ConfigValue } from '../../src/languages/javascript/config-value.js';
import { parseYamlFile } from '../../src/manifests/yaml.js';

test('callsIn: the options of plugin calls and `new` expressions, anywhere in the config', () => {
  const text = [
    "import { sveltekit } from '@sveltejs/kit/vite';",
    "const HtmlWebpackPlugin = require('html-webpack-plugin');",
    'const dir = "lib";',
    'export default {',
    '  plugins: [sveltekit({ files: { lib: dir } }), new HtmlWebpackPlugin({ template: "./public/index.html" }), other(opts.x)],',
    '};',
  ].join('\n');
  const calls = callsIn('vite.config.ts', text, /^(sveltekit|HtmlWebpackPlugin|other)$/);
  assert.deepEqual(calls.map((c) => [c.name, c.line]), [['sveltekit', 5], ['HtmlWebpackPlugin', 5], ['other', 5]]);
  assert.deepEqual(configAt(calls[0].args[0], 'files', 'lib'), { kind: 'string', value: 'lib', line: 3 });
  assert.equal(configAt(calls[1].args[0], 'template')?.kind, 'string');
  // A computed argument is unknown, with its text, never a guess.
  assert.equal(calls[2].args[0]?.kind, 'unknown');
  assert.deepEqual(callsIn('x.ts', 'const = ;', /x/), []);
});

test('a config function returning from if branches: every branch, merged', () => {
  const text = [
    "import { defineConfig } from 'vitest/config';",
    'export default defineConfig(async ({ mode }) => {',
    "  if (mode === 'development') {",
    "    return { test: { globalSetup: ['./global.ts'] } };",
    '  }',
    "  if (mode === 'production') return { test: { setupFiles: ['./prod.ts'] } };",
    '});',
  ].join('\n');
  const { value } = readConfigFile('vite.config.ts', text);
  const test = configAt(value, 'test');
  assert.equal(test?.kind, 'object');
  assert.equal(configAt(test, 'globalSetup')?.kind, 'array');
  assert.equal(configAt(test, 'setupFiles')?.kind, 'array');
  // A plain return still wins: the branch rule is only for functions without one.
  const plain = readConfigFile('a.config.js', 'module.exports = () => { if (x) return { a: 1 }; return { b: 2 }; };').value;
  assert.equal(configAt(plain, 'a'), null);
  assert.equal(configAt(plain, 'b')?.kind, 'number');
});

test('config value: a local require or default import is read through the loader, one file deep', () => {
  const base: ConfigValue = { kind: 'object', line: 1, partial: false, props: new Map([['testMatch', { kind: 'string', value: '**/*.check.js', line: 2 }]]) };
  const load = (spec: string) => (spec === './jest.base' ? fromFile(base, 'jest.base.js') : null);
  const required = readConfigFile('jest.config.js', `const base = require('./jest.base');\nmodule.exports = { ...base, roots: ['checks'] };`, load).value;
  assert.deepEqual(configAt(required, 'testMatch'), { kind: 'string', value: '**/*.check.js', line: 2, file: 'jest.base.js' });
  const imported = readConfigFile('jest.config.mjs', `import base from './jest.base';\nexport default { ...base };`, load).value;
  assert.equal(configAt(imported, 'testMatch')?.file, 'jest.base.js');
  // Without a loader, or for a file the loader cannot read, the import is an unknown value at its own line.
  const missing = readConfigFile('jest.config.js', `module.exports = { testMatch: require('./nowhere') };`, load).value;
  assert.deepEqual(configAt(missing, 'testMatch'), { kind: 'unknown', line: 1, text: "require('./nowhere')" });
  assert.equal(configAt(readConfigFile('a.js', `module.exports = { x: require('./jest.base') };`).value, 'x')?.kind, 'unknown');
});

test('readConfigExport: the value a config exports under a name, in every spelling', () => {
  const specs = (path: string, text: string) => {
    const list = configAt(readConfigExport(path, text, 'config').value, 'specs');
    return list?.kind === 'array' ? list.items[0] : null;
  };
  assert.deepEqual(specs('wdio.conf.ts', "export const config: WebdriverIO.Config = { specs: ['./a.e2e.ts'] };"), { kind: 'string', value: './a.e2e.ts', line: 1 });
  assert.equal(specs('wdio.conf.js', "exports.config = {\n  specs: ['./b.js'],\n};")?.line, 2);
  assert.equal(specs('wdio.conf.cjs', "module.exports.config = { specs: ['./c.js'] };")?.kind, 'string');
  assert.equal(specs('wdio.conf.mjs', "const base = { specs: ['./d.js'] };\nexport { base as config };")?.kind, 'string');
  // No such named export: the key of the exported value, as `module.exports = { config }` gives.
  assert.equal(specs('wdio.conf.js', "const config = { specs: ['./e.js'] };\nmodule.exports = { config };")?.kind, 'string');
  assert.equal(readConfigExport('wdio.conf.js', 'export const other = 1;', 'config').value, null);
});

test('a conditional or `||`/`??` default: unknown to every reader, with the values it may take', () => {
  const text = [
    "const base = process.env.APP || 'web';",
    "const dir = fs.existsSync(x) ? path.relative(__dirname, x) : 'app';",
    "export default { dir, base, both: a && 'b' };",
  ].join('\n');
  const { value } = readConfigFile('vite.config.ts', text);
  const dir = configAt(value, 'dir');
  assert.equal(dir?.kind, 'unknown');
  assert.deepEqual(possibleValues(dir).map((v) => (v.kind === 'string' ? v.value : v.kind)), ['unknown', 'app']);
  assert.deepEqual(possibleValues(configAt(value, 'base')).map((v) => (v.kind === 'string' ? v.value : v.kind)), ['unknown', 'web']);
  // `a && b` is b only when a holds: no alternatives, just unknown.
  assert.deepEqual(possibleValues(configAt(value, 'both')).map((v) => v.kind), ['unknown']);
  assert.deepEqual(possibleValues({ kind: 'string', value: 'x', line: 1 }).map((v) => v.kind), ['string']);
  assert.deepEqual(possibleValues(null), []);
});

test('yamlConfigValue: values with their lines; CloudFormation tags (!Ref, !GetAtt, !Sub, !If) parse, as unknown values made at deploy time', () => {
  const text = ['Resources:', '  Fn:', '    Properties:', '      Handler: app.handler', '      Role: !GetAtt Role.Arn', '      Name: !Sub "${AWS::StackName}-fn"', '      Env: !If [IsProd, a, b]', '      Code: !Ref Bucket'].join('\n');
  const { docs, diagnostics } = parseYamlFile(text, 'template.yaml');
  assert.deepEqual(diagnostics, []);
  const props = configAt(yamlConfigValue(docs[0]), 'Resources', 'Fn', 'Properties');
  assert.deepEqual(configAt(props, 'Handler'), { kind: 'string', value: 'app.handler', line: 4 });
  assert.deepEqual(configAt(props, 'Role'), { kind: 'unknown', line: 5, text: '!GetAtt Role.Arn' });
  assert.deepEqual(configAt(props, 'Name'), { kind: 'unknown', line: 6, text: '!Sub ${AWS::StackName}-fn' });
  assert.deepEqual(configAt(props, 'Env'), { kind: 'unknown', line: 7, text: '!If …' });
  assert.equal(configAt(props, 'Code')?.kind, 'unknown');
});
