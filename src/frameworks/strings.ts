/**
 * The one place a string that names code becomes repo files: Django settings, Celery, entry
 * points, import_module loops and JS `new URL()` all name modules or files by string. A string
 * that names nothing in the repo gives nothing: it may be a third-party module or plain text.
 */
import { dirname, joinRepo } from '../util/path.js';

export type NamedKind = 'file' | 'module' | 'module-attr';

export interface NamedTarget {
  target: string;
  targetKind: NamedKind;
}

export interface NameLookup {
  /** Repo files a dotted module loads with `cwd` on sys.path (module file first, then package inits). */
  module(name: string, cwd?: string): string[];
  /** A repo path as a manifest names it (the file, or the source of a built file), or null. */
  file(path: string): string | null;
}

const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const MODULE_ATTR = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][\w.]*$/;
const RELATIVE_PATH = /^\.\.?\//;

/** True for `pkg.mod` / `mod`: a Python dotted name. */
export const isDottedName = (s: string): boolean => DOTTED.test(s);

/**
 * What shape of code name a string literal has: `./x.js` (a path), `pkg.mod:attr`, `pkg.mod` or
 * `pkg.mod.Class` (a dotted name whose tail may be an attribute). `requireDot` keeps bare words
 * (`default`, `json`) out where the context does not say the string is a module.
 */
export const namedTarget = (s: string, requireDot = true): NamedTarget | null => {
  if (RELATIVE_PATH.test(s)) return { target: s, targetKind: 'file' };
  if (MODULE_ATTR.test(s)) return { target: s, targetKind: 'module-attr' };
  if (DOTTED.test(s) && (!requireDot || s.includes('.'))) return { target: s, targetKind: 'module-attr' };
  return null;
};

/** Dotted attribute paths are peeled at most this far: `pkg.mod.Class.method`. */
const MAX_ATTRIBUTE_SEGMENTS = 2;

const moduleFrom = (lookup: NameLookup, module: string, fromDir: string): string[] => {
  const here = lookup.module(module, fromDir);
  return here.length > 0 || fromDir === '' ? here : lookup.module(module, '');
};

/**
 * Repo files a named target loads, tried from the naming file's folder and then the repo root
 * (as a framework started from either would import it). A `module-attr` without a colon is tried
 * whole first, then without its last one or two segments (`pkg.routers.Primary` → pkg/routers.py).
 */
export const resolveNamed = (lookup: NameLookup, named: NamedTarget, from: string): string[] => {
  const dir = dirname(from);
  switch (named.targetKind) {
    case 'file': {
      const path = RELATIVE_PATH.test(named.target) ? joinRepo(dir, named.target) : joinRepo(named.target);
      const file = path === null ? null : lookup.file(path);
      return file === null ? [] : [file];
    }
    case 'module':
      return moduleFrom(lookup, named.target, dir);
    case 'module-attr': {
      const colon = named.target.indexOf(':');
      if (colon >= 0) return moduleFrom(lookup, named.target.slice(0, colon), dir);
      const parts = named.target.split('.');
      for (let peel = 0; peel <= MAX_ATTRIBUTE_SEGMENTS && parts.length - peel >= 1; peel++) {
        const found = moduleFrom(lookup, parts.slice(0, parts.length - peel).join('.'), dir);
        if (found.length > 0) return found;
      }
      return [];
    }
  }
};
