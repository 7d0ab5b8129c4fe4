/**
 * Absolute folders a module puts on sys.path, placed in the tree (absolute-roots.ts): a filesystem
 * image's own folder, a Dockerfile's COPY destination; on fixture repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { sysPathFolders } from '../../src/languages/python/sys-path.js';

const cases = frameworkCases('sys-path-absolute');
test('sys.path absolute: has a filesystem-image fixture and a Dockerfile fixture', () => {
  assert.ok(cases.includes('sys-path-absolute-image'));
  assert.ok(cases.includes('sys-path-absolute-docker'));
});
for (const name of cases) test(`sys.path absolute: ${name}`, () => checkFrameworkFixture(name));

test('sys.path: an absolute folder is kept as written, normalised; `/` itself is not', () => {
  const text = 'import sys\nsys.path.insert(0, "/usr/share/virt-manager/")\nsys.path.append(os.path.join("/opt/app", "lib"))\nsys.path.insert(0, "/")\n';
  assert.deepEqual(sysPathFolders(text, 'usr/bin/virt-manager'), [
    { dir: '/usr/share/virt-manager', line: 2 },
    { dir: '/opt/app/lib', line: 3 },
  ]);
});

test('sys.path: a name assigned an absolute literal above (dialect: pkgdatadir = \'/usr/share/dialect\')', () => {
  const text = "#!/usr/bin/python3\nimport sys\npkgdatadir = '/usr/share/dialect'\nLIBDIR = '/usr/lib/x86_64-linux-gnu'\nsys.path.insert(1, pkgdatadir)\nroot = os.path.join(LIBDIR, 'pitivi', 'python')\nsys.path.append(root)\n";
  assert.deepEqual(sysPathFolders(text, 'usr/bin/dialect'), [
    { dir: '/usr/share/dialect', line: 5 },
    { dir: '/usr/lib/x86_64-linux-gnu/pitivi/python', line: 7 },
  ]);
});

test('sys.path: a __file__ path that climbs out of the checkout is no absolute folder', () => {
  const text = "import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, 'lib'))\n";
  assert.deepEqual(sysPathFolders(text, 'tools/run.py'), []);
  assert.deepEqual(sysPathFolders(text, 'a/tools/run.py'), [{ dir: 'lib', line: 2 }]);
});
