/**
 * The module scan against oxc on generated programs: statements and expressions put together at
 * random from pieces that stress what the scan decides alone (where a statement ends without a
 * semicolon, commas inside type arguments and arrow functions, regex against division, JSX,
 * exports of imported bindings). Whenever oxc finds the program valid and the scan reads it,
 * the facts must be identical.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { extractJavaScript } from '../../src/languages/javascript/extract.js';
import { buildLineTable } from '../../src/languages/javascript/line-table.js';
import { scanModule } from '../../src/languages/javascript/module-scan/index.js';

const EXPRESSIONS = [
  '1',
  'a',
  'a\n  + b',
  'foo<T>',
  'foo<A, B>(x)',
  'foo<\n  A,\n  B\n>(x)',
  '(p, q) => p',
  '<T,>(x: T) => x',
  '<T = string,>(x: T): T => x',
  '<T extends Record<string, unknown>>({ a }: T) => a',
  '{ let: 1, const: { const: 2 }, b }',
  'async (x): Promise<Map<string, number>> => new Map()',
  '{ a: 1, b }',
  '[1, 2]',
  '`t${a}u${`v${b}`}`',
  '/re,"\'/g',
  'a / b / c',
  'x!',
  'new\n  Foo()',
  'typeof\n  x',
  'cond ? a : b',
  'cond\n  ? a\n  : b',
  "a as const",
  '() => {\n}',
  'function () { if (a) /x/.test(b); return 1 }',
  'x++',
  '(a)\n  .b()',
  'obj?.prop ?? 0',
];

const JSX_EXPRESSIONS = ['<div className="a">{a}</div>', '<>\n  <Item x={1} {...rest} />\n  text, with "quotes"\n</>', '<p>{cond && <b>{1}</b>}</p>', '<div extends x>x;export const zz = 1</div>', '<T extends U>(x: T) => x'];

const NAMES = ['one', 'two', 'three', 'four'];

const statement = (tsx: boolean) =>
  fc.oneof(
    fc.tuple(fc.constantFrom('export const', 'export let', 'const', 'let', 'export var'), fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('', ': Map<string, number>', ': (x: number) => void'), fc.constantFrom(...EXPRESSIONS, ...(tsx ? JSX_EXPRESSIONS : []))), { minLength: 1, maxLength: 3 })).map(
      ([keyword, declarators]) => `${keyword} ${declarators.map(([name, type, value], i) => `${name}${i}${type} = ${value}`).join(', ')}`,
    ),
    fc.constantFrom(
      "import Default from './default'",
      "import { a, b as bee, type T } from './named'",
      "import * as ns from './ns'",
      "import type { Only } from './types'",
      'export { a, bee as exportedBee, ns, Default }',
      "export { x as y } from './re'",
      "export * from './star'",
      'export default function () {}',
      'export function fn<T>(x: T): T { return x }',
      'export class Klass<T> extends Base<T> {}',
      'export type Alias = Record<string, number>',
      'export interface Shape { a: number }',
      'if (a) /re/.test(b)',
      'x = y / 2',
    ),
  );

const program = (tsx: boolean) =>
  fc.array(fc.tuple(statement(tsx), fc.constantFrom(';\n', '\n', '\n\n', ';')), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([s, end]) => s + end).join(''));

for (const [path, tsx] of [['generated.ts', false], ['generated.tsx', true]] as const) {
  test(`module scan property: on generated ${path} programs oxc accepts, the scan agrees with oxc`, () => {
    let compared = 0;
    assertProperty(
      fc.property(program(tsx), (text) => {
        const parsed = extractJavaScript(path, text, true, { moduleScan: false });
        if (parsed.diagnostics.length > 0) return; // not a valid program: nothing to hold the scan to
        if (scanModule(text, buildLineTable(text), tsx ? 'tsx' : 'ts') === null) return;
        compared++;
        assert.deepEqual(extractJavaScript(path, text, true), parsed, text);
      }),
      { numRuns: 400, seed: 42 },
    );
    assert.ok(compared > 100, `only ${compared} generated programs were compared`);
  });
}
