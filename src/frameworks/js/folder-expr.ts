/**
 * The repo folder a JS expression names, read from the text without running it: `__dirname`,
 * `import.meta.dirname`, `path.join(__dirname, 'a', 'b')` / `path.resolve(…)`, a package's own
 * folder `path.dirname(require.resolve('pkg'))` (a workspace package of the scan), a join onto one
 * of those, or a name whose `const`/`let`/`var` holds one. Anything else is null: a folder computed
 * at run time is never guessed. Shared by the readers that follow a folder a module names
 * (folder loaders, static file servers).
 */
import { joinRepo, dirname } from '../../util/path.js';

/** A string literal: quotes or a substitution-free template. */
const LITERAL = String.raw`(?:"[^"\n]*"|'[^'\n]*'|\`[^\`$\n]*\`)`;
const NAME = /^[A-Za-z_$][\w$]*$/;
const MAX_DEPTH = 3;

const literal = (s: string): string => s.replace(/^["'`]|["'`]$/g, '');
const escapeName = (name: string): string => name.replace(/\$/g, '\\$');

/** What a folder expression may refer to: the workspace packages by name. */
export interface FolderScope {
  /** Repo folder of a workspace package, by its package.json name. */
  packageDir(name: string): string | null;
}

/** The base of a join: `__dirname`, `path.dirname(require.resolve('pkg'))`, or a name holding a folder. */
const baseOf = (base: string, file: string, text: string, scope: FolderScope | null, depth: number): string | null => {
  const b = base.trim();
  if (b === '__dirname' || b === 'import.meta.dirname') return dirname(file);
  const resolved = new RegExp(String.raw`^(?:path\s*\.\s*)?dirname\(\s*require\.resolve\(\s*(${LITERAL})\s*\)\s*\)$`).exec(b);
  if (resolved) {
    const spec = literal(resolved[1]);
    const pkg = spec.replace(/\/package\.json$/, '');
    return /^(?:@[^/]+\/)?[^/@.][^/]*$/.test(pkg) ? (scope?.packageDir(pkg) ?? null) : null;
  }
  if (depth >= MAX_DEPTH || !NAME.test(b)) return null;
  const decl = new RegExp(String.raw`\b(?:const|let|var)\s+${escapeName(b)}\s*=\s*([^\n;]+)`).exec(text)?.[1];
  return decl ? folderOf(decl, file, text, scope, depth + 1) : null;
};

/** The repo folder `expr` names in `file` (whose text is `text`), or null. */
export const folderOf = (expr: string, file: string, text: string, scope: FolderScope | null = null, depth = 0): string | null => {
  const e = expr.trim();
  const call = new RegExp(String.raw`^(?:path\s*\.\s*)?(?:join|resolve)\(\s*([^,()]+(?:\([^()]*(?:\([^()]*\))?[^()]*\))?)\s*((?:,\s*${LITERAL}\s*)*)\)$`).exec(e);
  if (call) {
    const base = baseOf(call[1], file, text, scope, depth);
    if (base === null) return null;
    const parts = [...call[2].matchAll(new RegExp(LITERAL, 'g'))].map((m) => literal(m[0]));
    return joinRepo(base, ...parts);
  }
  return baseOf(e, file, text, scope, depth);
};
