/**
 * The repo code files that import a file by a relative specifier (`./paths`, `../lib`, `.`), each
 * with its import fact: how path-wrappers and env-passed-paths find a function's calls in other
 * files (the import's names say what it is called there). An import is resolved only when its last
 * part could name the file (the file's name without its extension, with or without the part's own;
 * any part, for an index file, which a folder's name reaches): resolveToolPath only adds extensions
 * and index files, so no other import can resolve to it.
 */
import type { ImportFact } from '../../model/facts.js';
import { basename, dirname } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext } from '../types.js';
import { jsCodeFiles, resolveToolPath } from './support.js';

export interface RelativeImport {
  /** The importing file. */
  from: string;
  imp: ImportFact;
}

const byFile = perScan(() => new Map<string, readonly RelativeImport[]>());

/** The files importing `file` relatively, in path order (jsCodeFiles'), each import in its file's order; once per scan per file. */
export const relativeImporters = (ctx: FrameworkContext, file: string): readonly RelativeImport[] => {
  const memo = byFile(ctx);
  const known = memo.get(file);
  if (known !== undefined) return known;
  const stem = basename(file).replace(/\.[^.]+$/, '');
  const out: RelativeImport[] = [];
  for (const from of jsCodeFiles(ctx)) {
    if (from === file) continue;
    for (const imp of ctx.facts(from)?.imports ?? []) {
      if (!imp.specifier.startsWith('.')) continue;
      const last = basename(imp.specifier);
      if (stem !== 'index' && last !== stem && last.replace(/\.[^.]+$/, '') !== stem) continue;
      if (resolveToolPath(ctx, dirname(from), imp.specifier) === file) out.push({ from, imp });
    }
  }
  memo.set(file, out);
  return out;
};
