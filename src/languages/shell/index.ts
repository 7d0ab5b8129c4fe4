/** The shell's language record: source without imports; its commands are exec edges. */
import type { LanguageRecord } from '../types.js';
import { shellExtractor } from './extract.js';

export const shellLanguage: LanguageRecord = {
  id: 'shell',
  family: 'shell',
  extensions: ['.sh', '.bash', '.zsh', '.ksh'],
  shebang: /^(ba|z|k|da)?sh$/,
  comments: 'hash',
  source: true,
  extractor: shellExtractor,
  tokens: 'shell',
  executableEvidence: 'is an executable shell script',
};
