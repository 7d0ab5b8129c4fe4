/** The amd-modules reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { scratchDir } from '../helpers/scratch.js';

const cases = frameworkCases('amd-modules');
test('amd-modules: has a basic fixture', () => assert.ok(cases.includes('amd-modules-basic')));
for (const name of cases) test(`amd-modules: ${name}`, () => checkFrameworkFixture(name));

// A page's comments and inline scripts were cut by lazy patterns (`<!--[\s\S]*?-->`, `<script…>[\s\S]*?</script>`)
// that searched to the page's end at every unclosed opener (40,000 `<!-- ` took 2 s, 40,000 `<script ` 4.5 s, and
// inline-requires' own comment pattern 30 s on this page). Each is one pass now (this page: about a second in
// all), and the page's real script is still read. The old code took about a minute here, inside the hang guard:
// the equivalence of the new blanking is script-tags' property test.
test('amd-modules: a page of unclosed comment and script openers is read in one pass', { timeout: 120_000 }, async () => {
  const dir = scratchDir('census-amd-hostile-');
  mkdirSync(join(dir, 'app', 'templates'), { recursive: true });
  mkdirSync(join(dir, 'app', 'static', 'js'), { recursive: true });
  writeFileSync(join(dir, 'app', '__init__.py'), '');
  writeFileSync(join(dir, 'app', 'static', 'js', 'home.js'), 'define([], function () { return 1; });\n');
  const page = '<script>require.config({ baseUrl: "/static/js" }); require(["home"]);</script>\n';
  writeFileSync(join(dir, 'app', 'templates', 'page.html'), `${page}<!-- {# ${'<!-- {# '.repeat(60_000)}<script ${'<script '.repeat(60_000)}`);
  const { audit } = await scanDir(dir);
  assert.match(audit.files.find((f) => f.path === 'app/static/js/home.js')?.evidence?.join('\n') ?? '', /named by require\(\["home"\]\) in app\/templates\/page\.html:1/);
});

// A browser ends a script at `</script >` too (script-tags' eachScriptTag, which this reader now walks with):
// the page text after it is HTML, and an AMD-looking call written there (`<p>require(["other"])</p>`) loads nothing.
test('amd-modules: a script closed by `</script >` ends there', async () => {
  const dir = scratchDir('census-amd-close-');
  mkdirSync(join(dir, 'app', 'templates'), { recursive: true });
  mkdirSync(join(dir, 'app', 'static', 'js'), { recursive: true });
  writeFileSync(join(dir, 'app', '__init__.py'), '');
  writeFileSync(join(dir, 'app', 'static', 'js', 'home.js'), 'define([], function () { return 1; });\n');
  writeFileSync(join(dir, 'app', 'static', 'js', 'other.js'), 'define([], function () { return 2; });\n');
  const page = '<script>require.config({ baseUrl: "/static/js" }); require(["home"]);</script >\n<p>require(["other"])</p>\n<script>var x = 1;</script>\n';
  writeFileSync(join(dir, 'app', 'templates', 'page.html'), page);
  const { audit } = await scanDir(dir);
  const evidence = (p: string): string => audit.files.find((f) => f.path === p)?.evidence?.join('\n') ?? '';
  assert.match(evidence('app/static/js/home.js'), /named by require\(\["home"\]\) in app\/templates\/page\.html:1/);
  assert.doesNotMatch(evidence('app/static/js/other.js'), /named by/);
});
