/** Eleventy: its JavaScript templates, layouts and data files, and the scripts its config passes through into the built site (addPassthroughCopy), are roots with the kind of what builds the site. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('eleventy');
test('eleventy: has a basic fixture', () => assert.ok(cases.includes('eleventy-basic')));
for (const name of cases) test(`eleventy: ${name}`, () => checkFrameworkFixture(name));

test('eleventy: a folder set by a computed value is a warning naming the config and line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'eleventy-site-cli'));
  const warning = audit.warnings.find((w) => w.id === 'eleventy/not-static');
  assert.deepEqual(warning?.location, { file: 'eleventy.config.mjs', line: 3 });
});

test('eleventy: only the first config eleventy finds by name is read; a TypeScript config needs --config', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'eleventy-config-names'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('js/first.js'), 'tooling', '.eleventy.js comes first');
  assert.equal(verdict('js/shadowed.js'), 'dead', 'eleventy.config.js is shadowed by .eleventy.js');
  assert.equal(verdict('js/typed.js'), 'dead', 'eleventy.config.ts is not a name eleventy looks for');
});
