/**
 * MDX: Markdown with JSX, whose top-level `import`/`export` statements are the page's JavaScript
 * module (esm.ts). It stays documentation, read for what it mentions as Markdown is, with no verdict
 * of its own; its imports resolve as a JS file's do, so what it imports is reached through it from
 * whatever loads the page (a Storybook docs story, a docs framework's content), or, when nothing
 * does, is documented by it.
 */
import { emptyFacts } from '../../model/facts.js';
import type { FileFacts } from '../../model/facts.js';
import { warning } from '../../util/diagnostics.js';
import { errorMessage } from '../../util/errors.js';
import { markdownExtractor } from '../docs/extract.js';
import { codeOnly } from '../javascript/embedded.js';
import { extractJavaScript, JAVASCRIPT_EXTRACTOR_VERSION } from '../javascript/extract.js';
import { MDX_EXTENSIONS } from '../js-family.js';
import type { LanguageRecord } from '../types.js';
import { findMdxEsmWarm } from './esm.js';

const blank = (segment: string): string => segment.replace(/[^\r\n]/g, ' ');

const extract = (path: string, text: string): FileFacts => {
  try {
    const blocks = findMdxEsmWarm(text);
    // The prose is read without the statements, whose specifiers are imports, not mentions.
    let prose = text;
    for (const b of blocks) prose = prose.slice(0, b.start) + blank(prose.slice(b.start, b.end)) + prose.slice(b.end);
    const facts = markdownExtractor.extract(path, prose);
    if (blocks.length === 0) return facts;
    const code = extractJavaScript(path, codeOnly(text, { blocks, sources: [], problems: [] }, true), false, { dialect: { lang: 'jsx' } });
    facts.imports = code.imports;
    facts.diagnostics.push(...code.diagnostics);
    return facts;
  } catch (e) {
    const facts = emptyFacts();
    facts.diagnostics.push(warning('mdx/extract-failed', `extraction failed: ${errorMessage(e)}`, path));
    return facts;
  }
};

export const mdxLanguage: LanguageRecord = {
  id: 'mdx',
  family: 'doc',
  extensions: MDX_EXTENSIONS,
  comments: 'none',
  source: false,
  extractor: { language: 'mdx', version: JAVASCRIPT_EXTRACTOR_VERSION, extract },
  ecosystem: 'javascript',
  // MDX pages are compiled by bundlers (Vite, webpack, Next) that resolve `./x` to x.ts.
  typeScriptImports: true,
};
