/** parameter-values: the arguments same-file calls pass to a function, read from the text within a bounded window. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argumentValues, CALL_ARGS_WINDOW, callArguments, CallSites, callsOf, thisCallArguments } from '../../src/frameworks/js/parameter-values.js';
import { listsPassedTo, PassedNames } from '../../src/frameworks/js/literal-lists.js';

test('callArguments reads the argument at its place, and skips methods and declarations', () => {
  const text = "function load(name) { return require(name); }\nload('./a');\nx.load('./b');\nload(cfg.x || './c');\n";
  assert.deepEqual(
    callArguments(text, 'load', 0).map((c) => c.text.trim()),
    ["'./a'", "cfg.x || './c'"],
  );
});

test('callArguments gives up on a call whose parentheses do not close within the window', () => {
  const unbalanced = `load('./a', ${'('.repeat(10)}`;
  assert.deepEqual(callArguments(unbalanced, 'load', 0), []);
  const long = `load('./a', [${'1,'.repeat(CALL_ARGS_WINDOW)}]);\nload('./b');\n`;
  assert.deepEqual(
    callArguments(long, 'load', 0).map((c) => c.text.trim()),
    ["'./b'"],
  );
});

test('callsOf: every argument of each call; a spread calls the function, a generator declaration and a method do not', () => {
  const text = "function* make(a) {}\nconst all = [...make('./a', { basedir: x })];\nobj.make('./b');\nmake();\n";
  assert.deepEqual(
    callsOf(text, 'make').map((c) => [text.slice(c.index, c.index + 4), c.args]),
    [['make', ["'./a'", '{ basedir: x }']], ['make', []]],
  );
});

test('argumentValues: a module constant declared before bare declarators (`var A = "a.js", cache, timer;`) holds its literal', () => {
  const text = "var CORE_SCRIPT = '../client/core.js', cache, timer;\nfunction serve() {\n  return readFile(CORE_SCRIPT);\n}\n";
  const at = text.indexOf('CORE_SCRIPT)');
  assert.deepEqual(argumentValues('CORE_SCRIPT', text, at).literals, ['../client/core.js']);
});

test('parameter-values: the calls read from one pass over a text (CallSites, PassedNames) are those a scan per name finds', () => {
  const text = [
    "function load(p) { return require(p) } load('./a'); load ('./b'); x.load('./c'); ...load('./d'); reload('./e'); $load('./f');",
    "function* load2(q) {} load2(1, './g'); load2x('./h'); this.load('./i'); this . load( './j' ); that.this.load('./k');",
    "['./l', './m'].map(load); ['./n'].forEach( load2 ); [x].flatMap(loads); `load('./o')`",
  ].join('\n');
  const sites = new CallSites(text);
  const passed = new PassedNames(text);
  for (const fn of ['load', 'load2', 'reload', '$load', 'loads', 'absent']) {
    assert.deepEqual(callsOf(text, fn, sites), callsOf(text, fn), fn);
    assert.deepEqual(callArguments(text, fn, 1, sites), callArguments(text, fn, 1), fn);
    assert.deepEqual(thisCallArguments(text, fn, 0, sites), thisCallArguments(text, fn, 0), fn);
    assert.deepEqual(listsPassedTo(text, fn, passed), listsPassedTo(text, fn), fn);
  }
  assert.equal(callsOf(text, 'load', sites).length, 5);
  assert.equal(thisCallArguments(text, 'load', 0, sites).length, 2);
  assert.equal(listsPassedTo(text, 'load2', passed).length, 1);
});
