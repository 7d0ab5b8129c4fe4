/**
 * Imports under a flag only tests switch on (limnoria's `if world.testing: from . import test`,
 * languages/python/test-flags.ts): held until the test tier when the flag module sets a false
 * literal and only tests store another value; a production store, a `global` store in the flag's
 * module, `not`/`or` conditions and a flag read from the environment keep a plain import edge.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('python-test-flags');
test('python-test-flags: has the held, stored, global, dynamic and sysmodules fixtures', () => {
  for (const name of ['held', 'stored', 'global', 'dynamic', 'sysmodules']) assert.ok(cases.includes(`python-test-flags-${name}`), name);
});
for (const name of cases) test(`python-test-flags: ${name}`, () => checkFrameworkFixture(name));

// Review s57-rm2 #2: the old top-level assignment pattern, quadratic over a long run of spaces.
const oldFalseFlag = (text: string, name: string): boolean => {
  const found = [...text.matchAll(new RegExp(`^${name}[ \\t]*=[ \\t]*([^=\\n#][^\\n#]*?)[ \\t]*(?:#.*)?$`, 'gm'))];
  return found.length === 1 && /^(?:False|0|None)$/.test(found[0][1]);
};

test('python-test-flags: the linear top-level pattern takes what the old one took (property, seed printed)', async () => {
  const { falseFlags } = await import('../../src/languages/python/test-flags.js');
  const seed = Number(process.env.CENSUS_SEED ?? Date.now() % 1_000_000);
  console.log(`python-test-flags property seed: ${seed}`);
  let state = seed;
  const next = (n: number): number => (state = (state * 1103515245 + 12345) % 2147483648) % n;
  // No '\r': the old pattern kept it in the value, so a CRLF file's `testing = False` was no flag; now it is one.
  const pieces = ['testing', ' ', '\t', '=', '==', 'False', 'None', '0', 'x', '#', '\n', 'global testing\n', '  testing = True\n'];
  for (let i = 0; i < 20000; i++) {
    let text = '';
    for (let k = next(10); k >= 0; k--) text += pieces[next(pieces.length)];
    // The store count and `global` check after the pattern are unchanged, so compare only texts they pass.
    const stores = text.match(/(?<![\w.])testing[ \t]*(?:[-+*/|&^]|\/\/|<<|>>)?=(?!=)/g)?.length ?? 0;
    if (stores !== 1 || /\bglobal\b[^\n]*\btesting\b/.test(text)) continue;
    assert.equal(falseFlags(text, ['testing']).has('testing'), oldFalseFlag(text, 'testing'), `seed ${seed}: ${JSON.stringify(text)}`);
  }
});

// Not a speed budget: the old patterns would take minutes on these lines; the timeout only keeps a regression from hanging the suite.
test('python-test-flags: a long line of spaces or of setattr( calls finishes', { timeout: 60_000 }, async () => {
  const { falseFlags, trueStores, SYS_MODULES_SETATTR } = await import('../../src/languages/python/test-flags.js');
  const spaces = ' '.repeat(400_000);
  assert.equal(falseFlags(`testing = a${spaces}b\n`, ['testing']).size, 0);
  assert.equal(falseFlags(`testing = False${spaces}\n`, ['testing']).get('testing'), 1);
  assert.deepEqual(trueStores(`${'setattr('.repeat(100_000)}\nsetattr(get_world(),\n  'testing', True)\n`, 'testing'), [2]);
  assert.equal(SYS_MODULES_SETATTR.test(`${'setattr(sys.modules['.repeat(50_000)}\n`), false);
  assert.equal(SYS_MODULES_SETATTR.test("setattr(sys.modules['app.world'], 'testing', True)"), false);
  assert.equal(SYS_MODULES_SETATTR.test('setattr(sys.modules[name], key, value)'), true);
});
