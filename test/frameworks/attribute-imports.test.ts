/** The attribute-imports reader: a dotted name a module sets on an attribute that a loader reads by name and imports. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignedNames, attributeLoadsIn } from '../../src/frameworks/python/attribute-imports.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('attribute-imports');
test('attribute-imports: has a basic fixture', () => assert.ok(cases.includes('attribute-imports-basic')));
for (const name of cases) test(`attribute-imports: ${name}`, () => checkFrameworkFixture(name));

test('attribute-imports: a computed import followed back to a read by name (Horizon base.py:953-958, utils/settings.py:153-161)', () => {
  const text = [
    'import os',
    'from importlib import import_module',
    'def process(config):',
    "    if config.get('ADD_PANEL', None):",
    "        panel_path = config['ADD_PANEL']",
    '        mod_path, panel_cls = panel_path.rsplit(".", 1)',
    '        mod = import_module(mod_path)',
    "    _apps = config.get('ADD_INSTALLED_APPS', [])",
    '    if config.get("AUTO"):',
    '        for _app in _apps:',
    '            module = import_module(_app)',
    "    import_module(getattr(settings, 'BACKEND', None).rpartition('.')[0])",
    "    import_string(config.get('HANDLER'))",
    "    import_module(os.environ.get('PLUGIN'))",
    "    import_module(config.get('lower_case'))",
    '    name = compute()',
    '    import_module(name)',
    '',
  ].join('\n');
  const found = attributeLoadsIn('x.py', text, [7, 11, 12, 13, 14, 15, 17]);
  assert.deepEqual(
    found.map((l) => [l.attr, l.readLine, l.loadLine, l.each, l.head]),
    [
      ['ADD_PANEL', 5, 7, false, true],
      ['ADD_INSTALLED_APPS', 8, 11, true, false],
      ['BACKEND', 12, 12, false, true],
      ['HANDLER', 13, 13, false, true],
    ],
  );
});

test('attribute-imports: a top-level dotted literal, joined, parenthesised, continued, or a list; nothing indented or computed', () => {
  const text = [
    "ADD_PANEL = ('a.b'",
    "             '.C')",
    'ADD_PANEL = \\',
    "    'd.e.F'",
    "ADD_PANEL = ['g.h', 'i']  # apps",
    "ADD_PANEL = ('j.k',)",
    "ADD_PANEL = 'has space'",
    "ADD_PANEL = PREFIX + '.x'",
    'def f():',
    "    ADD_PANEL = 'l.m'",
    "ADD_PANELS = 'n.o'",
    '',
  ].join('\n');
  assert.deepEqual(assignedNames(text, 'ADD_PANEL'), [
    { names: ['a.b.C'], list: false, line: 1 },
    { names: ['d.e.F'], list: false, line: 3 },
    { names: ['g.h', 'i'], list: true, line: 5 },
    { names: ['j.k'], list: true, line: 6 },
  ]);
});

test('attribute-imports: review 4, a hostile long line is not traced through (and finishes)', { timeout: 60_000 }, () => {
  const long = ['def load(config):', `    mod = a${' '.repeat(200_000)}b`, '    return import_module(mod)', ''].join('\n');
  assert.deepEqual(attributeLoadsIn('x.py', long, [3]), []);
  // A long line that rebinds the name stops the trace; a long line that does not name it is passed over.
  const over = ['def load(config):', "    mod = config['ADD_PANEL']", `    mod = x${' '.repeat(1000)}y`, '    import_module(mod)', ''].join('\n');
  assert.deepEqual(attributeLoadsIn('x.py', over, [4]), []);
  const past = ['def load(config):', "    mod = config['ADD_PANEL']", `    other = x${' '.repeat(1000)}y`, '    import_module(mod)', ''].join('\n');
  assert.deepEqual(attributeLoadsIn('x.py', past, [4]).map((l) => l.attr), ['ADD_PANEL']);
});

test('attribute-imports: review 4, any other rebinding of the traced name stops the trace', () => {
  const shapes = ["    mod += '_v2'", '    mod: str = other()', '    with ctx() as mod:', '    except E as mod:', '    if (mod := pick()):', '    prefix, mod = pick()', '    (a, mod) = pick()', '    for a, mod in pairs:', '    mod //= 2'];
  for (const shape of shapes) {
    const text = ['def load(config):', "    mod = config['HANDLER']", shape, '    import_module(mod)', ''].join('\n');
    assert.deepEqual(attributeLoadsIn('x.py', text, [4]), [], shape);
  }
  // Not a binding of the name: a keyword argument, a comparison, another name's tuple.
  for (const shape of ['    call(a, mod=1)', '    ok = mod == other', '    a, b = pick(mod)', '    modx += 1']) {
    const text = ['def load(config):', "    mod = config['HANDLER']", shape, '    import_module(mod)', ''].join('\n');
    assert.deepEqual(attributeLoadsIn('x.py', text, [4]).map((l) => l.attr), ['HANDLER'], shape);
  }
});
