/**
 * TypeScript's `/// <reference path|types>` directives as type-only imports: read from the comments
 * that open a file, the same whether the module scan or oxc read the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractJavaScript } from '../../src/languages/javascript/extract.js';
import { scanModule } from '../../src/languages/javascript/module-scan/index.js';
import { buildLineTable } from '../../src/languages/javascript/line-table.js';

/** The facts by both paths, checked equal; `scanned` says whether the module scan read the file. */
const bothPaths = (path: string, text: string) => {
  const scanned = scanModule(text, buildLineTable(text), 'ts') !== null;
  const facts = extractJavaScript(path, text, true);
  assert.deepEqual(extractJavaScript(path, text, true, { moduleScan: false }), facts, 'the module scan and oxc disagree');
  return { facts, scanned };
};

test('reference path and types at the top of a file are type-only imports; lib and no-default-lib are not', () => {
  const text = [
    '#!/usr/bin/env node',
    '// globals for the build',
    '/// <reference path="./globals.d.ts" />',
    "///<reference types='vite/client'/>",
    '/* a block comment between */',
    '/// <reference lib="dom" />',
    '/// <reference no-default-lib="true" />',
    '/// <reference path="shared/env.d.ts" types="ignored" />',
    'declare const VERSION: string;',
  ].join('\n');
  const { facts, scanned } = bothPaths('src/env.d.ts', text);
  assert.equal(scanned, true);
  assert.deepEqual(facts.imports, [
    { specifier: './globals.d.ts', syntax: 'reference-path', line: 3, names: [], guard: null, typeOnly: true },
    { specifier: 'vite/client', syntax: 'reference-types', line: 4, names: [], guard: null, typeOnly: true },
    { specifier: 'shared/env.d.ts', syntax: 'reference-path', line: 8, names: [], guard: null, typeOnly: true },
  ]);
});

test('a directive after the first statement is a plain comment, as are //// and an empty path', () => {
  const text = ['//// <reference path="./four-slashes.d.ts" />', '/// <reference path="" />', "import { a } from './a';", '/// <reference path="./late.d.ts" />', 'export const b = a;'].join('\n');
  const { facts } = bothPaths('src/b.ts', text);
  assert.deepEqual(facts.imports.map((i) => i.specifier), ['./a']);
});

test('directives beside code the walk must read (oxc alone) are found the same', () => {
  const text = ['/// <reference types="node" />', "const { spawn } = require('node:child_process');", "spawn('node', ['x.js']);"].join('\n');
  const facts = extractJavaScript('run.js', text, false);
  assert.deepEqual(facts.imports.map((i) => [i.specifier, i.syntax, i.typeOnly]), [['node', 'reference-types', true], ['node:child_process', 'require', undefined]]);
  // a directive is type-only: it makes nothing a command-line program or a Node script
  assert.deepEqual(extractJavaScript('types.js', '/// <reference types="commander" />\n', false).runnable, []);
});
