/**
 * Stop 60 (issue 19): patterns that were tried at every character now run only behind a literal
 * their matches must hold, or are read backwards from one. Each must give exactly what the plain
 * pattern gave: joinCallees (parameter-folder-joins.ts) against its three patterns by matchAll, and
 * function-region's wordEndingAt against `/([A-Za-z_$][\w$]*)\s*$/` on the slice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { joinCallees } from '../../src/frameworks/js/parameter-folder-joins.js';
import { wordEndingAt } from '../../src/frameworks/js/function-region.js';
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
