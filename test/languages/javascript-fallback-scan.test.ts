/**
 * The text scan of a file the parser gave up on: each import form it reads, and texts that once
 * made its import pattern scan to the end of the file from every start.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanImportsFromText } from '../../src/languages/javascript/fallback-scan.js';
import { buildLineTable } from '../../src/languages/javascript/line-table.js';

const scan = (text: string) => scanImportsFromText(text, buildLineTable(text)).map((p) => `${p.fact.syntax} ${p.fact.specifier}${p.fact.typeOnly ? ' type' : ''} @${p.fact.line}`).sort();

test('fallback scan: the import clauses a module writes', () => {
  const text = [
    "import './side-effect'",
    "import A from './default'",
    "import * as ns from './namespace'",
    "import { a, b as c } from './named'",
    'import {',
    '  x,',
    '  y,',
    "} from './multi-line'",
    "import D, { e } from './default-and-named'",
    "import F, * as G from './default-and-namespace'",
    "import type { T } from './types'",
    "import typeof H from './flow'",
    "<% if (x) { %>import I from './scaffold'",
    "export * from './star'",
    "export { z } from './reexport'",
    "const r = require('./required')",
    "const l = import('./lazy')",
    'this is not valid {',
  ].join('\n');
  assert.deepEqual(scan(text), [
    'dynamic ./lazy @17',
    'export-from ./reexport @15',
    'export-from ./star @14',
    'import ./default @2',
    'import ./default-and-named @9',
    'import ./default-and-namespace @10',
    'import ./flow @12',
    'import ./multi-line @5',
    'import ./named @4',
    'import ./namespace @3',
    'import ./scaffold @13',
    'import ./side-effect @1',
    'import ./types type @11',
    'require ./required @16',
  ]);
});

test('fallback scan: a text of clause characters with no from finds nothing, in one pass', () => {
  // Quadratic before the clause was read by its shapes: this text made each `}` a start that scanned to the end.
  assert.deepEqual(scan('}import a'.repeat(40_000)), []);
  assert.deepEqual(scan('}import {a, b'.repeat(20_000)), []);
  assert.deepEqual(scan(`;import ${'a'.repeat(200_000)} `), []);
});

test("fallback scan: require.resolve names its file, as the parser's walk records it (Parcel's Flow src/Parcel.js)", () => {
  const text = [
    '// @flow',
    'const farm = createWorkerFarm({',
    '  workerPath: process.browser',
    "    ? '@parcel/core/src/worker.js'",
    "    : require.resolve('./worker'),",
    '});',
    "const other = require . resolve('./spaced');",
    "const notALoad = resolver.resolve('./elsewhere');",
  ].join('\n');
  assert.deepEqual(scan(text), ['require ./spaced @7', 'require ./worker @5']);
});
