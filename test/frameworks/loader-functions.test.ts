/** fileLoads: which functions import a name built from a parameter, and what flows into calls to them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileLoads, moduleFunctionLoads, topLevelDefAround } from '../../src/frameworks/python/loader-functions.js';

const GUNICORN_LIKE = [
  'import importlib',
  'from pkg.workers import WORKERS',
  '',
  'def load_class(uri, default="pkg.workers.sync.Sync", *, section="pkg.group"):',
  '    """Loads pkg.documented.Thing."""',
  '    if uri in WORKERS:',
  '        components = WORKERS[uri].split(".")',
  '    else:',
  '        components = uri.split(".")',
  '    klass = components.pop(-1)',
  '    mod = importlib.import_module(".".join(components))',
  '    return getattr(mod, klass)',
  '',
  'class Config:',
  '    def load(self, name):',
  '        return importlib.import_module(name)',
  '',
  'def fixed():',
  '    names = ["pkg.a", "pkg.b"]',
  '    for name in names:',
  '        importlib.import_module(name)',
  '    importlib.import_module("pkg.literal")',
].join('\n');

test('fileLoads: the parameter a computed import is built from, through assignments', () => {
  const { loads } = fileLoads(GUNICORN_LIKE);
  assert.deepEqual(
    loads.map((l) => [l.name, l.topLevel, l.defLine, l.loadLine, l.parameter, l.parameterIndex]),
    [
      ['load_class', true, 4, 11, 'uri', 0],
      // A method is no loader other modules call by an imported name.
      ['load', false, 15, 16, 'name', 1],
      // Built from a local list, not a parameter; the literal import is no computed one.
      ['fixed', true, 18, 21, null, -1],
    ],
  );
  assert.deepEqual(loads[0].defaults, [
    { value: 'pkg.workers.sync.Sync', line: 4 },
    { value: 'pkg.group', line: 4 },
  ]);
  assert.deepEqual(
    loads[0].reads.map((r) => r.name).sort(),
    ['WORKERS', 'components'],
  );
});

test('fileLoads: calls to a loader, what flows into its parameter and what its other arguments hold', () => {
  const text = [
    '"""pkg.documented.Thing"""',
    'import logging',
    'from pkg import util',
    'DEFAULT = "pkg.top.Default"',
    'log = logging.getLogger("pkg.logged")',
    '',
    'def make(uri, statsd):',
    '    # pkg.commented.Thing',
    '    other = "pkg.unrelated.Thing"',
    '    if statsd:',
    '        uri = "pkg.stats.Statsd"',
    '    if uri is None:',
    '        uri = DEFAULT',
    '    return util.load_class(',
    '        uri,',
    '        default="pkg.chosen.Chosen")',
    '',
    'util.load_class("pkg.direct.Direct")',
    'load_class(uri)',
  ].join('\n');
  const { loads, calls } = fileLoads(text, new Map([['util.load_class', { parameter: 'uri', index: 0 }]]));
  assert.deepEqual(loads, []);
  assert.deepEqual(
    calls.map((c) => [c.callee, c.line, c.strings.map((s) => `${s.line}:${s.value}`).sort(), c.others.map((s) => `${s.line}:${s.value}`)]),
    [
      ['util.load_class', 14, ['11:pkg.stats.Statsd', '4:pkg.top.Default'], ['16:pkg.chosen.Chosen']],
      ['util.load_class', 18, ['18:pkg.direct.Direct'], []],
    ],
  );
});

test('fileLoads: the argument taken by keyword, and a call that passes none', () => {
  const callees = new Map([['load', { parameter: 'path', index: 1 }]]);
  const { calls } = fileLoads(['load(None, path="pkg.kw.Thing", other="pkg.x.Y")', 'load(*args)'].join('\n'), callees);
  assert.deepEqual(
    calls.map((c) => [c.strings.map((s) => s.value), c.others.map((s) => s.value)]),
    [
      [['pkg.kw.Thing'], ['pkg.x.Y']],
      [[], []],
    ],
  );
});

test('moduleFunctionLoads: module-level functions only, each read from its own lines, with the file\'s line numbers', () => {
  const text = [
    'import importlib', // 1
    'importlib.import_module(NAME)', // 2: module level
    '',
    'class Registry:', // 4
    '    def load(self, name):',
    '        return importlib.import_module(name)', // 6: a method
    '',
    '@cache', // 8
    'def load_plugin(',
    '    path,',
    '    fallback="pkg.plugins.default",',
    '):',
    '    # a comment at column 0 does not end it:',
    '# like this one',
    '    return importlib.import_module(path)', // 15
    '',
    'def cut(name):', // 17
    '    doc = """',
    'a column-0 line of a string ends the function early: the call is missed, not misread',
    '"""',
    '    return importlib.import_module(name)', // 21
  ].join('\n');
  const loads = moduleFunctionLoads(text);
  assert.deepEqual(
    loads.map((l) => [l.name, l.defLine, l.loadLine, l.parameter, l.defaults]),
    [['load_plugin', 9, 15, 'path', [{ value: 'pkg.plugins.default', line: 11 }]]],
  );
  assert.equal(topLevelDefAround(text, text.indexOf('import_module(NAME)')), null);
  assert.equal(topLevelDefAround(text, text.indexOf('import_module(name)')), null);
  const def = topLevelDefAround(text, text.indexOf('import_module(path)'))!;
  assert.equal(text.slice(def.start, def.end).split('\n')[0], 'def load_plugin(');
  assert.ok(text.slice(def.start, def.end).endsWith('import_module(path)\n\n'));
  assert.equal(topLevelDefAround(text, text.lastIndexOf('import_module(name)')), null);
});

test('loader functions: calls in a class body are skipped a block at a time, however many there are', () => {
  const calls = Array.from({ length: 3000 }, (_, i) => `    x${i} = import_module(name${i})\n`).join('');
  const text = `class Registry:\n${calls}\ndef load(uri):\n    return import_module(uri)\n`;
  const loads = moduleFunctionLoads(text);
  assert.deepEqual(loads.map((l) => [l.name, l.parameter, l.loadLine]), [['load', 'uri', 3004]]);
});
