/** Config files read statically: plugin calls' options (callsIn) and functions that return from `if` branches. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callsIn, configAt, readConfigFile } from '../../src/languages/javascript/config-value.js';

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
