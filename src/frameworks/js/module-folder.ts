/**
 * What a require of `<folder>/<name>` can reach when `name` is computed: a module file directly in
 * the folder, or the index file of a direct subfolder (Node's resolution of a path without an
 * extension). Tests and type declarations are left out; so is the requiring file. The same set
 * `require(`./${name}`)` names (languages/javascript/computed-specifier.ts, OWN_FOLDER), for
 * readers that settle the folder from a path expression rather than a relative specifier.
 */
import { OWN_FOLDER } from '../../languages/javascript/computed-specifier.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { compileRepoGlob, compileRepoGlobs } from '../../util/glob.js';
import { joinRepo } from '../../util/path.js';
import type { FrameworkContext } from '../types.js';

/** The files `<folder>/<computed name>` may load, `from` left out. */
export const moduleFolderFiles = (ctx: FrameworkContext, folder: string, from: string): string[] => {
  const glob = joinRepo(folder, OWN_FOLDER.target);
  if (glob === null) return [];
  const match = compileRepoGlob(glob);
  const excluded = compileRepoGlobs((OWN_FOLDER.exclude ?? []).map((p) => joinRepo(folder, p)).filter((p): p is string => p !== null));
  const prefix = folder === '' ? '' : `${folder}/`;
  return pathsWithPrefix(ctx.files, prefix).filter((f) => f !== from && !f.includes('node_modules/') && match(f) && !excluded(f));
};
