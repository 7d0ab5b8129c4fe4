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

test('languageFromPath: a page in one language (Apache content negotiation) is HTML; a compressed page or a code file is not', () => {
  assert.equal(languageFromPath('cgi-bin/lconline/lc_cgi.html.de'), 'html');
  assert.equal(languageFromPath('site/index.html.en'), 'html');
  assert.equal(languageFromPath('site/index.htm.pt-br'), 'html');
  assert.equal(languageFromPath('site/INDEX.HTML.FR'), 'html');
  assert.equal(languageFromPath('site/index.html.gz'), 'other');
  assert.equal(languageFromPath('site/index.html.br'), 'other');
  assert.equal(languageFromPath('site/index.html.in'), 'other');
  assert.equal(languageFromPath('src/view.html.js'), 'javascript');
  assert.equal(languageFromPath('src/view.html.ts'), 'typescript');
  assert.equal(languageFromPath('notes.de'), 'other');
});
