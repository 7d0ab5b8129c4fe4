/** The oslo-prefixed-imports reader: oslo.utils importutils loads of a computed name under a constant package path. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inCode, osloComputedLoads, osloNamesOf } from '../../src/frameworks/python/oslo-prefixed-imports.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('oslo-prefixed-imports');
test('oslo-prefixed-imports: has a basic fixture', () => assert.ok(cases.includes('oslo-prefixed-imports-basic')));
for (const name of cases) test(`oslo-prefixed-imports: ${name}`, () => checkFrameworkFixture(name));

test("oslo-prefixed-imports: only importutils' own loaders, by its module or the names the file imports them by", () => {
  const imports = [
    { specifier: 'oslo_utils', names: [{ name: 'importutils', alias: 'iu' }] },
    { specifier: 'oslo_utils.importutils', names: [{ name: 'import_class', alias: 'load_class' }] },
    { specifier: 'importlib', names: [{ name: 'import_module' }] },
  ];
  const text = [
    "a = iu.import_object('pkg.virt.%s' % kind, api)",
    "b = load_class(",
    "    'pkg.sched.' + name)",
    "c = import_module('pkg.other.%s' % name)",
    "# d = iu.import_object('pkg.extras.%s' % kind)",
    "e = iu.import_class('pkg.literal.Class')",
    "f = self.import_object('pkg.own.%s' % kind)",
    "name = 'pkg.codecs.%s_codec' % kind",
    'g = iu.try_import(name)',
    'h = iu.import_module(unknown)',
    '',
  ].join('\n');
  assert.deepEqual(
    osloComputedLoads('x.py', text, osloNamesOf(imports)).map((l) => [l.line, l.word, l.expression, l.assignedAt]),
    [
      [1, 'import_object', "'pkg.virt.%s' % kind", 0],
      [2, 'import_class', "'pkg.sched.' + name", 0],
      [9, 'try_import', "'pkg.codecs.%s_codec' % kind", 8],
    ],
  );
});

// Review s65-rv4: a call a docstring shows or a string holds runs nothing (the start build read both lines 4
// and 6 as loads); a `#` inside a string before a real call no longer drops it.
test('oslo-prefixed-imports: a call in a docstring or a string is not read; a # in a string before a call is no comment', () => {
  const names = osloNamesOf([{ specifier: 'oslo_utils', names: [{ name: 'importutils' }] }]);
  const text = [
    'def load(kind, name):',
    '    """Load a driver, e.g.',
    '',
    "        driver = importutils.import_object('pkg.virt.%s' % kind)",
    '    """',
    `    shown = "importutils.import_class('pkg.sched.%s' % name)"`,
    "    tag = '#'; drv = importutils.import_object('pkg.codecs.%s' % kind)",
    "    # importutils.import_module('pkg.extras.%s' % kind)",
    '',
  ].join('\n');
  assert.deepEqual(osloComputedLoads('x.py', text, names).map((l) => [l.line, l.expression]), [[7, "'pkg.codecs.%s' % kind"]]);
  assert.equal(inCode(String.raw`x = 'a' + "b\"" + f(`, 18), true);
  assert.equal(inCode("x = '''a''' # f(", 14), false);
  assert.equal(inCode("x = 'it''s' f(", 12), true);
  assert.equal(inCode("x = 'unclosed f(", 14), false);
});
