/** fileLoads: which functions import a name built from a parameter, and what flows into calls to them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fileLoads, follow, moduleFunctionLoads, topLevelDefAround, type Flow } from '../../src/frameworks/python/loader-functions.js';
import { assertProperty } from '../helpers/property.js';

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

/** follow as it was before stop 65 (passes over every flow until one takes nothing): the order the indexed one must keep. */
const followByPasses = (need: Map<string, number>, flows: readonly Flow[]): { value: string; line: number }[] => {
  const strings: { value: string; line: number }[] = [];
  const used = new Set<Flow>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of flows) {
      if (used.has(f) || ![...f.bound].some((n) => need.has(n))) continue;
      used.add(f);
      grew = true;
      strings.push(...f.strings);
      for (const [n, line] of f.read) if (!need.has(n)) need.set(n, line);
    }
  }
  return strings;
};

test('follow: the literals and lines of the passes over the flows, in their order (seeded property)', () => {
  const name = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
  const flow = fc.record({
    bound: fc.uniqueArray(name, { maxLength: 2 }).map((xs) => new Set(xs)),
    read: fc.array(fc.tuple(name, fc.nat(50)), { maxLength: 3 }),
    strings: fc.array(fc.record({ value: fc.string({ maxLength: 3 }), line: fc.nat(50) }), { maxLength: 2 }),
  });
  assertProperty(
    fc.property(fc.array(flow, { maxLength: 12 }), fc.array(fc.tuple(name, fc.nat(50)), { maxLength: 3 }), (flows, start) => {
      const [mine, theirs] = [new Map(start), new Map(start)];
      assert.deepEqual(follow(mine, flows), followByPasses(theirs, flows));
      assert.deepEqual([...mine], [...theirs]);
    }),
    { numRuns: 2_000 },
  );
});

test('follow: a call whose names no flow binds reads no flow (one read per flow for the index, then none per call)', () => {
  // 2,000 module-level `dN = importutils.import_object('p.%s' % nN)`, each call following its own nN:
  // the passes read every flow per call (4,000,000 reads); 11 s on a 40,000-call module.
  const plain: Flow[] = Array.from({ length: 2_000 }, (_, i) => ({ bound: new Set([`d${i}`]), read: [[`n${i}`, i + 1]], strings: [] }));
  let reads = 0;
  const flows = new Proxy(plain, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  for (let i = 0; i < 2_000; i++) follow(new Map([[`n${i}`, i + 1]]), flows);
  assert.ok(reads <= 2 * 2_000, `${reads} reads of a flow`);
  assert.deepEqual(follow(new Map([['d7', 1]]), flows), [], 'a bound name takes its flow');
});
