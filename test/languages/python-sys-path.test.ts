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
