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

test('package-configs: a __file__ path whose call is split over lines is read from the line that opens it, no further than a few lines up', async () => {
  const read = (name: string, above: number): string =>
    `import os\n\n\ndef load():\n    path = os.path.abspath(\n${'\n'.repeat(above)}        os.path.join(\n            os.path.dirname(__file__), "${name}"))\n    return open(path).read()\n\n\nif __name__ == "__main__":\n    load()\n`;
  const { dir } = writeScanTree('census-split-path-', [
    ['pkg/__init__.py', 'python', ''],
    ['pkg/api/__init__.py', 'python', ''],
    ['pkg/api/app.py', 'python', read('settings.ini', 0)],
    ['pkg/api/settings.ini', null, '[main]\nroot = pkg.api.root.Root\n'],
    ['pkg/api/root.py', 'python', 'class Root:\n    pass\n'],
    // Blank lines between the opening call and the rest: too far up to be read as one statement.
    ['pkg/far/__init__.py', 'python', ''],
    ['pkg/far/app.py', 'python', read('far.ini', 4)],
    ['pkg/far/far.ini', null, '[main]\nroot = pkg.far.root.Root\n'],
    ['pkg/far/root.py', 'python', 'class Root:\n    pass\n'],
  ]);
  const { audit } = await scanDir(dir);
  const root = audit.files.find((f) => f.path === 'pkg/api/root.py')!;
  assert.equal(root.verdict, 'manual');
  assert.ok((root.evidence ?? []).some((e) => e.includes('read by pkg/api/app.py:7 (a path built from __file__)')), (root.evidence ?? []).join('\n'));
  assert.equal(audit.files.find((f) => f.path === 'pkg/far/root.py')!.verdict, 'dead');
});
