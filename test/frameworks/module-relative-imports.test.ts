/** The module-relative-imports reader: a base-class method's import relative to self.__module__'s package loads, for each subclass, the module beside the subclass's module. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classAttrNames, isModuleParent, siblingImportsIn } from '../../src/frameworks/python/module-relative.js';
import { packageWalksIn } from '../../src/frameworks/python/package-walks.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('module-relative-imports');
test('module-relative-imports: has a basic fixture', () => assert.ok(cases.includes('module-relative-imports-basic')));
test('module-relative-imports: has a walk-unconstructed fixture (a walking loader subclass nothing constructs)', () => assert.ok(cases.includes('module-relative-imports-walk-unconstructed')));
test('module-relative-imports: has a walk-aliased fixture (subclasses constructed by the as names of their imports; review of stop 66)', () => assert.ok(cases.includes('module-relative-imports-walk-aliased')));
for (const name of cases) test(`module-relative-imports: ${name}`, () => checkFrameworkFixture(name));

test('module-relative-imports: the package of the object\'s module, as methods write it', () => {
  assert.ok(isModuleParent("'.'.join(self.__module__.split('.')[:-1])"));
  assert.ok(isModuleParent('".".join(type(self).__module__.split(".")[: -1])'));
  assert.ok(isModuleParent("self.__class__.__module__.rsplit('.', 1)[0]"));
  assert.ok(isModuleParent("cls.__module__.rpartition('.')[0]"));
  assert.ok(!isModuleParent('self.__module__'));
  assert.ok(!isModuleParent("'.'.join(self.__module__.split('.')[:-2])"));
  assert.ok(!isModuleParent("'.'.join(other.__module__.split('.')[:-1])"));
});

test('module-relative-imports: only literal relative names in methods, through a local name or directly', () => {
  const text = [
    'from importlib import import_module',
    'class B:',
    '    def a(self):',
    "        pkg = '.'.join(self.__module__.split('.')[:-1])",
    "        return import_module('.urls', pkg)",
    '    def b(self):',
    "        return import_module('.%s' % self.urls, self.__module__.rsplit('.', 1)[0])",
    '    def c(self):',
    "        return import_module('.api.v1', package=self.__module__.rpartition('.')[0])",
    'def f(self):',
    "    return import_module('.urls', '.'.join(self.__module__.split('.')[:-1]))",
    '',
  ].join('\n');
  assert.deepEqual(
    siblingImportsIn('x.py', text).imports.map((i) => [i.method, i.relative, i.line]),
    [['a', '.urls', 5], ['c', '.api.v1', 9]],
  );
});

test('module-relative-imports: a class body\'s literal tuple of names, nested too; a class name among them stops it', () => {
  const lines = ['class A(B):', "    name = 'x'", "    panels = ('a', 'b',", "              ('c',))  # groups", '', 'class C(B):', '    panels = (Group, "d")', 'x = 1', "    panels = ('e',)"];
  assert.deepEqual(classAttrNames(lines, 1, 'panels'), { names: ['a', 'b', 'c'], line: 3 });
  assert.equal(classAttrNames(lines, 6, 'panels'), null);
  assert.equal(classAttrNames(lines, 1, 'other'), null);
});

test('module-relative-imports: a template name takes the attributes the method reads', () => {
  const text = [
    'import importlib',
    'class D:',
    '    def discover(self):',
    "        package = '.'.join(self.__module__.split('.')[:-1])",
    '        for panel in self.panels:',
    "            importlib.import_module('.%s.panel' % panel, package)",
    '',
  ].join('\n');
  assert.deepEqual(siblingImportsIn('x.py', text).imports.map((i) => [i.relative, i.attrs]), [['.%s.panel', ['panels']]]);
});

test('module-relative-imports: review 6, a template takes only attributes the method loops over, not a skip list it tests', () => {
  const text = [
    'from importlib import import_module',
    'class C:',
    '    def load(self):',
    "        pkg = '.'.join(self.__module__.split('.')[:-1])",
    '        for name in self.names():',
    '            if name in self.blocked:',
    '                continue',
    "            import_module('.%s' % name, pkg)",
    '',
  ].join('\n');
  assert.deepEqual(siblingImportsIn('x.py', text).imports, []);
});

test('module-relative-imports: review 6 regressions (skip list, abstract layer in its own file, override without super, top-level package)', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'module-relative-imports-review'));
  const verdict = (p: string) => audit.files.find((f) => f.path === `usr/lib/python3/dist-packages/${p}`)?.verdict;
  // 1. Ext.blocked = ('legacy',) is a list the method skips by: it names no module the method imports.
  assert.equal(verdict('app/ext/legacy.py'), 'dead');
  // 2. fw2/layers/panel.py's Panel is subclassed by the apps' panels: an abstract layer, no sibling of its own.
  assert.equal(verdict('fw2/layers/urls.py'), 'dead');
  // 3. P1 overrides get_urls without super(): the base's import never runs for it; P3 calls super() and keeps it.
  assert.equal(verdict('app/p1/urls.py'), 'dead');
  assert.equal(verdict('app/p3/urls.py'), 'production');
  assert.equal(verdict('app/p2/urls.py'), 'production');
  // Review 4: P4(NoUrls, Panel): the mixin's get_urls comes first in the MRO, so the base's import never runs.
  assert.equal(verdict('app/p4/panel.py'), 'production');
  assert.equal(verdict('app/p4/urls.py'), 'dead');
  // Stop 61: P5 is subclassed (P6) but also named by its dotted path in a string (horizon's ADD_PANEL naming project's
  // Backups, which admin's Backups subclasses): it is loaded itself, so its sibling loads. P7, named only in a comment, stays a layer.
  assert.equal(verdict('app/p5/urls.py'), 'production');
  assert.equal(verdict('app/p6/urls.py'), 'production');
  assert.equal(verdict('app/p7/urls.py'), 'dead');
  assert.equal(verdict('app/p8/urls.py'), 'production');
  assert.equal(verdict('app/p9/urls.py'), 'production');
  // 4. plug/__init__.py's module is 'plug': its parent is no package, so no edge to the top-level urls.py.
  assert.equal(verdict('urls.py'), 'dead');
});

test('module-relative-imports: review 4, a template takes only the loop whose target is its variable and that holds the call', () => {
  const skip = [
    'import logging',
    'from importlib import import_module',
    'class C:',
    '    def load(self):',
    "        pkg = '.'.join(self.__module__.split('.')[:-1])",
    '        for name in self.blocked:',
    '            logging.info("skipping %s", name)',
    '        for other in self.extra:',
    '            pass',
    '        for name in self.names():',
    '            if name not in self.blocked:',
    "                import_module('.%s' % name, pkg)",
    '',
  ].join('\n');
  assert.deepEqual(siblingImportsIn('x.py', skip).imports, []);
  // Horizon base.py:579-616: a local list filled inside `for panel_set in self.panels:`, then looped over.
  const horizon = [
    'from importlib import import_module',
    'class D:',
    '    def _autodiscover(self):',
    '        panels_to_discover = []',
    '        for skipped in self.hidden:',
    '            log(skipped)',
    '        for panel_set in self.panels:',
    '            if panel_set:',
    '                group = make(panel_set)',
    '            # a comment',
    '            panels_to_discover.extend(group.panels)',
    "        package = '.'.join(self.__module__.split('.')[:-1])",
    '        for panel in panels_to_discover:',
    '            try:',
    "                import_module('.%s.panel' % panel, package)",
    '            except Exception:',
    '                pass',
    '',
  ].join('\n');
  assert.deepEqual(siblingImportsIn('x.py', horizon).imports.map((i) => [i.relative, i.attrs]), [['.%s.panel', ['panels']]]);
});

test('module-relative-imports: stop 65, a walk of the folder of the subclass\'s own package (nova loadables.py)', () => {
  const text = [
    'import os',
    'import sys',
    'from oslo_utils import importutils',
    'class BaseLoader(object):',
    '    def __init__(self, kind):',
    '        mod = sys.modules[self.__class__.__module__]',
    '        self.path = os.path.abspath(mod.__path__[0])',
    '        self.flat = sys.modules[type(self).__module__].__path__[0]',
    '        self.own = os.path.abspath(sys.modules[__name__].__path__[0])',
    '    def _load(self, name):',
    '        return importutils.import_module(name)',
    '    def get_all_classes(self):',
    '        for dirpath, _, filenames in os.walk(self.path):',
    '            pass',
    '        for name in os.listdir(self.flat):',
    '            pass',
    '        for name in os.listdir(self.own):',
    '            pass',
    'class NoLoad(object):',
    '    def __init__(self):',
    '        self.path = sys.modules[self.__module__].__path__[0]',
    '    def names(self):',
    '        return os.listdir(self.path)',
    '',
  ].join('\n');
  // `sys.modules[__name__]` is the base's own module, not the subclass's; a class that loads nothing walks for nothing.
  assert.deepEqual(
    packageWalksIn('x.py', text).walks.map((w) => [w.className, w.method, w.line, w.setter, w.setLine, w.recursive]),
    [['BaseLoader', 'get_all_classes', 13, '__init__', 7, true], ['BaseLoader', 'get_all_classes', 15, '__init__', 8, false]],
  );
});

// Review s65-rv4: the walk reads the attribute as it stands; a class that also stores something else in it
// (`self.path = '/etc/plugins'` in the walking method) may walk that folder instead. The start build walked it.
test('module-relative-imports: a walked attribute the class also sets to another folder gives no walk', () => {
  const text = [
    'import os',
    'import sys',
    'from importlib import import_module',
    'class Loader(object):',
    '    def __init__(self):',
    '        self.path = sys.modules[self.__class__.__module__].__path__[0]',
    '        self.own = sys.modules[self.__class__.__module__].__path__[0]',
    '    def load(self, name):',
    '        return import_module(name)',
    '    def walk(self):',
    "        self.path = '/etc/plugins'",
    '        for name in os.listdir(self.path):',
    '            pass',
    '        for name in os.listdir(self.own):',
    '            pass',
    '',
  ].join('\n');
  assert.deepEqual(packageWalksIn('x.py', text).walks.map((w) => [w.method, w.line, w.setLine]), [['walk', 14, 7]]);
});
