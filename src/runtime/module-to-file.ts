/**
 * Dotted module names from runtime evidence (`-X importtime`, log lines) → repo files. First as
 * the Python resolver would resolve an absolute import from the repo root; failing that, the one
 * repo file whose path ends with the name (a script folder on sys.path: `python batch/run.py`
 * makes `helpers` mean `batch/helpers.py`). Ambiguous, unknown or stdlib names map to nothing there.
 */
import { isStdlibModule } from '../languages/python/stdlib.js';
import type { ImportResolver } from '../resolve/types.js';

const RESOLVE_FROM = '';

export const createModuleToFile = (python: ImportResolver, repoFiles: Iterable<string>): ((name: string) => string | null) => {
  const bySuffix = new Map<string, string | null>();
  for (const f of repoFiles) {
    const m = /^(.*?)(?:\/__init__)?\.py$/.exec(f);
    if (!m) continue;
    const parts = m[1].split('/');
    for (let i = 0; i < parts.length; i++) {
      const name = parts.slice(i).join('.');
      bySuffix.set(name, bySuffix.has(name) && bySuffix.get(name) !== f ? null : f);
    }
  }
  return (name) => {
    if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(name)) return null;
    const [primary] = python.resolve({ specifier: name, syntax: 'import', line: 0, names: [], guard: null }, RESOLVE_FROM);
    if (primary?.to) return primary.to;
    // A stdlib name found deep in the repo is the stdlib module, not a namesake.
    return isStdlibModule(name.split('.')[0]) ? null : (bySuffix.get(name) ?? null);
  };
};
