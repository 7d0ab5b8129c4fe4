/**
 * The package-configs reader: dotted code paths in the lazr/INI and ZCML configs a package reads
 * itself are loaded by the module that reads them; fixture repos with expected verdicts, and the
 * two config readers on their own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iniDottedValues, readZcml } from '../../src/frameworks/python/package-configs.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { writeScanTree, type TreeFile } from '../helpers/scan-tree.js';

const cases = frameworkCases('package-configs');
test('package-configs: has a cfg and a zcml fixture', () => assert.deepEqual(cases.filter((c) => c.endsWith('-cfg') || c.endsWith('-zcml')).sort(), ['package-configs-cfg', 'package-configs-zcml']));
for (const name of cases) test(`package-configs: ${name}`, () => checkFrameworkFixture(name));

test('package-configs: INI values are dotted names of key lines and continuations, never of comments', () => {
  const text = '[a]\nclass: pkg.mod.Cls\n#class: pkg.old.Cls\n; class: pkg.older.Cls\nplain = word\nlist = x.y, z.w  # trailing\n  cont.inued\nurl: http://pkg.example.com\n[b]\n  orphan.value\n';
  assert.deepEqual(iniDottedValues(text).map((v) => [v.value, v.line, v.as]), [
    ['pkg.mod.Cls', 2, 'class: pkg.mod.Cls'],
    ['x.y', 6, 'list: x.y'],
    ['z.w', 6, 'list: z.w'],
    ['cont.inued', 7, 'list: cont.inued'],
  ]);
});

test('package-configs: ZCML code attributes with lines, includes, comments skipped', () => {
  const text = '<configure>\n<!-- <utility factory="gone.Factory"/> -->\n<include package="a.b" />\n<include file="x.zcml"/>\n<adapter\n  for="p.IA p.IB"\n  factory=".local.F"\n  name="not.code" />\n</configure>\n';
  const z = readZcml(text);
  assert.equal(z.problem, null);
  assert.deepEqual(z.includes, [{ package: 'a.b', file: 'configure.zcml', line: 3 }, { package: null, file: 'x.zcml', line: 4 }]);
  assert.deepEqual(z.values.map((v) => [v.value, v.line]), [['p.IA', 6], ['p.IB', 6], ['.local.F', 7]]);
});

test('package-configs: unreadable ZCML stops with the line, keeping what came before', () => {
  const z = readZcml('<configure>\n<utility factory="a.B"/>\n<utility factory="c.D"\n</configure>\n');
  assert.deepEqual(z.values.map((v) => v.value), ['a.B']);
  assert.equal(z.problem?.line, 3);
  assert.equal(readZcml('<a/>\n<!-- open\n').problem?.line, 2);
});

test('package-configs: a ZCML file read by two modules is parsed once, and census says once where it stops reading it', async () => {
  const { dir } = writeScanTree('census-zcml-twice-', [
    ['pkg/__init__.py', 'python', ''],
    ['pkg/config/__init__.py', 'python', ''],
    ['pkg/config/broken.zcml', null, '<configure>\n  <utility factory="pkg.gone.Gone"\n</configure>\n'],
    ...(['a', 'b'].map((m) => [`pkg/${m}.py`, 'python', "from importlib.resources import read_text\n\n\ndef load():\n    return read_text('pkg.config', 'broken.zcml')\n"]) as TreeFile[]),
  ]);
  const { audit } = await scanDir(dir);
  const warnings = audit.warnings.filter((w) => w.id === 'python/zcml-unreadable');
  assert.deepEqual(warnings.map((w) => [w.location?.file, w.location?.line]), [['pkg/config/broken.zcml', 2]]);
});
