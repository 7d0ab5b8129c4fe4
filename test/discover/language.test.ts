/** Languages from paths: a Python distribution's metadata is not prose, wherever it sits. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageFromPath } from '../../src/discover/language.js';

test('languageFromPath: .txt files are docs, but not inside a distribution metadata folder', () => {
  assert.equal(languageFromPath('docs/notes.txt'), 'text');
  assert.equal(languageFromPath('requirements-info/notes.txt'), 'text');
  assert.equal(languageFromPath('usr/lib/python3/dist-packages/deluge-2.0.3.egg-info/SOURCES.txt'), 'other');
  assert.equal(languageFromPath('usr/lib/python3/dist-packages/mkdocs-1.4.2.dist-info/entry_points.txt'), 'other');
  assert.equal(languageFromPath('usr/lib/python3/dist-packages/deluge-2.0.3-py3.11.egg/EGG-INFO/SOURCES.txt'), 'other');
  assert.equal(languageFromPath('src/pkg.egg-info/top_level.txt'), 'other');
  assert.equal(languageFromPath('pkg.dist-info/README.md'), 'markdown');
});

test('languageFromPath: a mod_wsgi script is Python', () => {
  assert.equal(languageFromPath('usr/share/graphite-web/graphite.wsgi'), 'python');
  assert.equal(languageFromPath('deploy/app.WSGI'), 'python');
});
