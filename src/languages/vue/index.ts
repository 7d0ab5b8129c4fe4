/**
 * Vue single-file components: the top-level `<script>` and `<script setup>` blocks (`lang="ts"`,
 * `"tsx"`, `"jsx"`) are one JS/TS module; `<script src="./x.ts">` imports that file. `<template>`,
 * `<style>` and custom blocks are not code, and neither is a `<script>` inside the template.
 */
import { embeddedScriptLanguage, isJavaScriptType, scriptLang, type FoundScripts } from '../javascript/embedded.js';
import { COMPONENT_EXTENSIONS } from '../js-family.js';
import { markupTags } from '../javascript/markup.js';

export const findVueScripts = (text: string): FoundScripts => {
  const found: FoundScripts = { blocks: [], sources: [], problems: [] };
  let templateDepth = 0;
  for (const tag of markupTags(text)) {
    if (tag.name === 'template' && !tag.selfClosing) templateDepth = Math.max(0, templateDepth + (tag.closing ? -1 : 1));
    if (tag.name !== 'script' || tag.closing || templateDepth > 0 || !isJavaScriptType(tag.attributes.get('type'))) continue;
    const src = tag.attributes.get('src');
    if (typeof src === 'string' && src !== '') found.sources.push({ at: tag.start, length: tag.end - tag.start, specifier: src });
    else if (tag.contentEnd === null) found.problems.push({ offset: tag.start, message: '<script> is never closed; its code is not read' });
    else if (tag.contentEnd !== undefined) found.blocks.push({ start: tag.end, end: tag.contentEnd, lang: scriptLang(tag.attributes.get('lang')) });
  }
  return found;
};

export const vueLanguage = embeddedScriptLanguage({ id: 'vue', extensions: COMPONENT_EXTENSIONS.vue, findScripts: findVueScripts });
