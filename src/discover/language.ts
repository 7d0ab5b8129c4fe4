/**
 * A file's language from its path, or from its shebang when the path cannot tell. Both tables are
 * derived from the language records (src/languages/registry.ts).
 */
import type { Language } from '../model/file.js';
import { LANGUAGE_RECORDS } from '../languages/registry.js';
import { basename } from '../util/path.js';
import { isLanguageVariantPage } from '../languages/web/index.js';

const BY_EXTENSION = new Map<string, Language>(LANGUAGE_RECORDS.flatMap((r) => r.extensions.map((e) => [e, r.id] as const)));
const BY_NAME = new Map<string, Language>(LANGUAGE_RECORDS.flatMap((r) => (r.fileNames ?? []).map((n) => [n, r.id] as const)));
const BY_PREFIX: [string, Language][] = LANGUAGE_RECORDS.flatMap((r) => (r.fileNamePrefixes ?? []).map((p): [string, Language] => [p, r.id]));
const BY_FOLDER: [string, Language][] = LANGUAGE_RECORDS.flatMap((r) => (r.folders ?? []).map((f): [string, Language] => [f, r.id]));

/**
 * What node:path's `extname` answers for a file name (no slash in it): from its last dot on, unless
 * that dot starts the name (`.bashrc`) or the name is `..`. Asked once per listed file, where
 * extname's general walk (slashes, every character from the end) was most of the cost.
 */
export const nameExtension = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || name === '..' ? '' : name.slice(dot);
};

/**
 * Language from the path alone: exact names, then name prefixes, then folders, then the extension.
 * Returns null for extension-less files whose first line (a shebang) must decide.
 */
export const languageFromPath = (path: string): Language | null => {
  const name = basename(path);
  const byName = BY_NAME.get(name);
  if (byName) return byName;
  for (let i = 0; i < BY_PREFIX.length; i++) if (name.startsWith(BY_PREFIX[i][0])) return BY_PREFIX[i][1];
  for (let i = 0; i < BY_FOLDER.length; i++) if (path.includes(BY_FOLDER[i][0])) return BY_FOLDER[i][1];
  const ext = nameExtension(name).toLowerCase();
  if (ext === '' || ext === name.toLowerCase()) return null;
  const known = BY_EXTENSION.get(ext);
  // `index.html.en`: an HTML page in one language (a 2- or 5-letter tag no language claims).
  if (known === undefined && (ext.length === 3 || ext.length === 6) && isLanguageVariantPage(name)) return 'html';
  const language = known ?? 'other';
  // A distribution's metadata (SOURCES.txt lists every file it ships, entry_points.txt its plugins) is no prose: read as docs, it mentioned every file.
  return language === 'text' && PACKAGING_METADATA.test(path) ? 'other' : language;
};

/** A file inside a Python distribution's metadata folder: `x.dist-info/`, `x.egg-info/`, an egg's `EGG-INFO/`. */
const PACKAGING_METADATA = /(?:^|\/)(?:[^/]+\.(?:dist|egg)-info|EGG-INFO)\//;

export { languageFromShebang } from '../languages/shebang.js';
