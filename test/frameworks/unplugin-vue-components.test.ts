/** The unplugin-vue-components reader on fixture repos, and the template and markdown tags it reads. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { markdownTags, markdownWithoutCode, vueTemplateTags } from '../../src/frameworks/js/component-tags.js';

const cases = frameworkCases('unplugin-vue-components');
test('unplugin-vue-components: has a basic fixture', () => assert.ok(cases.includes('unplugin-vue-components-basic')));
for (const name of cases) test(`unplugin-vue-components: ${name}`, () => checkFrameworkFixture(name));

test('unplugin-vue-components: template tags keep their case and line; scripts, styles and comments are not tags', () => {
  const sfc = '<script setup>\nconst a = "<FakeTag />";\n</script>\n<template>\n  <!-- <Gone /> -->\n  <app-button :x="a < b" />\n  <template v-if="a"><AppCard>x</AppCard></template>\n</template>\n<style>.x > .y {}</style>\n';
  const { tags, unread } = vueTemplateTags(sfc);
  assert.deepEqual(tags, [{ name: 'app-button', line: 6 }, { name: 'AppCard', line: 7 }]);
  assert.deepEqual(unread, []);
});

test('unplugin-vue-components: a Pug template is named, not read', () => {
  const { tags, unread } = vueTemplateTags('<template lang="pug">\ndiv\n  AppCard\n</template>\n');
  assert.deepEqual(tags, []);
  assert.deepEqual(unread, [{ line: 1, lang: 'pug' }]);
});

test('unplugin-vue-components: markdown tags outside frontmatter, fences and code spans', () => {
  const page = '---\ntitle: <Front />\n---\n<Card a="1" />\n\n```vue\n<Fenced />\n```\n\nuse ``<Spanned />`` or `<Inline />`, then <Last/>\n````md\n```\n<Nested />\n````\n';
  assert.equal(markdownWithoutCode(page).split('\n').length, page.split('\n').length);
  assert.deepEqual(markdownTags(page), [{ name: 'Card', line: 4 }, { name: 'Last', line: 10 }]);
});

test('unplugin-vue-components: a Pug template in the vue2 fixture is a warning naming file and line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'unplugin-vue-components-vue2-default'));
  const found = audit.warnings.filter((w) => w.id === 'unplugin-vue-components/template-lang');
  assert.deepEqual(found.map((w) => `${w.location?.file}:${w.location?.line}`), ['src/components/FruitCrate.vue:1']);
});
