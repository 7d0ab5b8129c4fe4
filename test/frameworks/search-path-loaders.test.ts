/** Loaders that import a name under each package of a search path they are handed (cloud-init's importer.find_module). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { definesTopLevel } from '../../src/frameworks/python/search-path-loaders.js';

const cases = frameworkCases('search-path-loaders');
// Stop 62: distros/debian.py (["", __name__], ["Distro"]), handlers/cc_ping.py (obj_name(handlers), ["handle"]),
// mergers/m_dict.py ([__name__], [MERGER_ATTR]) and, through list_sources handing its parameter on, sources/DataSourceNone.py
// run (stages.py hands list_sources the list `self._get_datasources()` fills from literals); distros/net_util.py (no Distro), extras/thing.py (a def that only prints the joined names), plain/orphan.py (a plain
// module's __name__, a list filled at run time) stay dead.
// Review: extras/thing.py stays dead though tools/quiet.py's find_quiet logs the joined names and imports the bare one;
// examples/alpha.py stays dead though examples/__init__.py's docstring shows a find_module call; widgets/gadget.py runs
// (widgets.fetch hands find_module attributes it takes at run time: an unread filter keeps no module out, and says so).
test('search-path-loaders: has a basic fixture', () => assert.ok(cases.includes('search-path-loaders-basic')));
for (const name of cases) test(`search-path-loaders: ${name}`, { timeout: 120_000 }, () => checkFrameworkFixture(name));

test('searchPathLoaders: a def joining a loop over one parameter and another parameter into a dotted name it imports', async () => {
  const { searchPathLoaders } = await import('../../src/frameworks/python/search-path-loaders.js');
  const shapes = [
    'def load(name, paths):\n    for p in paths:\n        mod = importlib.import_module(f"{p}.{name}")\n',
    'def load(name, paths):\n    for p in paths:\n        mod = __import__(p + "." + name)\n',
    'def load(name, paths):\n    for p in paths:\n        mod = import_module("%s.%s" % (p, name))\n',
  ];
  for (const text of shapes) assert.deepEqual(searchPathLoaders('a.py', text).map((l) => [l.name, l.base, l.paths, l.attrs]), [['load', 0, 1, null]], text);
  // The attributes a module must have, read in a same-file def the loader hands them to.
  const filtered = 'def has(m, attrs):\n    mod = importlib.import_module(m)\n    for a in attrs:\n        if not hasattr(mod, a):\n            return False\n    return True\n\n\ndef load(paths, name, want):\n    for p in paths:\n        if has(f"{p}.{name}", want):\n            return p\n';
  assert.deepEqual(searchPathLoaders('a.py', filtered).map((l) => [l.name, l.base, l.paths, l.attrs]), [['load', 1, 0, 2]]);
  // No load: the joined names are printed. A loop over a constant, not a parameter: no search path handed in.
  assert.deepEqual(searchPathLoaders('a.py', 'def show(name, paths):\n    for p in paths:\n        print(f"{p}.{name}")\n'), []);
  // Review: the joined name logged, the bare name imported: the search path is not what is loaded.
  assert.deepEqual(searchPathLoaders('a.py', 'def load(name, paths):\n    for p in paths:\n        LOG.debug(f"{p}.{name}")\n    return importlib.import_module(name)\n'), []);
  assert.deepEqual(searchPathLoaders('a.py', 'def load(name, paths):\n    for p in paths:\n        full = p + "." + name\n        LOG.debug(full)\n    return importlib.import_module(name)\n'), []);
  assert.deepEqual(searchPathLoaders('a.py', 'def load(name, paths):\n    for p in paths:\n        full = p + "." + name\n        mod = importlib.import_module(full)\n').map((l) => l.name), ['load']);
  assert.deepEqual(searchPathLoaders('a.py', 'PATHS = ["a"]\n\n\ndef load(name, other):\n    for p in PATHS:\n        importlib.import_module(f"{p}.{name}")\n'), []);
});

test('search-path-loaders: hostile text is read in bounded time and never throws', { timeout: 120_000 }, async () => {
  const { searchPathLoaders, topLevelDefs } = await import('../../src/frameworks/python/search-path-loaders.js');
  const long = ' '.repeat(200_000);
  const texts = [
    `def load(name, paths):\n    for p in paths:\n        importlib.import_module(${long}\n`,
    `def load(name, paths${long}`,
    `def load(name, paths):\n    for p in paths:\n        x = [${'('.repeat(50_000)}\n        importlib.import_module(f"{p}.{name}")\n`,
    'def (\n',
    '',
  ];
  for (const text of texts) {
    assert.doesNotThrow(() => searchPathLoaders('a.py', text));
    assert.doesNotThrow(() => topLevelDefs(text));
  }
  // Review: thousands of defs, each a loader or calling none, cost one pass per def (a pattern per pair of defs: 20,000 defs ran for minutes).
  let many = '';
  for (let i = 0; i < 10_000; i++) many += `def l${i}(x):\n    return importlib.import_module(x)\n\n\ndef d${i}(name, paths, want):\n    for p in paths:\n        importlib.import_module(f"{p}.{name}")\n\n\n`;
  assert.equal(searchPathLoaders('a.py', many).length, 10_000);
  // Line numbers counted on from def to def.
  assert.deepEqual(topLevelDefs('x = 1\n\ndef a(p):\n    pass\n\n\ndef b(q, r):\n    pass\n').map((d) => [d.name, d.line, d.params]), [['a', 3, ['p']], ['b', 7, ['q', 'r']]]);
});

test('tripleQuotedSpans: docstrings, not quotes inside comments or one-line strings; hostile text in one pass', { timeout: 120_000 }, async () => {
  const { insideSpans, tripleQuotedSpans } = await import('../../src/frameworks/python/triple-quoted.js');
  const text = `x = "'''"  # """ not one\n"""doc\nf(a)\n"""\ny = f(b)\nz = '''un\\'''closed`;
  const spans = tripleQuotedSpans(text);
  assert.equal(spans.length, 2);
  assert.ok(insideSpans(spans, text.indexOf('f(a)')));
  assert.ok(!insideSpans(spans, text.indexOf('f(b)')));
  assert.equal(spans[1][1], text.length);
  for (const hostile of ['"'.repeat(100_001), `"""${'\\'.repeat(100_000)}`, `${"'".repeat(99_999)}\n#`, '#'.repeat(100_000)]) assert.doesNotThrow(() => tripleQuotedSpans(hostile));
});

test('definesTopLevel (stop 63): a binding in module-level if/try/with blocks counts; one in a def or class body does not', () => {
  const text = [
    'import sys',
    'if sys.version_info >= (3, 8):',
    '    # the new API',
    '    def handle(cloud):',
    '        return cloud',
    'else:',
    '    try:',
    '        from compat import Distro',
    '    except ImportError:',
    '        Distro = None',
    'class Other:',
    '    def method(self):',
    '        pass',
    '    attr = 1',
    'def helper():',
    '    if True:',
    '        inner = 2',
    "if __name__ == '__main__':",
    '    def script_only(cloud):',
    '        pass',
    '',
  ].join('\n');
  for (const name of ['handle', 'Distro', 'sys', 'Other', 'helper']) assert.ok(definesTopLevel(text, name), name);
  // Review of stop 63: a def under the `__main__` guard is bound only when the file runs as a script, never in the module imported.
  for (const name of ['method', 'attr', 'inner', 'cloud', 'script_only']) assert.ok(!definesTopLevel(text, name), name);
});
