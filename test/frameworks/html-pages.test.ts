/** The html-pages reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { pagesForPath, visitedPath } from '../../src/frameworks/js/html-pages.js';
import { inlineRequires, inlineRequireTarget } from '../../src/frameworks/js/inline-requires.js';
import { htmlScripts } from '../../src/frameworks/js/vite.js';
import { searchIndexLoads } from '../../src/frameworks/js/sphinx-search-index.js';

const cases = frameworkCases('html-pages');
test('html-pages: has a basic fixture', () => assert.ok(cases.includes('html-pages-basic')));
test('html-pages: has a fixture with a theme\'s url-filter scripts', () => assert.ok(cases.includes('html-pages-theme')));
test('html-pages: has fixtures with a desktop page\'s inline require (manual, and an NW.js main)', () => {
  assert.ok(cases.includes('html-pages-inline-require'));
  assert.ok(cases.includes('html-pages-nw-main'));
});
for (const name of cases) test(`html-pages: ${name}`, () => checkFrameworkFixture(name));

test('html-pages: a visited URL names a page only on this machine', () => {
  assert.equal(visitedPath('http://localhost:8080/todo'), '/todo');
  assert.equal(visitedPath('http://127.0.0.1/commands/actions?x=1'), '/commands/actions?x=1');
  assert.equal(visitedPath('/utilities'), '/utilities');
  assert.equal(visitedPath('utilities'), '/utilities');
  assert.equal(visitedPath('http://localhost:8080'), '');
  assert.equal(visitedPath('https://example.cypress.io/todo'), null);
  assert.equal(visitedPath('//cdn.example.com/x'), null);
});

test('html-pages: a URL path names x.html, x/index.html or the page it spells', () => {
  const files = new Set(['app/index.html', 'app/todo.html', 'app/commands/index.html', 'app/commands/actions.html']);
  assert.deepEqual(pagesForPath(files, 'app', '/todo'), ['app/todo.html']);
  assert.deepEqual(pagesForPath(files, 'app', '/todo.html'), ['app/todo.html']);
  assert.deepEqual(pagesForPath(files, 'app', '/'), ['app/index.html']);
  assert.deepEqual(pagesForPath(files, 'app', ''), ['app/index.html']);
  assert.deepEqual(pagesForPath(files, 'app', '/commands/'), ['app/commands/index.html']);
  assert.deepEqual(pagesForPath(files, 'app', '/commands/actions#top'), ['app/commands/actions.html']);
  assert.deepEqual(pagesForPath(files, 'app', '/missing'), []);
  assert.deepEqual(pagesForPath(files, '', '/'), []);
});

test('html-pages: an inline require is a relative literal of a classic script, with its page line', () => {
  const html = '<p>\n<script>\n  var a = require("./a"); x.require("./b");\n  // require("./c")\n</script>\n<script type="module">require("./d")</script>\n<script>require(name); require("pkg")</script>';
  assert.deepEqual(inlineRequires(html), [{ spec: './a', line: 3 }]);
  const files = new Set(['app/a.js', 'app/lib/index.js', 'app/data.json']);
  assert.equal(inlineRequireTarget(files, 'app/index.html', './a'), 'app/a.js');
  assert.equal(inlineRequireTarget(files, 'app/index.html', './lib'), 'app/lib/index.js');
  assert.equal(inlineRequireTarget(files, 'app/index.html', './data.json'), null);
  assert.equal(inlineRequireTarget(files, 'app/index.html', '../../outside'), null);
});

test('html-pages: a bundle\'s own require gives nothing; an unclosed script ends the read; lines hold across scripts', () => {
  assert.deepEqual(inlineRequires('<script>\n(function(require, module, exports){ require("./a") })\n</script>'), []);
  assert.deepEqual(inlineRequires('<script>var require = loader.bind(null); require("./a")</script>'), []);
  const page = '<script>\nrequire("./a")\n</script>\n<script>\nrequire("./b"); require("./c")\n</script><script>require("./d")';
  assert.deepEqual(inlineRequires(page), [{ spec: './a', line: 2 }, { spec: './b', line: 5 }, { spec: './c', line: 5 }]);
});

test('html-pages: a page\'s script tags are read in order with their lines; a tag that never closes ends the read', () => {
  const page = '<script src="a.js"></script>\n<p>\n<script type="module" src=\'b.ts\'></script><script src="https://cdn/x.js"></script>\n<script src="c.js"';
  assert.deepEqual(htmlScripts(page), [{ src: 'a.js', line: 1 }, { src: 'b.ts', line: 3 }]);
});

test('html-pages: only an attribute named src loads a script; data-src and a :src binding do not', () => {
  const page = '<script data-src="lazy.js"></script>\n<script :src="dyn.js"></script>\n<script data-src="x.js" src="real.js"></script>\n<script type="module"src="tight.js"></script>';
  assert.deepEqual(htmlScripts(page), [{ src: 'real.js', line: 3 }, { src: 'tight.js', line: 4 }]);
});

test('html-pages: an unquoted src (HTML allows it; minifiers write it) loads its script; a bare data-src does not', () => {
  const page = '<script src=js/app.js></script>\n<script defer src=main.js type=module></script>\n<script data-src=lazy.js></script>';
  assert.deepEqual(htmlScripts(page), [{ src: 'js/app.js', line: 1 }, { src: 'main.js', line: 2 }]);
});

test('html-pages: a script commented out loads nothing; one in a conditional comment old IE reads does, and lines hold past comments', () => {
  const page = '<!-- <script src="old.js"></script>\n<script src="older.js"></script> -->\n<script src="live.js"></script>\n<!--[if lt IE 9]><script src="shim.js"></script><![endif]-->';
  assert.deepEqual(htmlScripts(page), [{ src: 'live.js', line: 3 }, { src: 'shim.js', line: 4 }]);
});

test('html-pages: a src= inside another attribute\'s value loads nothing; the tag\'s own src attribute does', () => {
  const page = '<script data-note="src=\'old.js\'"></script>\n<script title="was src=\'x.js\'" data-x="1" SRC="new.js"></script>';
  assert.deepEqual(htmlScripts(page), [{ src: 'new.js', line: 2 }]);
});

test('html-pages: a Sphinx search page loads its index through Search.loadIndex (fixture), not a commented or templated one', () => {
  assert.ok(cases.includes('html-pages-sphinx-search'));
  const page = '<script>\njQuery(function() { Search.loadIndex("searchindex.js"); });\n// Search.loadIndex("old.js")\n</script>\n'
    + '<script>Search.loadIndex("{{ pathto(\'searchindex.js\', 1) }}")</script>\n<!-- <script>Search.loadIndex("gone.js")</script> -->\n<script src="x.js">Search.loadIndex("y.js")</script>';
  assert.deepEqual(searchIndexLoads(page), [{ spec: 'searchindex.js', line: 2 }]);
});
test('html-pages: a loadIndex in a template script or inside a JS string loads nothing (review s60-rv5)', () => {
  const page = '<script type="text/x-template">Search.loadIndex("tmpl.js")</script>\n'
    + '<script>var help = \'call Search.loadIndex("quoted.js") to search\';</script>\n'
    + '<script type="text/javascript">Search.loadIndex("searchindex.js")</script>';
  assert.deepEqual(searchIndexLoads(page), [{ spec: 'searchindex.js', line: 3 }]);
});
