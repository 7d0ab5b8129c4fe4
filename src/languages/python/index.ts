/** Python's language record. */
import { normalizeCodecName, PYTHON_CODEC_NAMES } from './codec-names.js';
import type { LanguageRecord } from '../types.js';
import { declaredPythonEncoding } from './encoding.js';
import { pythonExtractor } from './extract.js';

export const pythonLanguage: LanguageRecord = {
  id: 'python',
  family: 'python',
  extensions: ['.py', '.pyi', '.pyw'],
  shebang: /^python[0-9.]*$/,
  comments: 'hash',
  source: true,
  extractor: pythonExtractor,
  ecosystem: 'python',
  tokens: 'python',
  declaredEncoding: declaredPythonEncoding,
  knownEncoding: (name) => PYTHON_CODEC_NAMES.has(normalizeCodecName(name)),
  topLevelCodeRuns: true,
};
