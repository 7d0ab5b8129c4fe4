/** The resolver-callbacks reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('resolver-callbacks');
test('resolver-callbacks: has a basic fixture', () => assert.ok(cases.includes('resolver-callbacks-basic')));
for (const name of cases) test(`resolver-callbacks: ${name}`, () => checkFrameworkFixture(name));

// The old pair: a pattern starting at the parameter (quadratic in a long word) and its tail as a prefilter.
const OLD = /(?:\(\s*[A-Za-z_$][\w$]*\s*\)|[A-Za-z_$][\w$]*)\s*=>\s*(?:[\w$]+\s*\.\s*)?(?:join|resolve)\s*\(/;

test('resolver-callbacks: RESOLVER_ARROW matches exactly the texts the old pattern matched', async () => {
  const { RESOLVER_ARROW } = await import('../../src/frameworks/js/resolver-callbacks.js');
  for (const text of ['p => path.resolve(__dirname, p)', '(p) => join(dir, p)', 'x=>path . join(', '() => path.resolve(a)', '(a, b) => path.join(a)', 'p => other(p)', 'p =>\n  resolve(', '1 => join(', '$ => y.resolve (']) {
    assert.equal(RESOLVER_ARROW.test(text), OLD.test(text), text);
  }
  const seed = Number(process.env.CENSUS_SEED ?? Date.now() % 1_000_000);
  console.log(`resolver-callbacks property seed: ${seed}`);
  let state = seed;
  const next = (n: number): number => (state = (state * 1103515245 + 12345) % 2147483648) % n;
  const pieces = ['p', 'ab', '1', '$', '_', ' ', '\n', '(', ')', '=>', '=', '>', '.', 'path', 'join', 'resolve', ',', "'"];
  for (let i = 0; i < 20000; i++) {
    let text = '';
    for (let k = next(12); k >= 0; k--) text += pieces[next(pieces.length)];
    assert.equal(RESOLVER_ARROW.test(text), OLD.test(text), `seed ${seed}: ${JSON.stringify(text)}`);
  }
});

// Not a speed budget: the old pattern took seconds on this text (quadratic in the word); the timeout only keeps a regression from hanging the suite.
test('resolver-callbacks: a long word before a resolver arrow with no parameter finishes', { timeout: 120_000 }, async () => {
  const { RESOLVER_ARROW } = await import('../../src/frameworks/js/resolver-callbacks.js');
  const text = `const path = require('path');\nconst wasm = '${'a0'.repeat(150_000)}';\nmodule.exports = () => path.resolve(__dirname, 'x.wasm');\n`;
  assert.equal(RESOLVER_ARROW.test(text), false);
  assert.equal(RESOLVER_ARROW.test(`${text}\nconst r = ${'b'.repeat(300_000)} => path.join(__dirname, b);\n`), true);
});
