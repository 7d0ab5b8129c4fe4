/** The module-relative-imports reader: a base-class method's import relative to self.__module__'s package loads, for each subclass, the module beside the subclass's module. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classAttrNames, isModuleParent, siblingImportsIn } from '../../src/frameworks/python/module-relative.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('module-relative-imports');
test('module-relative-imports: has a basic fixture', () => assert.ok(cases.includes('module-relative-imports-basic')));
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
