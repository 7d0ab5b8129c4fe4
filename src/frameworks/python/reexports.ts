/**
 * Where a name imported from a module is really defined: a package's `__init__.py` often only
 * re-exports it (pylint/utils/__init__.py: `from pylint.utils.utils import register_plugins`, which
 * pylint/checkers/__init__.py imports as `from pylint.utils import register_plugins`). Followed
 * through `from X import name` (or `import name as alias` under the name asked) in the holder, up to
 * a few hops; a name the holder binds otherwise stays the holder's.
 */
import type { FrameworkContext } from '../types.js';
import { fromName, moduleFile, moduleFileAsImported } from './python-files.js';

/** Re-exports followed at most this many times. */
const MAX_HOPS = 4;

/** The file and name `name` of `holder` comes from: itself when the holder does not re-export it. */
export const nameOrigin = (ctx: FrameworkContext, holder: string, name: string): { file: string; name: string } => {
  let at = { file: holder, name };
  const seen = new Set<string>();
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    seen.add(at.file);
    let next: { file: string; name: string } | null = null;
    for (const i of ctx.facts(at.file)?.imports ?? []) {
      if (i.syntax !== 'from') continue;
      const n = i.names.find((x) => (x.alias ?? x.name) === at.name && x.name !== '*');
      if (n === undefined) continue;
      const from = moduleFile(ctx, at.file, i.specifier);
      // `from pkg import mod`: a module, not a name defined in one.
      if (from === null || moduleFile(ctx, at.file, fromName(i.specifier, n.name)) !== null) return at;
      next = { file: from, name: n.name };
      break;
    }
    if (next === null || seen.has(next.file)) return at;
    at = next;
  }
  return at;
};

/**
 * Where a name `file` imports by `from m import name` (as the local name `local`) is defined: the
 * module found as `file`'s own import finds it, then followed through re-exports (nameOrigin:
 * `from app import WATCHER_PATH` with app/__init__.py's `from .constants import WATCHER_PATH` is
 * constants.py's). Null when `file` imports no such name from a repo module.
 */
export const importedNameOrigin = (ctx: FrameworkContext, file: string, local: string): { file: string; name: string } | null => {
  for (const i of ctx.facts(file)?.imports ?? []) {
    if (i.syntax !== 'from') continue;
    const n = i.names.find((x) => (x.alias ?? x.name) === local);
    if (n === undefined || n.name === '*') continue;
    const holder = moduleFileAsImported(ctx, file, i.specifier);
    return holder === null ? null : nameOrigin(ctx, holder, n.name);
  }
  return null;
};
