/** The language registry: one extractor per language that census reads for facts. */
import type { Language } from '../model/file.js';
import type { LanguageExtractor } from './types.js';
import { markdownExtractor, rstExtractor, textExtractor } from './docs/index.js';
import { javascriptExtractor, typescriptExtractor } from './javascript/index.js';
import { pythonExtractor } from './python/index.js';
import { shellExtractor } from './shell/index.js';

export const EXTRACTORS: Partial<Record<Language, LanguageExtractor>> = {
  javascript: javascriptExtractor,
  markdown: markdownExtractor,
  python: pythonExtractor,
  rst: rstExtractor,
  shell: shellExtractor,
  text: textExtractor,
  typescript: typescriptExtractor,
};
