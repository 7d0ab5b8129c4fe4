/** fileFlows: the calls of a file's functions, with what each argument is built from. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileFlows, fileFlowsAndClasses } from '../../src/frameworks/python/loader-roles.js';

const MAILMAN_LIKE = [
  'import os',
  'from importlib import import_module',
  'from importlib.resources import contents',
  '',
  'def find_components(package, interface):',
  '    for filename in contents(package):',
  "        module_name = '{}.{}'.format(package, os.path.splitext(filename)[0])",
  '        yield import_module(module_name)',
  '',
  'def find_pluggable(subpackage, interface):',
  "    yield from find_components('mailman.' + subpackage, interface)",
  '',
  'def listed(package):',
  '    return contents(package)',
].join('\n');

test('fileFlows: direct parameters, literal prefixes and what an argument is built from', () => {
  const fns = fileFlows(MAILMAN_LIKE, (w) => w === 'contents' || w === 'import_module' || w === 'find_components');
  const find = fns.find((f) => f.name === 'find_components')!;
  assert.equal(find.loads, true);
  assert.deepEqual(find.calls.map((c) => [c.word, c.line, c.positional[0].direct, c.positional[0].prefix, c.positional[0].params]), [
    ['contents', 6, 'package', null, ['package']],
    // Built from the parameter, but not the parameter itself.
    ['import_module', 8, 'module_name', null, ['package']],
  ]);
  const pluggable = fns.find((f) => f.name === 'find_pluggable')!;
  // Stop 48: it calls find_components, a def of the file that loads, so it loads too.
  assert.equal(pluggable.loads, true);
  assert.deepEqual(pluggable.calls.map((c) => [c.word, c.positional[0].direct, c.positional[0].prefix, c.positional[1].direct]), [['find_components', 'subpackage', 'mailman.', 'interface']]);
  // A listing alone is no load.
  assert.equal(fns.find((f) => f.name === 'listed')!.loads, false);
});

test('fileFlows: methods know their class, attribute calls are marked, module-level literals flow in', () => {
  const text = [
    "builtin_extensions = ('pkg.a', 'pkg.b')",
    '',
    'class App:',
    '    def __init__(self):',
    '        for extension in builtin_extensions:',
    '            self.setup_extension(extension)',
    '',
    '    def setup_extension(self, extname):',
    '        self.registry.load_extension(self, extname)',
    '',
    "setup_extension('pkg.c')",
  ].join('\n');
  const fns = fileFlows(text, (w) => w === 'setup_extension' || w === 'load_extension');
  const init = fns.find((f) => f.name === '__init__')!;
  assert.equal(init.className, 'App');
  const call = init.calls[0];
  assert.deepEqual([call.callee, call.attribute, call.positional[0].strings.map((s) => s.value)], ['self.setup_extension', true, ['pkg.a', 'pkg.b']]);
  const setup = fns.find((f) => f.name === 'setup_extension')!;
  assert.deepEqual(setup.calls.map((c) => [c.callee, c.positional.map((p) => p.direct)]), [['self.registry.load_extension', ['self', 'extname']]]);
  const moduleCode = fns.find((f) => f.name === '')!;
  assert.deepEqual(moduleCode.calls.map((c) => [c.attribute, c.positional[0].strings.map((s) => s.value)]), [[false, ['pkg.c']]]);
});

test('fileFlows: a path joined onto a parameter, and the argument text for settling', () => {
  const text = [
    'import importlib.util',
    'from os.path import join',
    'def load_module(filename, module_dir):',
    '    spec = importlib.util.spec_from_file_location("x", join(module_dir, filename))',
    '    spec.loader.exec_module(importlib.util.module_from_spec(spec))',
    'load_module(name + ".py", engine_dir)',
  ].join('\n');
  const fns = fileFlows(text, (w) => w === 'spec_from_file_location' || w === 'load_module');
  const loader = fns.find((f) => f.name === 'load_module')!;
  assert.equal(loader.loads, true);
  assert.deepEqual([...loader.joined], ['module_dir']);
  assert.deepEqual(loader.calls[0].positional[1].params.sort(), ['filename', 'module_dir']);
  assert.deepEqual(fns.find((f) => f.name === '')!.calls[0].positional.map((p) => p.text), ['name + ".py"', 'engine_dir']);
});

test('fileFlowsAndClasses: attributes of self as parameters, loop items, stores, assigned values and class bases', () => {
  const text = [
    'import os',
    'from . import borg',
    '',
    'class Scanner(borg.Borg):',
    '    def __init__(self, folders, package):',
    '        self.folders = folders',
    '        self.package = package',
    '        (head, _tail) = os.path.split(borg.__file__)',
    "        self.folders.append(os.path.join(head, 'plugins'))",
    '',
    '    def rescan(self):',
    '        m = __import__(self.package)',
    '        for folder in self.folders:',
    '            for name in os.listdir(folder):',
    '                __import__(name)',
    '        return m.__file__',
    '',
    'class Sub(Scanner):',
    '    pass',
  ].join('\n');
  const { fns, classes } = fileFlowsAndClasses(text, (w) => w === 'listdir' || w === '__import__');
  assert.deepEqual(classes.map((c) => [c.name, c.bases]), [['Scanner', ['borg.Borg']], ['Sub', ['Scanner']]]);
  const init = fns.find((f) => f.name === '__init__')!;
  assert.deepEqual(init.calls.map((c) => [c.word, c.callee, c.positional[0].direct, c.positional[0].text]), [
    ['@set', 'self.folders', 'folders', 'folders'],
    ['@set', 'self.package', 'package', 'package'],
    ['@add', 'self.folders', null, "os.path.join(head, 'plugins')"],
  ]);
  // `(head, _tail) = os.path.split(x)`: head is x's folder.
  assert.deepEqual(init.assigned.get('head')?.map((v) => v.text), ['os.path.dirname(borg.__file__)']);
  const rescan = fns.find((f) => f.name === 'rescan')!;
  assert.equal(rescan.readsFolder, true);
  assert.deepEqual(rescan.calls.map((c) => [c.word, c.positional[0].direct, c.positional[0].each]), [
    ['__import__', 'self.package', false],
    // A loop variable over self.folders: one item of it.
    ['listdir', 'self.folders', true],
    ['__import__', 'name', false],
  ]);
  assert.deepEqual(rescan.assigned.get('m')?.map((v) => v.text), ['__import__(self.package)']);
});

test('fileFlows: closures, map() over a generator of sys.modules items, comprehensions, *args (stop 48)', () => {
  const text = [
    'import itertools',
    'import sys',
    'from app.common import plugin_loader',
    '',
    'class PluginManager(object):',
    '    def __init__(self, *extra_packages):',
    '        def packages():',
    '            for package_name in extra_packages:',
    '                yield sys.modules[package_name]',
    '',
    '        def modules():',
    '            return map(plugin_loader.load_modules, packages())',
    '',
    '        self.modules = list(modules())',
    '',
    'def load_all(names):',
    '    return [plugin_loader.load_modules(sys.modules[n]) for n in names]',
    '',
    'def _import(importer, name):',
    '    return importer.find_module(name).load_module(name)',
    '',
    'def walk(package):',
    '    path = package.__path__',
    '    for importer, name, _ in pkgutil.walk_packages(path):',
    '        _import(importer, name)',
  ].join('\n');
  const fns = fileFlows(text, (w) => w === 'load_modules' || w === 'walk_packages');
  const init = fns.find((f) => f.name === '__init__')!;
  assert.equal(init.star, 'extra_packages');
  // The nested modules() maps the loader over what the nested packages() yields: the module object of each item.
  assert.deepEqual(init.calls.filter((c) => c.word === 'load_modules').map((c) => [c.callee, c.word, c.attribute, c.positional[0].direct, c.positional[0].each, c.positional[0].moduleOf]), [
    ['plugin_loader.load_modules', 'load_modules', true, 'extra_packages', true, true],
  ]);
  const all = fns.find((f) => f.name === 'load_all')!;
  assert.deepEqual(all.calls.map((c) => [c.word, c.positional[0].direct, c.positional[0].each, c.positional[0].moduleOf]), [['load_modules', 'names', true, true]]);
  // walk() loads through _import (a def of the file that loads); its listing takes a local assigned package.__path__.
  const walk = fns.find((f) => f.name === 'walk')!;
  assert.equal(walk.loads, true);
  assert.deepEqual(walk.assigned.get('path')?.map((v) => v.text), ['package.__path__']);
});
