/**
 * Stop 60 (issue 19): patterns that were tried at every character now run only behind a literal
 * their matches must hold, or are read backwards from one. Each must give exactly what the plain
 * pattern gave: joinCallees (parameter-folder-joins.ts) against its three patterns by matchAll, and
 * function-region's wordEndingAt against `/([A-Za-z_$][\w$]*)\s*$/` on the slice, and enclosingFunction
 * (parameter-values.ts), whose arrow look-back runs only where a `=>` stands in its window, against
 * the look-back that matched every window.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { joinCallees } from '../../src/frameworks/js/parameter-folder-joins.js';
import { functionRegion, wordEndingAt } from '../../src/frameworks/js/function-region.js';
import { enclosingFunction, type EnclosingFunction, mayBeParameter } from '../../src/frameworks/js/parameter-values.js';
import { expressionEnd, paramNames } from '../../src/languages/javascript/folder-expr.js';
import { escapeRegExp } from '../../src/util/regexp.js';
import { assertProperty } from '../helpers/property.js';

const NAME = String.raw`[A-Za-z_$][\w$]*`;

/** joinCallees as it was (main ff5fff87): every pattern by matchAll over the whole text. */
const plainJoinCallees = (text: string): string[] => {
  const modules = new Set(['path']);
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\w$.])(${NAME})\s*=\s*require\(\s*['"](?:node:)?path['"]\s*\)`, 'g'))) modules.add(m[1]);
  const out = [...modules].flatMap((p) => [`${p}.join`, `${p}.resolve`]);
  const module = [...modules].map(escapeRegExp).join('|');
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:var|let|const)\s+(${NAME})\s*=\s*(?:${module})\s*\.\s*(join|resolve)\s*[;,\n]`, 'g'))) out.push(m[1]);
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:var|let|const)\s*\{([^{}]*)\}\s*=\s*(?:require\(\s*['"](?:node:)?path['"]\s*\)|${module})\s*[;\n]`, 'g'))) {
    for (const part of m[1].split(',')) {
      const b = /^\s*(join|resolve)\s*(?::\s*([A-Za-z_$][\w$]*))?\s*$/.exec(part);
      if (b !== null) out.push(b[2] ?? b[1]);
    }
  }
  return out;
};

const sameCallees = (text: string): void => assert.deepStrictEqual(joinCallees(text), plainJoinCallees(text), JSON.stringify(text));

test('joinCallees gives what its plain patterns give: fixed cases', () => {
  for (const text of [
    "var sysPath = require('path');\nvar join = sysPath.join;\n",
    "const P=require( \"node:path\" ) ; const { join: pj, resolve } = P;\nlet r = P . resolve,\n",
    "a.p = require('path'); 1p = require('path'); $x\u00a0=\u2028require('path')",
    "x == require('path'); y => require('path'); z.w = require('path')",
    "=require('path')require('path') q =require('path')",
    "const { join } = require('path')\nconst {resolve:r}=path;",
    "var j = path.join; var k = other.join; new Promise((resolve, reject) => {})",
    '',
  ]) sameCallees(text);
});

test('joinCallees gives what its plain patterns give on texts of its pieces (seed 60)', () => {
  const piece = fc.constantFrom(
    'require(', "'path'", '"node:path"', ')', 'path', 'P', 'p1', '1', '$', '.', ' ', '\n', '\u00a0', '=', '==', ';', ',', '{', '}',
    'var ', 'let', 'const ', 'join', 'resolve', ':', 'x', '_', 'a.', '=>',
  );
  assertProperty(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => sameCallees(pieces.join(''))), { numRuns: 4000, seed: 60 });
});

const plainWord = (text: string, end: number): string | undefined => /([A-Za-z_$][\w$]*)\s*$/.exec(text.slice(0, end))?.[1];

test('wordEndingAt gives what the end-anchored pattern gives (seed 60)', () => {
  for (const text of ['if (', 'for  (', '12ab (', '99 (', ') (', '', '   ', 'a$1_ \n', 'x\u00a0', 'é (']) for (let end = 0; end <= text.length; end++) assert.equal(wordEndingAt(text, end), plainWord(text, end), JSON.stringify([text, end]));
  const piece = fc.constantFrom('a', 'Z', '_', '$', '0', '9', ' ', '\n', '\t', '\u00a0', '\u2028', '\ufeff', '\u0085', '(', ')', '.', 'é', 'if', 'while');
  assertProperty(
    fc.property(fc.array(piece, { maxLength: 20 }), fc.nat(), (pieces, n) => {
      const text = pieces.join('');
      const end = n % (text.length + 1);
      assert.equal(wordEndingAt(text, end), plainWord(text, end), JSON.stringify([text, end]));
    }),
    { numRuns: 4000, seed: 60 },
  );
});

const RETURN_TYPE = String.raw`(?::[^=;{}()]*)?`;
const EXPRESSION_ARROW = new RegExp(String.raw`(?<![\w$.])(${NAME})\s*=\s*(?:async\s*)?(?:\(([^()]*)\)\s*${RETURN_TYPE}|(${NAME}))\s*=>\s*(?=[^\s{])`, 'g');
const ARROW = new RegExp(String.raw`(?<![\w$.])(${NAME})\s*=\s*(?:async\s*)?(?:\(([^()]*)\)\s*${RETURN_TYPE}|(${NAME})\s*)=>\s*$`);
const DECLARATION = new RegExp(String.raw`function\s*\*?\s*(${NAME})?\s*\(([^()]*)\)\s*${RETURN_TYPE}$`);
const NAMED_EXPRESSION = new RegExp(String.raw`(?<![\w$.])(${NAME})\s*[=:]\s*(?:async\s+)?$`);

/** enclosingFunction as it was (main ff5fff87): the 2,000 characters before each position matched for an arrow, `=>` or not. */
const plainEnclosingFunction = (text: string, index: number): EnclosingFunction | null => {
  const region = functionRegion(text, index);
  const start = Math.max(region.start, index - 2_000);
  let arrow: EnclosingFunction | null = null;
  for (const m of text.slice(start, index + 1).matchAll(EXPRESSION_ARROW)) {
    const body = start + (m.index ?? 0) + m[0].length;
    const end = expressionEnd(text, body);
    if (end > index) arrow = { name: m[1], params: paramNames(m[2] ?? m[3]), start: body, end };
  }
  if (arrow !== null) return arrow;
  if (region.start === 0 && region.end === text.length) return null;
  const before = text.slice(Math.max(0, region.start - 1 - 400), region.start - 1).trimEnd();
  const header = ARROW.exec(before);
  if (header) return { name: header[1], params: paramNames(header[2] ?? header[3]), ...region };
  const decl = DECLARATION.exec(before);
  if (!decl) return null;
  const name = decl[1] ?? NAMED_EXPRESSION.exec(before.slice(0, decl.index))?.[1];
  return name === undefined ? null : { name, params: paramNames(decl[2]), ...region };
};

const sameFunction = (text: string, at: number): void => assert.deepStrictEqual(enclosingFunction(text, at), plainEnclosingFunction(text, at), JSON.stringify([text.length > 200 ? `${text.slice(0, 80)}…` : text, at]));

test('enclosingFunction gives what matching every window gave: fixed cases, a `=>` at the window\'s edge (seed 60)', () => {
  const pad = 'x'.repeat(1_990);
  for (const text of [
    'const f = (a) => require(a);',
    'const f = a => path.join(a, "x.js"), g = 1;',
    'function load(dir) { path.join(dir, "j.js"); const h = (b) => b; }',
    'function g(q) {f=a=>join(a)}',
    `function g(q) {${'x'.repeat(2_000)};f=a=>join(a) + ${pad}}`,
    `const f = (a) => ${pad} + join(a, 'x')`,
    `f = a =>${pad}join(a)`,
    '=> x; g = y => join(y)',
    '',
  ]) for (let at = 0; at <= text.length + 1; at++) sameFunction(text, at);
  const piece = fc.constantFrom('f', 'g', 'a', ' = ', '=>', '= >', '(', ')', '{', '}', 'function ', 'async ', ' ', '\n', ';', ',', 'join(a)', "'x'", 'x'.repeat(700), ':T');
  assertProperty(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = pieces.join('');
      for (let at = 0; at <= text.length; at += text.length > 200 ? 37 : 1) sameFunction(text, at);
    }),
    { numRuns: 1500, seed: 60 },
  );
});

/**
 * Stop 61 (issue 19): parameter-folder-joins asks enclosingFunction only for a join base some function
 * header of the text may take (mayBeParameter). The gate must never say no where enclosingFunction
 * finds a function taking the name: asked at every position of texts of header pieces.
 */
const gateHolds = (text: string): void => {
  for (let at = 0; at <= text.length; at += text.length > 200 ? 37 : 1) {
    for (const name of enclosingFunction(text, at)?.params ?? []) {
      if (name !== null) assert.ok(mayBeParameter(text, name), JSON.stringify([text.length > 200 ? `${text.slice(0, 80)}…` : text, at, name]));
    }
  }
};

test('mayBeParameter says yes for every parameter enclosingFunction finds, no for a name only joined onto (seed 61)', () => {
  for (const text of [
    'function load(dir) { path.join(dir, "j.js"); }',
    'const f = (a, dir: string): string => { return path.join(dir, "x.js"); }',
    'const f = async (...dir) => { join(dir, "x") }',
    'g = dir => join(dir, "x.js")',
    'const h = (a, dir = x) => require(dir)',
    'o = { m: function (dir) { join(dir) } }',
    'function f(a, $dir?: T): Promise<string> { join($dir, "a") }',
  ]) gateHolds(text);
  assert.equal(mayBeParameter("const x = path.join(__dirname, 'a.js');\nif (fs.existsSync(path.join(__dirname, 'b'))) {}\n", '__dirname'), false);
  assert.equal(mayBeParameter('const dirname = path.dirname(fileURLToPath(import.meta.url));\njoin(dirname, "x")', 'dirname'), false);
  assert.equal(mayBeParameter('function f(dirname) { join(dirname, "x") }', 'dirname'), true);
  const piece = fc.constantFrom('f', 'g', 'a', 'dir', '$d', ' = ', '=>', '(', ')', '{', '}', 'function ', 'async ', ' ', '\n', ';', ',', 'join(dir)', "'x'", '...', '?', ':T', ': Promise<T> ', '=1', 'x'.repeat(500));
  assertProperty(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => gateHolds(pieces.join(''))), { numRuns: 1500, seed: 61 });
});
