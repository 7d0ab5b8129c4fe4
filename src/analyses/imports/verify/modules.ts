/**
 * Which repo files --verify imports, under which module name, with which folders on sys.path:
 * the file's package base first (the folder above its outermost `__init__.py`), then the search
 * roots the static resolver used (seen in the edges' `via`). Files whose import would do their
 * work (top-level code), `__main__.py`, stubs, and names that are not identifiers are left out.
 */
import type { Audit } from '../../../model/audit.js';
import { byString } from '../../../util/compare.js';
import { basename, dirname } from '../../../util/path.js';

export interface ModuleToImport {
  file: string;
  module: string;
  /** Repo-relative folders, in sys.path order ('' = the root). */
  paths: string[];
}

const ROOT_KINDS = new Set(['src-root', 'package-dir', 'project', 'pythonpath']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Search roots the resolver reported in edge `via` values, root first. */
const searchRoots = (audit: Audit): string[] => {
  const roots = new Set<string>(['']);
  for (const e of audit.edges) {
    if (!e.via || e.to === null) continue;
    const i = e.via.indexOf(':');
    if (i < 0 || !ROOT_KINDS.has(e.via.slice(0, i))) continue;
    const dir = e.via.slice(i + 1);
    roots.add(dir === '.' ? '' : dir);
  }
  return ['', ...[...roots].filter((r) => r !== '').sort(byString)];
};

export const modulesToImport = (audit: Audit): { modules: ModuleToImport[]; skipped: number } => {
  const files = new Set(audit.files.map((f) => f.path));
  const initIn = (dir: string): boolean => files.has(dir === '' ? '__init__.py' : `${dir}/__init__.py`);
  const roots = searchRoots(audit);
  const modules: ModuleToImport[] = [];
  let skipped = 0;
  for (const f of audit.files) {
    if (f.language !== 'python' || !f.path.endsWith('.py')) continue;
    if (basename(f.path) === '__main__.py' || f.runnable?.includes('top-level-code')) {
      skipped++;
      continue;
    }
    let base = dirname(f.path);
    while (base !== '' && initIn(base)) base = dirname(base);
    const rel = base === '' ? f.path : f.path.slice(base.length + 1);
    const parts = rel.replace(/\.py$/, '').split('/');
    if (parts[parts.length - 1] === '__init__') parts.pop();
    if (parts.length === 0 || !parts.every((p) => IDENTIFIER.test(p))) {
      skipped++;
      continue;
    }
    modules.push({ file: f.path, module: parts.join('.'), paths: [base, ...roots.filter((r) => r !== base)] });
  }
  modules.sort((a, b) => byString(a.file, b.file));
  return { modules, skipped };
};
