/**
 * Astro components: the `---` frontmatter (TypeScript, which may `return` at the top level) and
 * the `<script>` tags Astro bundles, read as one module; `<script src>` imports its file. A script
 * with any other attribute (`is:inline`, `type="module"`, `define:vars`) is left to the browser as
 * written, so its imports are URLs, not modules: it is not read. The template is not code.
 */
import { embeddedScriptLanguage, type FoundScripts } from '../javascript/embedded.js';
import { COMPONENT_EXTENSIONS } from '../js-family.js';
import { markupTags } from '../javascript/markup.js';

const FENCE = /^---[ \t]*\r?$/m;

/** The frontmatter's code span, and where the template starts; null when the file has none. */
const frontmatter = (text: string, found: FoundScripts): { start: number; end: number; after: number } | null => {
  const first = /^\s*/.exec(text)![0].length;
  if (!text.startsWith('---', first) || !/^---[ \t]*(\r?\n|$)/.test(text.slice(first))) return null;
  const start = text.indexOf('\n', first) + 1;
  if (start === 0) {
    found.problems.push({ offset: first, message: 'the frontmatter\'s `---` fence is never closed; its code is not read' });
    return { start: text.length, end: text.length, after: text.length };
  }
  const rest = FENCE.exec(text.slice(start));
  if (rest === null) {
    found.problems.push({ offset: first, message: 'the frontmatter\'s `---` fence is never closed; its code is not read' });
    return { start: text.length, end: text.length, after: text.length };
  }
  const end = start + rest.index;
  return { start, end, after: end + 3 };
};

export const findAstroScripts = (text: string): FoundScripts => {
  const found: FoundScripts = { blocks: [], sources: [], problems: [], topLevelReturn: true };
  const fm = frontmatter(text, found);
  if (fm !== null && fm.end > fm.start) found.blocks.push({ start: fm.start, end: fm.end, lang: 'ts' });
  for (const tag of markupTags(text, fm?.after ?? 0)) {
    if (tag.name !== 'script' || tag.closing) continue;
    const src = tag.attributes.get('src');
    const others = [...tag.attributes.keys()].filter((a) => a !== 'src');
    if (tag.contentEnd === null) {
      found.problems.push({ offset: tag.start, message: '<script> is never closed; its code is not read' });
      continue;
    }
    if (others.length > 0) continue;
    if (typeof src === 'string' && src !== '') found.sources.push({ at: tag.start, length: tag.end - tag.start, specifier: src });
    else if (tag.contentEnd !== undefined) found.blocks.push({ start: tag.end, end: tag.contentEnd, lang: 'ts' });
  }
  return found;
};

export const astroLanguage = embeddedScriptLanguage({ id: 'astro', extensions: COMPONENT_EXTENSIONS.astro, findScripts: findAstroScripts });
