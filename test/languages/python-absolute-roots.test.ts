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
