/** The oslo-prefixed-imports reader: oslo.utils importutils loads of a computed name under a constant package path. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { osloComputedLoads, osloNamesOf } from '../../src/frameworks/python/oslo-prefixed-imports.js';
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
