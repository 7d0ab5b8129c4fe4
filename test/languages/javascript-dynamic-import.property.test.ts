/**
 * `import()` read by the module scan (module-scan/dynamic-imports.ts) against oxc and the AST walk
 * on generated programs: an `import('./mN.js')` nested at random in the contexts that decide its
 * facts (try blocks and their handlers, function bodies, arrow expression bodies and where they
 * end, functions called where they are written, methods, class fields, TypeScript return types,
 * annotations and type queries, declarations and what they bind). Whenever oxc finds the program
 * valid and the scan reads it, the facts must be identical; and the scan must read a good share.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { extractJavaScript, scanLanguage } from '../../src/languages/javascript/extract.js';
import { buildLineTable } from '../../src/languages/javascript/line-table.js';
import { scanModule } from '../../src/languages/javascript/module-scan/index.js';

/** Expression contexts: `$` is an expression. */
const EXPRESSION_CONTEXTS = [
  'await $',
  '($)',
  '() => $',
  'async () => $',
  'x => $',
  'async (a: string): Promise<unknown> => $',
  '(async () => $)()',
  '(() => $).call(this)',
  'foo($)',
  'foo(() => 1, $)',
  '[$, 1]',
  '{ k: $, j: 2 }',
  'cond ? $ : 0',
  'cond ? () => 0 : $',
  'a || $',
  '$.then((m) => m)',
  '(await $).default',
  'lazy(() => $)',
  'importOriginal<typeof import(\'./typed.js\')>() && $',
  '`t${$}u`',
];

/** Contexts that hold statements: `$` is a statement list, the result an expression. */
const BODY_CONTEXTS = [
  'async () => { $ }',
  '(async () => { $ })()',
  '(async function () { $ })()',
  '(async function named() { $ }).call(this)',
  'async function (): Promise<{ a: 1 }> { $ }',
  'new (function () { $ })()',
  'run(async () => { $ })()',
  '{ async m() { $ }, get g() { return 1 } }',
  'class { async m(): Promise<void> { $ } static async s() { $ } }',
];

/** Statement contexts: `$` is a statement list, the result a statement. */
const STATEMENT_CONTEXTS = [
  'try { $ } catch { }',
  'try { } catch (e) { $ }',
  'try { } finally { $ }',
  'if (cond) { $ } else { $ }',
  '{ $ }',
  'for (const x of xs) { $ }',
  'switch (k) { case 1: { $ } }',
  'async function f(a: string): Promise<void> { $ }',
  'function g(): A | { b: 1 } { $ }',
  'class K extends mixin(B) { async m() { $ } }',
];

/** Statements made from an expression `$`. */
const STATEMENTS = [
  '$;',
  'const v = $;',
  'const { a, b: c, ...rest } = $;',
  'let [d] = $;',
  'x = $;',
  'const t: T = $;',
  'return $;',
  'const u = () => a\n$',
  'const w = () => a, y = $',
  'const z = (): T => a\n;($)',
  'class F { f = $; static s = $ }',
  'void function () { $ }()',
  'const f2: () => T = () => $',
];

const specifier = fc.nat({ max: 9 }).map((n) => `import('./m${n}.js')`);

const expression: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? specifier
    : fc.oneof(
        { weight: 1, arbitrary: specifier },
        { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...EXPRESSION_CONTEXTS), expression(depth - 1)).map(([c, e]) => c.replace('$', e)) },
        { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...BODY_CONTEXTS), statements(depth - 1)).map(([c, s]) => c.replaceAll('$', s)) },
      ),
);

const statements: fc.Memo<string> = fc.memo((depth) =>
  fc
    .array(
      depth <= 1
        ? fc.tuple(fc.constantFrom(...STATEMENTS), specifier).map(([s, e]) => s.replace('$', e))
        : fc.oneof(
            fc.tuple(fc.constantFrom(...STATEMENTS), expression(depth - 1)).map(([s, e]) => s.replace('$', e)),
            fc.tuple(fc.constantFrom(...STATEMENT_CONTEXTS), statements(depth - 1)).map(([c, s]) => c.replaceAll('$', s)),
          ),
      { minLength: 1, maxLength: 3 },
    )
    .map((list) => list.join('\n')),
);

for (const path of ['generated.ts', 'generated.tsx', 'generated.js']) {
  test(`dynamic import property: on generated ${path} programs oxc accepts, the scan reads import() as the walk does`, () => {
    let compared = 0;
    let valid = 0;
    const isTypeScript = path.endsWith('.ts') || path.endsWith('.tsx');
    assertProperty(
      fc.property(statements(4), (body) => {
        const text = `import { foo } from './foo';\n${body}\nexport {};\n`;
        const parsed = extractJavaScript(path, text, isTypeScript, { moduleScan: false });
        if (parsed.diagnostics.length > 0) return; // not a valid program (a `return` at the top, types in .js)
        valid++;
        if (scanModule(text, buildLineTable(text), scanLanguage(path, isTypeScript)) === null) return;
        compared++;
        assert.deepEqual(extractJavaScript(path, text, isTypeScript), parsed, text);
      }),
      { numRuns: 500, seed: 1729 },
    );
    assert.ok(compared > valid / 8, `the scan read ${compared} of ${valid} valid programs`);
  });
}
