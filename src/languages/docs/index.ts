/** The documentation languages: read for the commands and paths they mention. */
import type { LanguageRecord } from '../types.js';
import { markdownExtractor, rstExtractor, textExtractor } from './extract.js';

export const markdownLanguage: LanguageRecord = {
  id: 'markdown', family: 'doc', extensions: ['.md', '.markdown'], comments: 'none', source: false, extractor: markdownExtractor,
};

export const rstLanguage: LanguageRecord = {
  id: 'rst', family: 'doc', extensions: ['.rst'], comments: 'none', source: false, extractor: rstExtractor,
};

export const textLanguage: LanguageRecord = {
  id: 'text', family: 'doc', extensions: ['.txt'], fileNames: ['README', 'LICENSE', 'CHANGELOG'], comments: 'none', source: false, extractor: textExtractor,
};
