/**
 * The repo's JS code files by what they import, walked once per scan and shared: env-passed-paths,
 * path-wrappers and folder-constants each walked every code file's imports to find who imports a
 * command module or a file of theirs, path-wrappers once per wrapper file (300 ms on payload).
 *
 * A relative import (`./paths`, `../lib`, `.`) is resolved only when asked for a file, and only when
 * its last part could name that file (the file's name without its extension, with or without the
 * part's own; any part, for an index file, which a folder's name reaches): resolveToolPath only adds
 * extensions and index files, so no other import can resolve to it.
 */
import type { ImportFact } from '../../model/facts.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext } from '../types.js';
import { jsCodeFiles, resolveToolPath } from './support.js';

export interface RelativeImport {
  /** The importing file. */
  from: string;
  imp: ImportFact;
}

interface ImportIndex {
  /** Every relative import, in jsCodeFiles' order and each file's import order. */
  relative: RelativeImport[];
  /** The relative imports by their last part, and by that part without its extension; same order. */
  byLast: Map<string, RelativeImport[]>;
  /** The files importing each other specifier (a package's, a Node module's), each once, in order. */
  bySpecifier: Map<string, string[]>;
  /** relativeImporters' answers, per file. */
  importers: Map<string, readonly RelativeImport[]>;
}

const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
};

const index = perScan((ctx): ImportIndex => {
  const out: ImportIndex = { relative: [], byLast: new Map(), bySpecifier: new Map(), importers: new Map() };
  for (const from of jsCodeFiles(ctx)) {
    for (const imp of ctx.facts(from)?.imports ?? []) {
      if (!imp.specifier.startsWith('.')) {
        const files = out.bySpecifier.get(imp.specifier);
        if (files === undefined) out.bySpecifier.set(imp.specifier, [from]);
        else if (files[files.length - 1] !== from) files.push(from);
        continue;
      }
      const r = { from, imp };
      out.relative.push(r);
      const last = basename(imp.specifier);
      push(out.byLast, last, r);
      // The part without its extension (what `/\.[^.]+$/` drops: a last `.` with something after it), without a pattern per import.
      const dot = last.lastIndexOf('.');
      if (dot >= 0 && dot < last.length - 1) push(out.byLast, last.slice(0, dot), r);
    }
  }
  return out;
});

/** The files importing `file` relatively, in jsCodeFiles' order, each import in its file's order; once per scan per file. */
export const relativeImporters = (ctx: FrameworkContext, file: string): readonly RelativeImport[] => {
  const { relative, byLast, importers } = index(ctx);
  const known = importers.get(file);
  if (known !== undefined) return known;
  const stem = basename(file).replace(/\.[^.]+$/, '');
  const out: RelativeImport[] = [];
  for (const r of stem === 'index' ? relative : (byLast.get(stem) ?? [])) {
    if (r.from !== file && resolveToolPath(ctx, dirname(r.from), r.imp.specifier) === file) out.push(r);
  }
  importers.set(file, out);
  return out;
};

/**
 * The code files with a relative import whose specifier, joined onto the file's folder as it is
 * (joinRepo: no extension or index file added), names one of `paths`. Only the imports whose last
 * part can end such a path are joined: a join keeps the specifier's last part (`basename`, which
 * reads `./lib/` as `lib`) as its own, unless that part is `.` or `..`, which climb to any folder
 * (alias-folders joined each of payload's 16,000 relative imports for a few dozen paths).
 */
export const filesJoiningTo = (ctx: FrameworkContext, paths: ReadonlySet<string>): Set<string> => {
  const { byLast } = index(ctx);
  const lasts = new Set(['.', '..']);
  for (const p of paths) lasts.add(basename(p));
  const out = new Set<string>();
  for (const last of lasts) {
    for (const { from, imp } of byLast.get(last) ?? []) {
      const joined = joinRepo(dirname(from), imp.specifier);
      if (joined !== null && paths.has(joined)) out.add(from);
    }
  }
  return out;
};

/** Every relative import of the code files, in jsCodeFiles' order and each file's import order. */
export const relativeImports = (ctx: FrameworkContext): readonly RelativeImport[] => index(ctx).relative;

/** The code files importing a specifier (not a relative one) that `wanted` accepts, in jsCodeFiles' order. */
export const filesImporting = (ctx: FrameworkContext, wanted: (specifier: string) => boolean): string[] => {
  const files = new Set<string>();
  for (const [specifier, from] of index(ctx).bySpecifier) if (wanted(specifier)) for (const f of from) files.add(f);
  return files.size === 0 ? [] : jsCodeFiles(ctx).filter((f) => files.has(f));
};
