/** The manifest-folder-plugins reader: a package folder holding the manifest a host walks for (Uranium's plugin.json) is loaded by that host. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestFolders } from '../../src/frameworks/python/manifest-folder-plugins.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('manifest-folder-plugins');
test('manifest-folder-plugins: has a basic fixture', () => assert.ok(cases.includes('manifest-folder-plugins-basic')));
for (const name of cases) test(`manifest-folder-plugins: ${name}`, () => checkFrameworkFixture(name));

test('manifest-folder-plugins: a manifest name counts only beside __init__.py, in at least two folders', () => {
  const files = new Set([
    'plugins/A/__init__.py',
    'plugins/A/plugin.json',
    'plugins/B/deep/__init__.py',
    'plugins/B/deep/plugin.json',
    'plugins/C/plugin.json', // no __init__.py: not a package, nothing to import
    'themes/dark/__init__.py',
    'themes/dark/theme.json', // one folder only: one package's data
    'pkg/__init__.py',
    'pkg/setup.py',
  ]);
  assert.deepEqual([...manifestFolders(files)], [['plugin.json', ['plugins/A', 'plugins/B/deep']]]);
});
