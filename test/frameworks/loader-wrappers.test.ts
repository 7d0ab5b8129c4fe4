/**
 * Modules loaded through a repo's own loader functions (a package listed, a folder listed or
 * loaded by path, a module name handed through methods), on fixture repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('python-loader-wrappers');
for (const c of ['package', 'folder', 'methods', 'caller-folder', 'class-attrs', 'built-folder', 'astroid', 'dotted-head', 'dotted-head-other-file', 'listed-object-private', 'oslo-extensions', 'oslo-service', 'generator-packages', 'rebound-param', 'shadowed-closure', 'rebound-module', 'registry', 'keyed', 'formatted-name', 'template-bounds', 'local-template', 'same-file', 'loop-packages', 'loop-constants', 'class-path-head', 'xdg-data', 'xdg-unrelated', 'plugin-path', 'named-any', 'named-own', 'separator-sub', 'walk-packages', 'loop-prefixes']) test(`loader-wrappers: has a ${c} fixture`, () => assert.ok(cases.includes(`python-loader-wrappers-${c}`)));
for (const name of cases) test(`loader-wrappers: ${name}`, () => checkFrameworkFixture(name));

test('templateParts: module-name templates by %, .format and f-strings', async () => {
  const { templateParts } = await import('../../src/frameworks/python/loader-templates.js');
  assert.deepEqual(templateParts('"radicale.%s.%s" % (module_name, type_)'), ['radicale.', { expr: 'module_name' }, '.', { expr: 'type_' }, '']);
  assert.deepEqual(templateParts("'pkg.%s' % kind"), ['pkg.', { expr: 'kind' }, '']);
  // Stop 54: bytes format with `%` too (mercurial's `b"hgext.%s" % name`); not with .format or as f-strings.
  assert.deepEqual(templateParts('b"hgext.%s" % name'), ['hgext.', { expr: 'name' }, '']);
  assert.deepEqual(templateParts("rb'pkg.%s' % kind"), ['pkg.', { expr: 'kind' }, '']);
  assert.equal(templateParts('x"pkg.%s" % kind'), null);
  assert.deepEqual(templateParts('"app.{}.{}".format(kind, name)'), ['app.', { expr: 'kind' }, '.', { expr: 'name' }, '']);
  assert.deepEqual(templateParts('"app.{1}.{0}".format(name, kind)'), ['app.', { expr: 'kind' }, '.', { expr: 'name' }, '']);
  assert.deepEqual(templateParts('f"app.{area}.{page}"'), ['app.', { expr: 'area' }, '.', { expr: 'page' }, '']);
  // Not templates: a count that does not match, a plain name, a call.
  assert.equal(templateParts('"a.%s.%s" % (x,)'), null);
  // An argument .format does not use is no placeholder.
  assert.deepEqual(templateParts('"a.{}".format(x, y)'), ['a.', { expr: 'x' }, '']);
  assert.equal(templateParts('module'), null);
  assert.equal(templateParts('get_name(x)'), null);
  // A dotted value after `%` is one placeholder, as in a tuple.
  assert.deepEqual(templateParts("'%s.admin' % config.name"), ['', { expr: 'config.name' }, '.admin']);
});

test('templateParts: `+` concatenation, only when asked', async () => {
  const { templateParts } = await import('../../src/frameworks/python/loader-templates.js');
  const plus = (t: string) => templateParts(t, { concatenation: true });
  assert.equal(templateParts("'pkg.' + name"), null);
  assert.deepEqual(plus("'pkg.' + name"), ['pkg.', { expr: 'name' }]);
  assert.deepEqual(plus("__name__ + '.drivers.' + name + '.Driver'"), [{ expr: '__name__' }, '.drivers.', { expr: 'name' }, '.Driver']);
  // Adjacent literals are one part; a `+` inside a literal or brackets splits nothing.
  assert.deepEqual(plus("app + '.' + 'admin'"), [{ expr: 'app' }, '.admin']);
  assert.deepEqual(plus("'a+b.' + f(x + y)"), ['a+b.', { expr: 'f(x + y)' }]);
  // The other forms read as before.
  assert.deepEqual(plus("'pkg.%s' % kind"), ['pkg.', { expr: 'kind' }, '']);
  assert.equal(plus('name'), null);
  assert.equal(plus("'a' + "), null);
});

test('templateFolders: each computed part is one path segment (or part of one) of an existing folder', async () => {
  const { templateParts } = await import('../../src/frameworks/python/loader-templates.js');
  const { templateFolders } = await import('../../src/frameworks/python/template-folders.js');
  const subfolders = new Map<string, string[]>([
    ['', ['pkg']],
    ['pkg', ['pkg/provider', 'pkg/x_plugins', 'pkg/y_plugins', 'pkg/other']],
    ['pkg/provider', ['pkg/provider/layout', 'pkg/provider/source']],
    ['pkg/provider/layout', ['pkg/provider/layout/deep']],
  ]);
  // The loader joins the value onto its own folder, pkg/.
  const settle = (value: string): string => `pkg/${value}`;
  const folders = (text: string): string[] => templateFolders(templateParts(text)!, settle, subfolders);
  assert.deepEqual(folders("'provider/%s' % provider_type"), ['pkg/provider/layout', 'pkg/provider/source']);
  assert.deepEqual(folders('f"provider/{kind}"'), ['pkg/provider/layout', 'pkg/provider/source']);
  assert.deepEqual(folders('"{}_plugins".format(kind)'), ['pkg/x_plugins', 'pkg/y_plugins']);
  // One segment only: provider/layout/deep is not `provider/*`.
  assert.ok(!folders("'provider/%s' % k").includes('pkg/provider/layout/deep'));
  // No literal name part: any folder, so nothing; a folder that is not there: nothing.
  assert.deepEqual(folders("'%s' % kind"), []);
  assert.deepEqual(folders("'missing/%s' % kind"), []);
  // A loader that does not settle the value: nothing.
  assert.deepEqual(templateFolders(templateParts("'provider/%s' % k")!, () => null, subfolders), []);
});

test('registryValues: a table is read once per scan and at most MAX_ENTRIES of its values; stops (review2 #1-#3, #8)', async () => {
  const { registryValues, MAX_ENTRIES } = await import('../../src/frameworks/python/registry-lookups.js');
  const big = `HUGE = {\n${Array.from({ length: 2000 }, (_, i) => `    'k${i}': 'app.d.m${i}',`).join('\n')}\n}\n`;
  const texts = new Map([
    ['app/huge.py', big],
    ['app/again.py', "T = {'a': 'app.d.a'}\nT = load()\nU = {'b': 'app.d.b'}\nfrom x import U\nV = {'c': 'app.d.c'}\ndef f():\n    global V\n"],
  ]);
  let reads = 0;
  const ctx = { readText: (f: string) => (reads++, texts.get(f) ?? null) } as unknown as Parameters<typeof registryValues>[0];
  const bindings = { modules: new Map([['huge', 'app/huge.py'], ['again', 'app/again.py']]), names: new Map(), origin: (file: string, name: string) => ({ file, name }) };
  const fn = { params: ['key'], assigned: new Map() } as unknown as Parameters<typeof registryValues>[4];
  const cache = new Map();
  let values = 0;
  for (let i = 0; i < 200; i++) values += registryValues(ctx, cache, 'app/cmd.py', bindings, fn, `huge.HUGE[argv[${i}]]`, 10 + i).length;
  assert.equal(reads, 1);
  assert.equal(values, 200 * MAX_ENTRIES);
  // A parameter named like the module, a suffix after the lookup, tables bound again: nothing.
  assert.deepEqual(registryValues(ctx, cache, 'app/cmd.py', bindings, { ...fn, params: ['huge'] }, 'huge.HUGE[k]', 1), []);
  assert.deepEqual(registryValues(ctx, cache, 'app/cmd.py', bindings, fn, "huge.HUGE[k] + '_v2'", 1), []);
  assert.equal(registryValues(ctx, cache, 'app/cmd.py', bindings, fn, 'huge.HUGE.get(k, None)', 1).length, MAX_ENTRIES);
  for (const t of ['T', 'U', 'V']) assert.deepEqual(registryValues(ctx, cache, 'app/cmd.py', bindings, fn, `again.${t}[k]`, 1), [], t);
});

test('convertedName: text conversions of a name looked through, others not (review 1 of Stop 54)', async () => {
  const { convertedName } = await import('../../src/frameworks/python/loader-roles.js');
  const { tokenize } = await import('../../src/languages/python/tokenize.js');
  const inner = (src: string): string | null => {
    const t = tokenize(src);
    const r = convertedName(t, 0, t.count);
    return r === null ? null : src.slice(t.start[r[0]], t.end[r[1] - 1]);
  };
  assert.equal(inner('pycompat.sysstr(name)'), 'name');
  assert.equal(inner('compat.sysstr(name)'), 'name');
  assert.equal(inner('str(self.name)'), 'self.name');
  assert.equal(inner('name.decode()'), 'name');
  assert.equal(inner('name.decode("utf-8", "strict")'), 'name');
  assert.equal(inner('os.fsdecode(name).strip()'), 'name');
  // Some object's str(), a codec that changes the text, a second argument to str, a dotted chain.
  assert.equal(inner('thing.str(name)'), null);
  assert.equal(inner('name.decode("hex")'), null);
  assert.equal(inner("str(name, 'utf-8')"), null);
  assert.equal(inner('a.b.sysstr(name)'), null);
  assert.equal(inner('resolve(name)'), null);
});

test('xdgDataFolders (stop 60): a join onto a run-time head placed in the XDG data folders the file reads, in its own filesystem tree', async () => {
  const { xdgDataFolders } = await import('../../src/frameworks/python/xdg-data-folders.js');
  const mod = { name: '', className: null, params: [], defLine: 0 };
  const text = "paths = os.environ.get('XDG_DATA_DIRS', '/usr/local/share:/usr/share').split(':')\npaths = [os.path.join(p, 'app') for p in paths]\nfor path in paths:\n    load(os.path.join(path, 'plugins'))\n";
  const has = (f: string) => f === 'usr/share/app/plugins' || f === 'img/usr/local/share/app/plugins';
  assert.deepEqual(xdgDataFolders('usr/lib/python3/dist-packages/app/main.py', text, "os.path.join(path, 'plugins')", has, mod, 4).map((x) => [x.folder, x.xdgLine, x.nameLine, x.viaLine]), [['usr/share/app/plugins', 1, 2, 3]]);
  assert.deepEqual(xdgDataFolders('img/usr/lib/app/main.py', text, "os.path.join(path, 'plugins')", has, mod, 4).map((x) => x.folder), ['img/usr/local/share/app/plugins']);
  // Not: a file in no filesystem tree, a literal head, a file that reads no XDG_DATA_DIRS, a tail with a glob or `..`, no name joined.
  assert.deepEqual(xdgDataFolders('app/main.py', text, "os.path.join(path, 'plugins')", () => true, mod, 4), []);
  assert.deepEqual(xdgDataFolders('usr/lib/app/main.py', text, "os.path.join('/usr/share/app', 'plugins')", () => true, mod, 4), []);
  assert.deepEqual(xdgDataFolders('usr/lib/app/main.py', "home = os.environ['HOME']\nx = os.path.join(p, 'app')\n", "os.path.join(path, 'plugins')", () => true, mod, 2), []);
  assert.deepEqual(xdgDataFolders('usr/lib/app/main.py', text, "os.path.join(path, '..')", () => true, mod, 4), []);
  assert.deepEqual(xdgDataFolders('usr/lib/app/main.py', "d = os.environ.get('XDG_DATA_DIRS')\n", "os.path.join(path, 'plugins')", () => true, mod, 1), []);
});

test('xdgDataFolders (review s60-rv1): the head must come from the XDG read, not merely sit in the same file', async () => {
  const { xdgDataFolders } = await import('../../src/frameworks/python/xdg-data-folders.js');
  const file = 'usr/lib/python3/dist-packages/app/main.py';
  const join = "os.path.join(confdir, 'plugins')";
  const reads = [
    'def data_dirs():',
    "    dirs = os.environ.get('XDG_DATA_DIRS', '/usr/local/share:/usr/share').split(':')",
    "    return [os.path.join(d, 'app') for d in dirs]",
    '',
  ];
  const loader = { name: 'load_user_plugins', className: null, params: ['confdir'], defLine: 5 };
  const at = (body: string[]) => [...reads, 'def load_user_plugins(confdir):', `    return load_dir(${join})`, '', ...body].join('\n');
  const folders = (text: string) => xdgDataFolders(file, text, join, () => true, loader, 6).map((x) => [x.folder, x.viaLine]);
  // The probe: the file reads XDG_DATA_DIRS, but the loader is handed ~/.config/app.
  assert.deepEqual(folders(at(["load_user_plugins(os.path.expanduser('~/.config/app'))"])), []);
  // A loop over something else, a loop whose variable is not the one handed, a call in a def's head.
  assert.deepEqual(folders(at(['for confdir in other_dirs():', '    load_user_plugins(confdir)'])), []);
  assert.deepEqual(folders(at(['for d in data_dirs():', "    load_user_plugins('/etc/app')"])), []);
  // Handed a loop variable over data_dirs(): positionally, by keyword, through a method call.
  assert.deepEqual(folders(at(['for d in data_dirs():', '    load_user_plugins(d)'])), [['usr/local/share/app/plugins', 9], ['usr/share/app/plugins', 9]]);
  assert.deepEqual(folders(at(['def main():', '    for d in self.data_dirs():', '        x = load_user_plugins(confdir=d)'])).length, 2);
  // A local loop in the loader itself.
  const local = [...reads, 'def main():', '    for confdir in data_dirs():', `        load_dir(${join})`].join('\n');
  assert.deepEqual(xdgDataFolders(file, local, join, () => true, { name: 'main', className: null, params: [], defLine: 5 }, 7).map((x) => x.viaLine), [6, 6]);
  // The loop must enclose the call: one that ended above it does not.
  const ended = [...reads, 'def main():', '    for confdir in data_dirs():', '        pass', "    confdir = '/etc/app'", `    load_dir(${join})`].join('\n');
  assert.deepEqual(xdgDataFolders(file, ended, join, () => true, { name: 'main', className: null, params: [], defLine: 5 }, 9), []);
  // Stop 61: the loop variable or the handed parameter bound anew before the call is the home folder, not an XDG one.
  const rebound = [...reads, 'def main():', '    for confdir in data_dirs():', "        confdir = os.path.expanduser('~/.app')", `        load_dir(${join})`].join('\n');
  assert.deepEqual(xdgDataFolders(file, rebound, join, () => true, { name: 'main', className: null, params: [], defLine: 5 }, 8), []);
  const augmented = [...reads, 'def main():', '    for confdir in data_dirs():', "        confdir += '/old'", `        load_dir(${join})`].join('\n');
  assert.deepEqual(xdgDataFolders(file, augmented, join, () => true, { name: 'main', className: null, params: [], defLine: 5 }, 8), []);
  const reparam = [...reads, 'def load_user_plugins(confdir):', "    confdir = '/etc/app'", `    return load_dir(${join})`, '', 'for d in data_dirs():', '    load_user_plugins(d)'].join('\n');
  assert.deepEqual(xdgDataFolders(file, reparam, join, () => true, loader, 7), []);
  // Review of stop 61: a rebinding that writes the same folder back (abspath, expanduser, rstrip) still hands the loader the XDG folder.
  for (const same of ['confdir = os.path.abspath(confdir)', 'confdir = os.path.expanduser(confdir)  # ~ in XDG_DATA_DIRS', "confdir = confdir.rstrip('/')", 'confdir = Path(confdir)']) {
    const kept = [...reads, 'def main():', '    for confdir in data_dirs():', `        ${same}`, `        load_dir(${join})`].join('\n');
    assert.equal(xdgDataFolders(file, kept, join, () => true, { name: 'main', className: null, params: [], defLine: 5 }, 8).length, 2, same);
  }
  const keptParam = [...reads, 'def load_user_plugins(confdir):', '    confdir = os.path.realpath(confdir)', `    return load_dir(${join})`, '', 'for d in data_dirs():', '    load_user_plugins(d)'].join('\n');
  assert.equal(xdgDataFolders(file, keptParam, join, () => true, loader, 7).length, 2);
  // A rebinding in a branch the call is outside of leaves the XDG folder on the other path.
  const branch = [...reads, 'def main():', '    for confdir in data_dirs():', '        if not confdir:', "            confdir = '/etc/app'", `        load_dir(${join})`].join('\n');
  assert.equal(xdgDataFolders(file, branch, join, () => true, { name: 'main', className: null, params: [], defLine: 5 }, 9).length, 2);
  // One that moves it (a join below it, the folder of something else) is no longer the XDG folder census would name.
  const moved = [...reads, 'def main():', '    for confdir in data_dirs():', "        confdir = os.path.join(confdir, 'app')", `        load_dir(${join})`].join('\n');
  assert.deepEqual(xdgDataFolders(file, moved, join, () => true, { name: 'main', className: null, params: [], defLine: 5 }, 8), []);
  // A line that only reads the variable (`log(confdir)`, `confdir == x`) binds nothing.
  const reads2 = [...reads, 'def main():', '    for confdir in data_dirs():', '        log(confdir == 1)', `        load_dir(${join})`].join('\n');
  assert.deepEqual(xdgDataFolders(file, reads2, join, () => true, { name: 'main', className: null, params: [], defLine: 5 }, 8).length, 2);
  // A comprehension on the call's own line over what the XDG read gives; one over something else is not.
  const compre = [...reads, 'def main():', `    return [load_dir(${join}) for confdir in data_dirs()]`].join('\n');
  assert.deepEqual(xdgDataFolders(file, compre, join, () => true, { name: 'main', className: null, params: [], defLine: 5 }, 6).map((x) => x.viaLine), [6, 6]);
  const other = [...reads, 'def main():', `    return [load_dir(${join}) for confdir in other_dirs()]`].join('\n');
  assert.deepEqual(xdgDataFolders(file, other, join, () => true, { name: 'main', className: null, params: [], defLine: 5 }, 6), []);
  // Hostile: a loop head with a long run of spaces (a lazy iterable pattern was quadratic there), and many callers.
  const spaces = [...reads, 'def main():', `    for confdir in other_dirs()${' '.repeat(200_000)}x:`, `        load_dir(${join})`].join('\n');
  assert.deepEqual(xdgDataFolders(file, spaces, join, () => true, { name: 'main', className: null, params: [], defLine: 5 }, 7), []);
  const many = at(Array.from({ length: 20_000 }, () => "load_user_plugins('/etc/app')"));
  assert.deepEqual(folders(many), []);
});

test('xdgDataFolders (review of stop 61): a comprehension on the call\'s line with a long run of blanks ends (the iterable\'s end pattern was cubic there)', { timeout: 120_000 }, async () => {
  const { xdgDataFolders } = await import('../../src/frameworks/python/xdg-data-folders.js');
  const file = 'usr/lib/python3/dist-packages/app/main.py';
  const join = "os.path.join(confdir, 'plugins')";
  const reads = ['def data_dirs():', "    dirs = os.environ.get('XDG_DATA_DIRS', '/usr/local/share:/usr/share').split(':')", "    return [os.path.join(d, 'app') for d in dirs]", ''];
  const main = { name: 'main', className: null, params: [], defLine: 5 };
  const line = (tail: string) => [...reads, 'def main():', `    return [load_dir(${join}) for confdir in ${tail}]`].join('\n');
  assert.equal(xdgDataFolders(file, line(`data_dirs()${' '.repeat(100_000)}if confdir`), join, () => true, main, 6).length, 2);
  assert.equal(xdgDataFolders(file, line(`data_dirs()${' '.repeat(100_000)}`), join, () => true, main, 6).length, 2);
  assert.deepEqual(xdgDataFolders(file, line(`other_dirs()${' '.repeat(100_000)}x`), join, () => true, main, 6), []);
});

test('walksYieldingPackages: a walk naming its folder by basename(root) yields subpackages whole; a per-file walk does not', async () => {
  const { walksYieldingPackages } = await import('../../src/frameworks/python/walk-yields-packages.js');
  const quodlibet = [
    'def get_importables(folder):',
    '    for root, dirs, names in os.walk(folder):',
    '        if "__init__.py" in names:',
    '            yield (basename(root), root)',
    '        else:',
    '            for name in names:',
    '                yield (name[:-3], join(root, name))',
  ].join('\n');
  assert.deepEqual([...walksYieldingPackages(quodlibet)], [2]);
  const neutron = [
    'def import_modules_recursively(topdir):',
    '    for root, dirs, files in os.walk(topdir):',
    '        for file_ in files:',
    "            module = '.'.join([root.replace('/', '.'), file_[:-3]])",
    '            importlib.import_module(module)',
    '    return basename(root)',
  ].join('\n');
  // basename(root) after the loop's body (dedented) is not the walk's yield.
  assert.deepEqual([...walksYieldingPackages(neutron)], []);
  // Review of stop 66: a per-file walk that tests the folder's name (to skip caches) or names it in a comment hands out
  // no package; it failed before (any basename(root) in the body took packages mode). Fixture walk-skip is the whole scan.
  const skipping = [
    'def import_modules_recursively(topdir):',
    '    for root, dirs, files in os.walk(topdir):',
    "        if os.path.basename(root) == '__pycache__':",
    '            continue',
    '        log(root)  # not yield basename(root)',
    '        for file_ in files:',
    "            importlib.import_module('.'.join([root.replace('/', '.'), file_[:-3]]))",
  ].join('\n');
  assert.deepEqual([...walksYieldingPackages(skipping)], []);
  // The same walk handing the name out by append does yield packages.
  assert.deepEqual([...walksYieldingPackages(skipping.replace('log(root)  # not yield basename(root)', 'found.append((basename(root), root))'))], [2]);
});
