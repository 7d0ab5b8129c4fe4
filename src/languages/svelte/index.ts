/**
 * Svelte components: the instance `<script>` and the module script (`context="module"`, or Svelte
 * 5's `module` attribute), `lang="ts"`, read as one JS/TS module. Markup and `<style>` are not code;
 * a `<script>` inside `<svelte:head>` is a page script, not the component's.
 */
import { embeddedScriptLanguage, isJavaScriptType, scriptLang, type FoundScripts } from '../javascript/embedded.js';
import { COMPONENT_EXTENSIONS } from '../js-family.js';
import { markupTags } from '../javascript/markup.js';

export const findSvelteScripts = (text: string): FoundScripts => {
  const found: FoundScripts = { blocks: [], sources: [], problems: [] };
  let headDepth = 0;
  for (const tag of markupTags(text)) {
    if (tag.name === 'svelte:head' && !tag.selfClosing) headDepth = Math.max(0, headDepth + (tag.closing ? -1 : 1));
    if (tag.name !== 'script' || tag.closing || headDepth > 0 || !isJavaScriptType(tag.attributes.get('type'))) continue;
    if (tag.contentEnd === null) found.problems.push({ offset: tag.start, message: '<script> is never closed; its code is not read' });
    else if (tag.contentEnd !== undefined) found.blocks.push({ start: tag.end, end: tag.contentEnd, lang: scriptLang(tag.attributes.get('lang')) });
  }
  return found;
};

export const svelteLanguage = embeddedScriptLanguage({ id: 'svelte', extensions: COMPONENT_EXTENSIONS.svelte, findScripts: findSvelteScripts });
