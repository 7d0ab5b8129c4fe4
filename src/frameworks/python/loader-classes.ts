/**
 * Class loaders: a class's constructor as the loader its class name is called as (its own
 * `__init__`, or its bases' through up to three levels), the `__init__` a `super().__init__(…)`
 * reaches, and the roles of `self.X` (by `file\0class\0attr`): what the class's methods do with
 * an attribute, handed on to the parameter a method stores in it (loader-fixpoint.ts).
 */
import type { FunctionFlows } from './loader-roles.js';
import type { Analysed, Loader } from './loader-fixpoint.js';
import type { Index } from './loader-calls.js';
import { alternation, IMPORTLIB_LOADS } from '../../languages/python/loader-names.js';

/** The class a file binds to `name` (`Base`, `mod.Base`, an imported name), as its defining file and name. */
const classBinding = (idx: Index, file: string, name: string): { file: string; name: string } | null => {
  const a = idx.analysed.get(file);
  if (a === undefined) return null;
  const dot = name.lastIndexOf('.');
  if (dot >= 0) {
    const module = a.bindings.modules.get(name.slice(0, dot));
    return module === undefined ? null : { file: module, name: name.slice(dot + 1) };
  }
  if (idx.classesOf.get(file)?.byName.has(name) ?? a.classes.some((c) => c.name === name)) return { file, name };
  return a.bindings.names.get(name) ?? null;
};

/**
 * The constructor loader of class `cls` defined in `file`: its own `__init__`, or (a subclass that
 * defines none) its bases' through up to three levels.
 */
export const ctorOf = (idx: Index, file: string, cls: string, depth = 0): Loader | undefined => {
  const k = `${file}\0${cls}`;
  const own = idx.ctors.get(k);
  if (own !== undefined || depth > 3) return own;
  if (depth === 0 && idx.known.has(k)) return idx.known.get(k);
  const a = idx.analysed.get(file);
  let classes = idx.classesOf.get(file);
  if (a !== undefined && classes === undefined) {
    classes = { byName: new Map(a.classes.map((c) => [c.name, c])), ownInit: new Set(a.fns.filter((f) => f.name === '__init__' && f.className !== null).map((f) => f.className!)) };
    idx.classesOf.set(file, classes);
  }
  const info = classes?.byName.get(cls);
  let found: Loader | undefined;
  if (info !== undefined && !classes!.ownInit.has(cls)) {
    for (const base of info.bases) {
      const bound = classBinding(idx, file, base);
      found = bound === null ? undefined : ctorOf(idx, bound.file, bound.name, depth + 1);
      if (found !== undefined) break;
    }
  }
  if (depth === 0) idx.known.set(k, found);
  return found;
};

/** The `__init__` a method's `super().__init__(…)` or `Base.__init__(self, …)` reaches: its class's bases' constructor. */
export const baseCtor = (idx: Index, a: Analysed, className: string, only: string | null): Loader | undefined => {
  const info = a.classes.find((c) => c.name === className);
  for (const base of info?.bases ?? []) {
    if (only !== null && base !== only) continue;
    const bound = classBinding(idx, a.file, base);
    const found = bound === null ? undefined : ctorOf(idx, bound.file, bound.name, 1);
    if (found !== undefined) return found;
  }
  return undefined;
};

export const attrKey = (file: string, fn: FunctionFlows, attr: string): string => `${file}\0${fn.className}\0${attr.slice('self.'.length)}`;

/** `m = __import__(self.X)` / `import_module(self.X)`: the attribute whose module a name holds. */
const IMPORTED_ATTR = new RegExp(String.raw`(?:${alternation(IMPORTLIB_LOADS)})\(\s*self\.(\w+)\s*[,)]`);

/**
 * The attribute X whose package's folder `value` is: `dirname(m.__file__)` with `m = __import__(self.X)`
 * in the same method (ansible's `_get_package_paths`), or `import_module(self.X).__path__[0]` itself.
 */
export const packageFolderOf = (fn: FunctionFlows, value: string): string | null => {
  const direct = IMPORTED_ATTR.exec(value);
  if (direct !== null && /__(?:file|path)__/.test(value)) return direct[1];
  for (const m of value.matchAll(/\b([A-Za-z_]\w*)\s*\.\s*__(?:file|path)__/g)) {
    for (const v of fn.assigned.get(m[1]) ?? []) {
      const imported = IMPORTED_ATTR.exec(v.text);
      if (imported !== null) return imported[1];
    }
  }
  return null;
};
