/**
 * Folders a Python file puts on sys.path itself, read from its text: os.pardir and os.curdir.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sysPathFolders } from '../../src/languages/python/sys-path.js';

test('sys.path: os.pardir is the parent folder (qutebrowser scripts/mkvenv.py)', () => {
  const text = 'import os\nimport sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir))\nfrom scripts import utils\n';
  assert.deepEqual(sysPathFolders(text, 'share/app/scripts/mkvenv.py'), [{ dir: 'share/app', line: 3 }]);
});

test('sys.path: os.path.pardir, a bare pardir and os.curdir', () => {
  const text = 'from os import pardir\nsys.path.append(os.path.join(os.path.dirname(__file__), os.path.pardir, pardir, "lib"))\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), os.curdir, "vendor"))\n';
  assert.deepEqual(sysPathFolders(text, 'a/b/c/tool.py'), [
    { dir: 'a/lib', line: 2 },
    { dir: 'a/b/c/vendor', line: 3 },
  ]);
});

test('sys.path: a name assigned pardir itself is that value, not the parent', () => {
  const text = 'pardir = os.path.dirname(__file__)\nsys.path.insert(0, os.path.join(pardir, "lib"))\n';
  assert.deepEqual(sysPathFolders(text, 'x/y/run.py'), [{ dir: 'x/y/lib', line: 2 }]);
});

test('sys.path: a script\'s sys.path[0] is its folder; os.path aliased; a loop over candidates; sys.path[0] = X (solaar\'s launcher)', () => {
  const text = [
    '#!/usr/bin/python3',
    'def init_paths():',
    '    import os.path as _path',
    '    import sys',
    '    decoded_path = sys.path[0]',
    "    prefix = _path.normpath(_path.join(_path.realpath(decoded_path), '..'))",
    "    src_lib = _path.join(prefix, 'lib')",
    "    share_lib = _path.join(prefix, 'share', 'app', 'lib')",
    '    for location in src_lib, share_lib:',
    "        if _path.exists(_path.join(location, 'app', '__init__.py')):",
    '            sys.path[0] = location',
    '            break',
    '',
  ].join('\n');
  assert.deepEqual(sysPathFolders(text, 'usr/bin/app'), [
    { dir: 'usr/lib', line: 11 },
    { dir: 'usr/share/app/lib', line: 11 },
  ]);
});

test('sys.path: a script\'s sys.argv[0] (or a list copied from it) is the script file (mypaint\'s launcher)', () => {
  const text = [
    '#!/usr/bin/python3',
    'import os, sys',
    'join = os.path.join',
    'argv_unicode = []',
    'for s in sys.argv:',
    '    s = s.decode("utf-8")',
    '    argv_unicode.append(s)',
    'sys.argv_unicode = argv_unicode',
    'scriptfile = os.path.realpath(sys.argv_unicode[0])',
    'scriptdir = os.path.dirname(scriptfile)',
    'dir_install = scriptdir',
    'prefix = os.path.dirname(dir_install)',
    "libpath_compiled = join(prefix, 'lib', 'app')",
    'sys.path.insert(0, libpath_compiled)',
    "sys.path.append(os.path.join(os.path.dirname(os.path.abspath(sys.argv[0])), 'vendor'))",
    '',
  ].join('\n');
  assert.deepEqual(sysPathFolders(text, 'usr/bin/app'), [
    { dir: 'usr/lib/app', line: 14 },
    { dir: 'usr/bin/vendor', line: 15 },
  ]);
});

test('sys.path: sys.argv[0] and sys.path[0] name nothing in a module that is not a script (imported, they are another file\'s)', () => {
  const text = "import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(sys.argv[0]), 'lib'))\nsys.path.append(os.path.join(sys.path[0], 'x'))\n";
  assert.deepEqual(sysPathFolders(text, 'pkg/mod.py'), []);
});

test('sys.path: a path assignment or sys.path call whose brackets close on the lines below (bumblebee-status discover.py); still open 3 lines below, nothing', () => {
  const text = [
    'def discover():',
    '    libdir = os.path.abspath(',
    '        os.path.join(os.path.dirname(__file__), "..", "bumblebee_status")',
    '    )',
    '    sys.path.append(libdir)',
    '    sys.path.insert(',
    '        0, os.path.join(os.path.dirname(__file__), "vendor")  # bundled',
    '    )',
    '    far = os.path.join(',
    '        os.path.dirname(__file__),',
    '        "a",',
    '        "b",',
    '        "c",',
    '    )',
    '    sys.path.append(far)',
    '',
  ].join('\n');
  assert.deepEqual(sysPathFolders(text, 'lib/bumblebee_status/discover.py'), [
    { dir: 'lib/bumblebee_status', line: 5 },
    { dir: 'lib/bumblebee_status/vendor', line: 6 },
  ]);
});

// Stop 58: Black's trailing comma after the last argument (thonny's plugins/micropython/mp_back.py:116-120); still 3 lines at most.
test('sys.path: a trailing comma after a sys.path call\'s last argument is no part of the path; a call open past 3 lines below, nothing', () => {
  const text = [
    'class Backend:',
    '    def __init__(self):',
    '        sys.path.insert(',
    '            0,',
    '            os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "vendored_libs")),',
    '        )',
    '        sys.path.append(os.path.join(os.path.dirname(__file__), "lib"),)',
    '        sys.path.insert(',
    '            0,',
    '            os.path.join(',
    '                os.path.dirname(__file__), "far"),',
    '        )',
    '',
  ].join('\n');
  assert.deepEqual(sysPathFolders(text, 'app/plugins/mp/back.py'), [
    { dir: 'app/plugins/vendored_libs', line: 3 },
    { dir: 'app/plugins/mp/lib', line: 7 },
  ]);
});

test('sys.path: a folder added inside the `if __name__ == "__main__":` block is marked mainOnly; after the block, and added again outside it, it is not', () => {
  const text = [
    'import os, sys',
    'if __name__ == "__main__":',
    '    # run as a script',
    '    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "vendor"))',
    "sys.path.append(os.path.join(os.path.dirname(__file__), 'lib'))",
    "if '__main__' == __name__:",
    "    sys.path.append(os.path.join(os.path.dirname(__file__), 'only'))",
    'else:',
    "    sys.path.append(os.path.join(os.path.dirname(__file__), 'vendor'))",
    '',
  ].join('\n');
  assert.deepEqual(sysPathFolders(text, 'pkg/mod.py'), [
    { dir: 'pkg/vendor', line: 4 },
    { dir: 'pkg/lib', line: 5 },
    { dir: 'pkg/only', line: 7, mainOnly: true },
  ]);
});

test('sys.path (stop 60): a slice assignment `sys.path[0:0] = …` of the package\'s own __path__, a literal list, or through map(os.path.abspath, …)', () => {
  const toplevel = ['def install():', '    from . import __path__ as path', '    sys.path[0:0] = map(os.path.abspath, path)', '    del path[:]', ''].join('\n');
  assert.deepEqual(sysPathFolders(toplevel, 'usr/lib/python3/dist-packages/app/toplevel.py'), [{ dir: 'usr/lib/python3/dist-packages/app', line: 3 }]);
  // In a package's __init__.py, __path__ itself; `sys.path[:0]` and a literal list too.
  const init = ['sys.path[:0] = list(map(os.path.realpath, __path__))', 'sys.path[0:0] = [os.path.join(os.path.dirname(__file__), "vendor")]', ''].join('\n');
  assert.deepEqual(sysPathFolders(init, 'pkg/__init__.py'), [{ dir: 'pkg', line: 1 }, { dir: 'pkg/vendor', line: 2 }]);
});

test('sys.path (review s60-rv1): a slice assignment whose list spans lines, as zc.buildout writes its scripts', () => {
  const text = ['import os, sys', 'base = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))', 'sys.path[0:0] = [', "    os.path.join(base, 'src'),", "    os.path.join(base, 'lib'),", '    ]', ''].join('\n');
  assert.deepEqual(sysPathFolders(text, 'bin/app'), [{ dir: 'src', line: 3 }, { dir: 'lib', line: 3 }]);
});

test('sys.path (stop 60): a slice assignment of anything else puts nothing on sys.path', () => {
  const text = [
    'from . import __path__ as path',
    'sys.path[0:0] = map(os.path.basename, path)', // base names, not folders
    'sys.path[0:0] = __path__', // a plain module has no __path__ of its own
    'path = compute()',
    'sys.path[0:0] = path', // rebound
    'sys.path[0:0] = other_list',
    '',
  ].join('\n');
  assert.deepEqual(sysPathFolders(text, 'pkg/mod.py'), []);
});

test('sys.path (stop 65): .as_posix() hands the path back as text (poetry-core\'s poetry/core/__init__.py, its _vendor/ folder)', () => {
  const text = [
    'from pathlib import Path',
    '__vendor_site__ = (Path(__file__).parent / "_vendor").as_posix()',
    'if __vendor_site__ not in sys.path:',
    '    sys.path.insert(0, __vendor_site__)',
    '',
  ].join('\n');
  assert.deepEqual(sysPathFolders(text, 'poetry/core/__init__.py'), [{ dir: 'poetry/core/_vendor', line: 4 }]);
  // Another method after the path is no pass-through: nothing.
  assert.deepEqual(sysPathFolders('sys.path.insert(0, (Path(__file__).parent / "lib").as_uri())\n', 'pkg/mod.py'), []);
});
