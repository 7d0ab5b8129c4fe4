/** Web page formats that are not code census reads: listed and counted. */
import type { LanguageRecord } from '../types.js';

export const htmlLanguage: LanguageRecord = { id: 'html', family: 'web', extensions: ['.html', '.htm'], comments: 'none', source: false };
export const cssLanguage: LanguageRecord = { id: 'css', family: 'web', extensions: ['.css'], comments: 'slash', source: false };
