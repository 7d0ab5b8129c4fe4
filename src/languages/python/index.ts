/** Python's language record. */
import { normalizeCodecName, PYTHON_CODEC_NAMES } from './codec-names.js';
import type { LanguageRecord } from '../types.js';
import { declaredPythonEncoding } from './encoding.js';
import { pythonExtractor } from './extract.js';

export const pythonLanguage: LanguageRecord = {
  id: 'python',
  family: 'python',
  // A mod_wsgi script (`app.wsgi`) is Python that Apache loads by path; nothing imports it by name.
  extensions: ['.py', '.pyi', '.pyw', '.wsgi'],
  shebang: /^python[0-9.]*$/,
  comments: 'hash',
  source: true,
  extractor: pythonExtractor,
  ecosystem: 'python',
  tokens: 'python',
  declaredEncoding: declaredPythonEncoding,
  knownEncoding: (name) => PYTHON_CODEC_NAMES.has(normalizeCodecName(name)),
  topLevelCodeRuns: true,
  runByPath: { '.wsgi': 'is a WSGI script, which a server (Apache mod_wsgi, uWSGI) loads by its path' },
};
