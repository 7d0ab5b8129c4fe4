/** The protocol-attributes reader: a computed import read for a protocol dunder loads the modules of its package that set it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { protocolLoads, topLevelAssignment } from '../../src/frameworks/python/protocol-attributes.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('protocol-attributes');
test('protocol-attributes: has a basic fixture', () => assert.ok(cases.includes('protocol-attributes-basic')));
for (const name of cases) test(`protocol-attributes: ${name}`, () => checkFrameworkFixture(name));

test('protocol-attributes: a computed import read for a dunder by hasattr, getattr or an attribute', () => {
  assert.deepEqual(
    protocolLoads("def run(name):\n    module = importlib.import_module(name)\n    if not hasattr(module, '__plugins__'):\n        return\n"),
    [{ loadLine: 2, readLine: 3, attr: '__plugins__' }],
  );
  assert.deepEqual(protocolLoads('def run(name):\n    m = __import__(name, None, None, ["x"])\n    for f in m.__hooks__:\n        f()\n'), [
    { loadLine: 2, readLine: 3, attr: '__hooks__' },
  ]);
  assert.deepEqual(protocolLoads("m = import_string(path)\ncb = getattr(m, \"__plugin__\", None)\n"), [{ loadLine: 1, readLine: 2, attr: '__plugin__' }]);
});

test('protocol-attributes: no load from a literal name, a common dunder, another variable, a comment or another def', () => {
  assert.deepEqual(protocolLoads("def f():\n    m = importlib.import_module('app.fixed')\n    return m.__plugins__\n"), []);
  assert.deepEqual(protocolLoads('def f(n):\n    m = importlib.import_module(n)\n    return m.__version__, m.__all__, m.__name__\n'), []);
  assert.deepEqual(protocolLoads('def f(n, c):\n    m = importlib.import_module(n)\n    return c.__plugins__\n'), []);
  assert.deepEqual(protocolLoads('def f(n):\n    m = importlib.import_module(n)\n    # m.__plugins__\n    return m\n'), []);
  assert.deepEqual(protocolLoads('def f(n):\n    m = importlib.import_module(n)\n    return m\n\n\ndef g(m):\n    return m.__plugins__\n'), []);
});

test('protocol-attributes: a computed import relative to the loader\'s package is left to the readers of relative imports', () => {
  assert.deepEqual(protocolLoads('def f(s):\n    if s in modules:\n        m = __import__(s, globals(), None, (), 1)\n        return m.__downloader__\n'), []);
  assert.deepEqual(protocolLoads('def f(s):\n    m = __import__(s, level=2)\n    return m.__downloader__\n'), []);
  assert.deepEqual(protocolLoads("def f(s):\n    m = import_module('.' + s, __package__)\n    return m.__hooks__\n"), []);
  assert.deepEqual(protocolLoads('def f(s):\n    m = __import__(s, globals(), None, (), 0)\n    return m.__hooks__\n'), [{ loadLine: 2, readLine: 3, attr: '__hooks__' }]);
  assert.deepEqual(protocolLoads('def f(s):\n    m = importlib.import_module(\n        s,\n    )\n    return m.__hooks__\n'), [{ loadLine: 2, readLine: 5, attr: '__hooks__' }]);
});

test('protocol-attributes: only a top-level assignment sets the dunder', () => {
  assert.equal(topLevelAssignment("x = 1\n__plugins__ = ('a',)\n", '__plugins__'), 2);
  assert.equal(topLevelAssignment("__plugins__: tuple = ('a',)\n", '__plugins__'), 1);
  assert.equal(topLevelAssignment("def f():\n    __plugins__ = ('a',)\n", '__plugins__'), 0);
  assert.equal(topLevelAssignment("if __plugins__ == ():\n    pass\n", '__plugins__'), 0);
  assert.equal(topLevelAssignment("__plugins___x = 1\n", '__plugins__'), 0);
});
