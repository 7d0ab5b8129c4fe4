/**
 * A published package's own root files: package.json `files` lists what npm packs, and a JS file at
 * the package's root that it includes (by name or glob: `"s3.js"`, `"*.js"`) is part of the
 * package's public surface, imported by users as `@scope/pkg/s3` even though nothing in the repo
 * imports it. It is an entry of the same kind as `main` and `exports` targets (production). A
 * declaration file it includes (`s3.d.ts` beside `s3.js`) is what the users' TypeScript reads for
 * that import: a tooling entry, whether or not it exports anything. Only files at the package root
 * are considered: `files` entries that name folders (dist/, lib/) are not expanded, and
 * node_modules never is.
 */
import type { EntryInput } from './types.js';
import { fileEntry } from './support/inputs.js';
import { pathsInDir } from '../util/file-index.js';
import { compileGlob, isGlob } from '../util/glob.js';
import { basename } from '../util/path.js';

/** JS-family code and type declarations. */
const CODE = /\.(?:[cm]?[jt]sx?)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const TOOL_CONFIG = /\.config\.[cm]?[jt]s$|^\./;

/** A `files` pattern as it applies to a root file's name, or null when it cannot name one. */
const rootMatcher = (pattern: string): ((name: string) => boolean) | null => {
  // `**/*.js` covers the root too.
  const p = pattern.replace(/^\.\//, '').replace(/^\//, '').replace(/^(\*\*\/)+/, '');
  if (p === '' || p.includes('/') || p === 'node_modules') return null;
  if (!isGlob(p)) return (name) => name === p;
  try {
    return compileGlob(p);
  } catch {
    return null;
  }
};

/**
 * Entries for the root files of the package in `dir` that `files` includes. `known` holds targets
 * already entered by the manifest (main, exports), so a file is entered once, with its first reason.
 */
export const publishedRootEntries = (files: ReadonlySet<string>, manifest: string, dir: string, listed: unknown, line: number, known: ReadonlySet<string>): EntryInput[] => {
  if (!Array.isArray(listed)) return [];
  const patterns = listed.filter((p): p is string => typeof p === 'string');
  const include = patterns.filter((p) => !p.startsWith('!')).map(rootMatcher).filter((m): m is (name: string) => boolean => m !== null);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => rootMatcher(p.slice(1))).filter((m): m is (name: string) => boolean => m !== null);
  if (include.length === 0) return [];
  const evidence = `published by ${manifest} files: ${JSON.stringify(patterns)}`;
  const out: EntryInput[] = [];
  for (const path of pathsInDir(files, dir)) {
    const name = basename(path);
    // A tool's config that `*.js` happens to pack is still its tool's root (tool-configs.ts), not API.
    if (!CODE.test(name) || TOOL_CONFIG.test(name) || known.has(path)) continue;
    if (!include.some((m) => m(name)) || exclude.some((m) => m(name))) continue;
    if (DECLARATION.test(name)) out.push(fileEntry(path, 'tooling', `${evidence}: the types its users' TypeScript reads`, line));
    else out.push(fileEntry(path, 'production', evidence, line));
  }
  return out;
};
