/** The scheme-script-urls reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { scratchDir } from '../helpers/scratch.js';

const cases = frameworkCases('scheme-script-urls');
test('scheme-script-urls: has a basic fixture', () => assert.ok(cases.includes('scheme-script-urls-basic')));
for (const name of cases) test(`scheme-script-urls: ${name}`, () => checkFrameworkFixture(name));

// Review of stop 66: the tag pattern's `<script\b[^>]*?` ran to the page's end at every opener with no `>` after it
// (40,000 `<script ` took 4 s in the pattern alone, quadratic: each page below, 120,000 openers under the 1 MB file cap,
// about 36 s, the four past the hang guard; a real tag after the openers ended the first attempt, so they come after it
// here). It stops at the next `<` now, so a page is one pass, and the real tag is still read.
test('scheme-script-urls: a page of unclosed script openers is read in one pass', { timeout: 120_000 }, async () => {
  const dir = scratchDir('census-scheme-hostile-');
  mkdirSync(join(dir, 'browser', 'html'), { recursive: true });
  mkdirSync(join(dir, 'browser', 'javascript'), { recursive: true });
  writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "browser"\nversion = "1.0"\n');
  writeFileSync(join(dir, 'browser', '__init__.py'), '');
  writeFileSync(join(dir, 'browser', 'scheme.py'), "handlers = {}\n\ndef add_handler(host):\n    return host\n\nadd_handler('javascript')  # serves qute://\n");
  writeFileSync(join(dir, 'browser', 'javascript', 'history.js'), 'window.h = 1;\n');
  for (const n of [1, 2, 3, 4]) writeFileSync(join(dir, 'browser', 'html', `page${n}.html`), `<script src="qute://javascript/history.js"></script>\n${'<script '.repeat(120_000)}\n`);
  const { audit } = await scanDir(dir);
  assert.match(audit.files.find((f) => f.path === 'browser/javascript/history.js')?.evidence?.join('\n') ?? '', /qute:\/\/javascript\/history\.js" in browser\/html\/page1\.html:1/);
});
