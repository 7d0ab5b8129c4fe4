/**
 * Modules a repo loads through its OWN loader functions: a function (or a method) is a loader when
 * a parameter flows into a load call, or into another loader's parameter, found by a fixpoint
 * across files. Each loader parameter has a role:
 * - module: the name imported (sphinx: `Sphinx.setup_extension(extname)` →
 *   `self.registry.load_extension(self, extname)` → `import_module(extname)`);
 * - package: a package whose modules are listed and imported (mailman: `add_components('handlers', …)`
 *   → `find_pluggable_components` → `find_components('mailman.' + subpackage)` →
 *   `for filename in contents(package): import_module(…)`);
 * - folder: a folder whose modules are listed or loaded by path (streamlink:
 *   `self.load_plugins(plugins.__path__[0])` → `pkgutil.iter_modules([path])` and the repo's
 *   `load_module(name, path)` over `FileFinder(path)`; searx: `load_module(name + '.py', engine_dir)`
 *   → `spec_from_file_location(modname, join(module_dir, filename))`).
 * A listing or path call (iter_modules, listdir, contents, FileFinder, spec_from_file_location)
 * makes a role only in a function that also really loads (import_module, __import__,
 * `.exec_module(`, `.load_module(`, or a call to a loader): a function that lists names to print
 * them is no loader.
 *
 * Where a loader is called with an argument that settles, the calling file reaches: the module a
 * literal names (or a literal list the argument is iterated from); every module of a literal
 * package; every module in a folder that is `pkg.__path__[0]` or built from `__file__` (a folder a
 * user hands in at run time settles to nothing). Methods are matched by name only when called on an
 * object (`obj.m(…)`) and only one analysed class defines a loader of that name.
 *
 * Cost: only files whose facts show a computed import or an importlib-like import are read first;
 * then only files importing a loader's module (or name), round by round.
 */
import type { FileFacts, ImportFact } from '../../model/facts.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { sortedPaths } from '../../util/file-index.js';
import { basename, dirname } from '../../util/path.js';
import { absRepoPath, pathAssignments, pathValue, repoPathOf } from '../../languages/python/sys-path.js';
import { isModuleName } from '../../languages/python/literals.js';
import { moduleFile } from './python-files.js';
import { boundModuleFile, folderIndex, loadedFiles } from './folder-loaders.js';
import { fileFlowsAndClasses, type ArgShape, type CallFlow, type ClassInfo, type FunctionFlows } from './loader-roles.js';
import { topLevelDefAround } from './loader-functions.js';
import { perScan } from '../per-scan.js';
import { packageChildren } from './prefixed-imports.js';

export type Role = 'module' | 'package' | 'folder' | 'file';

interface RoleOf {
  role: Role;
  /** For module and package: the literal the loader puts before the value (`mailman.`). */
  prefix: string;
  /** The parameter holds a list of such values (`for folder in folders: listdir(folder)`). */
  each: boolean;
  /**
   * A folder the loader builds from the parameter (ansible-test's `path = os.path.join(root,
   * directory)` with `root = os.path.dirname(__file__)`, then `iter_modules([path])`): the
   * expression, settled in the loader's file with the parameter bound to the caller's literal.
   */
  template?: { file: string; fn: FunctionFlows; expr: string; line: number; param: string };
  /**
   * For module: the literal the loader puts after the value (`"pkg.%s.handler" % p`), and whether a
   * name computed in the loader follows it (`"radicale.%s.%s" % (module_name, type_)`): then the
   * value names a package and any module or subpackage directly in it may be the one loaded.
   */
  suffix?: string;
  wild?: boolean;
}

/** A built-in call's parameters: position → role; `real`: the call loads by itself. */
interface Sink {
  args: Map<number, Role | 'file'>;
  real: boolean;
}

const sink = (real: boolean, ...roles: Array<[number, Role | 'file']>): Sink => ({ args: new Map(roles), real });
const SINKS = new Map<string, Sink>([
  ['import_module', sink(true, [0, 'module'])],
  ['__import__', sink(true, [0, 'module'])],
  ['import_string', sink(true, [0, 'module'])],
  ['find_spec', sink(false, [0, 'module'])],
  ['find_loader', sink(false, [0, 'module'], [1, 'folder'])],
  ['FileFinder', sink(false, [0, 'folder'])],
  ['iter_modules', sink(false, [0, 'folder'])],
  ['walk_packages', sink(false, [0, 'folder'])],
  ['listdir', sink(false, [0, 'folder'])],
  ['scandir', sink(false, [0, 'folder'])],
  ['contents', sink(false, [0, 'package'])],
  ['walk', sink(false, [0, 'folder'])],
  ['glob', sink(false, [0, 'file'])],
  ['iglob', sink(false, [0, 'file'])],
  ['spec_from_file_location', sink(false, [1, 'file'])],
  ['SourceFileLoader', sink(false, [1, 'file'])],
  ['load_source', sink(false, [1, 'file'])],
]);

/** Imports that make a file worth reading first. */
const LOADER_IMPORTS = new Set(['importlib', 'importlib.util', 'importlib.machinery', 'importlib.resources', 'imp', 'pkgutil']);
const SEED_WORDS = /import_module|__import__|import_string|exec_module|load_module|find_spec|find_loader/;

export interface Loader {
  file: string;
  fn: FunctionFlows;
  /** Parameter index → its roles. */
  roles: Map<number, RoleOf[]>;
  /**
   * Lists a folder it is handed but loads nothing itself (quodlibet's `get_importables(folder)`,
   * an `os.walk` generator): its roles count only for a caller that loads.
   */
  lister: boolean;
}

/** An attribute's roles, by `file\0class\0attr`: what the methods of a class do with `self.attr`. */
export type AttrRoles = Map<string, RoleOf[]>;

const key = (file: string, fn: FunctionFlows): string => `${file}\0${fn.className ?? ''}\0${fn.name}\0${fn.defLine}`;

const isMethod = (fn: FunctionFlows): boolean => fn.className !== null && (fn.params[0] === 'self' || fn.params[0] === 'cls');

/** The argument a call passes to a parameter (by keyword, or by position, past `self` for a method called on an object). */
const argumentFor = (call: CallFlow, loader: Loader, index: number): ArgShape | undefined => {
  const name = loader.fn.params[index];
  const byKeyword = call.keywords.get(name);
  if (byKeyword) return byKeyword;
  // `obj.m(…)` and a constructor call `Cls(…)` (or `super().__init__(…)`) pass no self; `Base.__init__(self, …)` does.
  const passesSelf = call.word === '__init__' && call.callee !== '' && call.positional[0]?.text === 'self';
  const shift = isMethod(loader.fn) && !passesSelf && (call.attribute || call.word !== loader.fn.name) ? 1 : 0;
  return index - shift < 0 ? undefined : call.positional[index - shift];
};

/** Local names bound to repo modules and to names imported from them, for one file. */
interface Bindings {
  modules: Map<string, string>;
  names: Map<string, { file: string; name: string }>;
}


const fromName = (specifier: string, name: string): string => (specifier.endsWith('.') ? `${specifier}${name}` : `${specifier}.${name}`);

const bindingsOf = (ctx: FrameworkContext, path: string, imports: readonly ImportFact[]): Bindings => {
  const out: Bindings = { modules: new Map(), names: new Map() };
  for (const i of imports) {
    if (i.syntax === 'import') {
      const file = moduleFile(ctx, path, i.specifier);
      if (file !== null) out.modules.set(i.alias ?? i.specifier, file);
      continue;
    }
    if (i.syntax !== 'from') continue;
    const holder = moduleFile(ctx, path, i.specifier);
    for (const n of i.names) {
      if (n.name === '*') continue;
      const sub = moduleFile(ctx, path, fromName(i.specifier, n.name));
      if (sub !== null && sub !== holder) out.modules.set(n.alias ?? n.name, sub);
      else if (holder !== null) out.names.set(n.alias ?? n.name, { file: holder, name: n.name });
    }
  }
  return out;
};

interface Analysed {
  file: string;
  fns: FunctionFlows[];
  classes: ClassInfo[];
  /** The loader names the calls were collected for. */
  words: Set<string>;
  bindings: Bindings;
}

/** The loaders of the scan, and the analysed files (found once per scan). */
export const repoLoaders = perScan((ctx: FrameworkContext): { loaders: Map<string, Loader>; analysed: Map<string, Analysed>; attrs: AttrRoles } => {
  const loaders = new Map<string, Loader>();
  const attrs: AttrRoles = new Map();
  const analysed = new Map<string, Analysed>();
  const pyFiles: { path: string; facts: FileFacts }[] = [];
  for (const path of sortedPaths(ctx.files)) {
    const facts = path.endsWith('.py') ? ctx.facts(path) : undefined;
    if (facts !== undefined) pyFiles.push({ path, facts });
  }
  const names = new Set<string>();
  const analyse = (path: string, facts: FileFacts, text: string): void => {
    const words = new Set(names);
    const { fns, classes } = fileFlowsAndClasses(text, (w) => SINKS.has(w) || words.has(w));
    analysed.set(path, { file: path, fns, classes, words, bindings: bindingsOf(ctx, path, facts.imports) });
  };
  for (const { path, facts } of pyFiles) {
    if (facts.computedImportLines === undefined && !facts.imports.some((i) => LOADER_IMPORTS.has(i.specifier) || (i.specifier === 'importlib' && i.names.length > 0))) continue;
    const text = ctx.readText(path);
    if (text === null || !SEED_WORDS.test(text)) continue;
    analyse(path, facts, text);
  }
  for (let round = 0; round < 8; round++) {
    settleRoles(loaders, attrs, analysed);
    // Most repos have no loader: then no file's imports are worth a look.
    if (loaders.size === 0 && attrs.size === 0) return { loaders, analysed, attrs };
    const called = new Set<string>();
    for (const l of loaders.values()) {
      called.add(l.fn.name);
      // A constructor is called by its class's name.
      if (l.fn.name === '__init__' && l.fn.className !== null) called.add(l.fn.className);
    }
    const idx = indexes(loaders, analysed);
    for (const a of analysed.values()) for (const c of a.classes) if (!called.has(c.name) && ctorOf(idx, a.file, c.name) !== undefined) called.add(c.name);
    const fresh = [...called].filter((n) => !names.has(n));
    for (const n of fresh) names.add(n);
    const files = new Set([...loaders.values()].filter((l) => !l.lister).map((l) => l.file));
    const stems = new Set([...files].map((f) => (basename(f) === '__init__.py' ? basename(dirname(f)) : basename(f).slice(0, -3))));
    let grew = false;
    // A file importing a loader's module is worth tokenizing only when it calls a loader by name (not `def name(`).
    const callsLoader = new RegExp(`(?<!def\\s)\\b(?:${[...names].join('|')})\\s*\\(`);
    for (const { path, facts } of pyFiles) {
      const seen = analysed.get(path);
      if (seen !== undefined) {
        // Read again when a loader's name (new since) is called in it.
        if (fresh.length === 0 || !fresh.some((n) => !seen.words.has(n) && new RegExp(`\\b${n}\\s*\\(`).test(ctx.readText(path) ?? ''))) continue;
      } else if (!importsLoaderFile(ctx, path, facts.imports, stems, names, files)) continue;
      const text = ctx.readText(path);
      if (text === null || (seen === undefined && !callsLoader.test(text))) continue;
      analyse(path, facts, text);
      grew = true;
    }
    if (!grew) break;
  }
  settleRoles(loaders, attrs, analysed);
  return { loaders, analysed, attrs };
});

/** Whether the file imports a loader's module (or a name from it). */
const importsLoaderFile = (ctx: FrameworkContext, path: string, imports: readonly ImportFact[], stems: ReadonlySet<string>, names: ReadonlySet<string>, files: ReadonlySet<string>): boolean => {
  for (let k = 0; k < imports.length; k++) {
    const i = imports[k];
    let candidate = stems.has(i.specifier.slice(i.specifier.lastIndexOf('.') + 1));
    for (let j = 0; !candidate && j < i.names.length; j++) candidate = stems.has(i.names[j].name) || names.has(i.names[j].name);
    if (!candidate) continue;
    const file = moduleFile(ctx, path, i.specifier);
    if (file !== null && file !== path && files.has(file)) return true;
    for (const n of i.names) {
      const sub = n.name === '*' ? null : moduleFile(ctx, path, fromName(i.specifier, n.name));
      if (sub !== null && sub !== path && files.has(sub)) return true;
    }
  }
  return false;
};

interface Index {
  methods: Map<string, Loader[]>;
  topLevel: Map<string, Loader>;
  /** `file\0Class` → its `__init__` loader. */
  ctors: Map<string, Loader>;
  analysed: ReadonlyMap<string, Analysed>;
  /** ctorOf's answers for this index, by `file\0Class`. */
  known: Map<string, Loader | undefined>;
  /** Per analysed file: its classes by name, and the classes defining their own `__init__`. */
  classesOf: Map<string, { byName: Map<string, ClassInfo>; ownInit: Set<string> }>;
}

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
const ctorOf = (idx: Index, file: string, cls: string, depth = 0): Loader | undefined => {
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
const baseCtor = (idx: Index, a: Analysed, className: string, only: string | null): Loader | undefined => {
  const info = a.classes.find((c) => c.name === className);
  for (const base of info?.bases ?? []) {
    if (only !== null && base !== only) continue;
    const bound = classBinding(idx, a.file, base);
    const found = bound === null ? undefined : ctorOf(idx, bound.file, bound.name, 1);
    if (found !== undefined) return found;
  }
  return undefined;
};

/** The loader a call reaches, if any. */
export const resolveCall = (a: Analysed, fn: FunctionFlows, call: CallFlow, idx: Index): Loader | undefined => {
  const { methods, topLevel } = idx;
  if (call.word.startsWith('@')) return undefined;
  if (call.callee === '') return call.word === '__init__' && fn.className !== null ? baseCtor(idx, a, fn.className, null) : undefined;
  if (!call.attribute) {
    const own = topLevel.get(`${a.file}\0${call.word}`) ?? ctorOf(idx, a.file, call.word);
    if (own) return own;
    const imported = a.bindings.names.get(call.word);
    return imported === undefined ? undefined : (topLevel.get(`${imported.file}\0${imported.name}`) ?? ctorOf(idx, imported.file, imported.name));
  }
  const receiver = call.callee.slice(0, call.callee.length - call.word.length - 1);
  const module = a.bindings.modules.get(receiver);
  if (module !== undefined) return topLevel.get(`${module}\0${call.word}`) ?? ctorOf(idx, module, call.word);
  if (call.word === '__init__' && fn.className !== null) return baseCtor(idx, a, fn.className, receiver);
  // `self.m(…)` in a class defining m: that method.
  if (receiver === 'self' && fn.className !== null) {
    const own = (methods.get(call.word) ?? []).find((l) => l.file === a.file && l.fn.className === fn.className);
    if (own) return own;
  }
  // Otherwise the one loader of that name (listers only when no loader has it: they came later).
  const candidates = methods.get(call.word) ?? [];
  const loading = candidates.filter((l) => !l.lister);
  if (loading.length > 0) return loading.length === 1 ? loading[0] : undefined;
  return candidates.length === 1 ? candidates[0] : undefined;
};

const addRole = <K>(roles: Map<K, RoleOf[]>, index: K, role: RoleOf): boolean => {
  const list = roles.get(index) ?? roles.set(index, []).get(index)!;
  if (list.some((r) => r.role === role.role && r.prefix === role.prefix && r.each === role.each && r.template === role.template && r.suffix === role.suffix && r.wild === role.wild)) return false;
  list.push(role);
  return true;
};

const indexes = (loaders: ReadonlyMap<string, Loader>, analysed: ReadonlyMap<string, Analysed>): Index => {
  const methods = new Map<string, Loader[]>();
  const topLevel = new Map<string, Loader>();
  const ctors = new Map<string, Loader>();
  for (const l of loaders.values()) {
    if (l.fn.className !== null) (methods.get(l.fn.name) ?? methods.set(l.fn.name, []).get(l.fn.name)!).push(l);
    else topLevel.set(`${l.file}\0${l.fn.name}`, l);
    if (l.fn.className !== null && l.fn.name === '__init__' && isMethod(l.fn)) ctors.set(`${l.file}\0${l.fn.className}`, l);
  }
  return { methods, topLevel, ctors, analysed, known: new Map(), classesOf: new Map() };
};

const attrKey = (file: string, fn: FunctionFlows, attr: string): string => `${file}\0${fn.className}\0${attr.slice('self.'.length)}`;

/** A parameter of the function, or (in a method) an attribute of self. */
const isParamOrAttr = (fn: FunctionFlows, name: string): boolean => (name.startsWith('self.') ? isMethod(fn) && fn.params[0] === 'self' : fn.params.includes(name) && name !== 'self' && name !== 'cls');

/** `m = __import__(self.X)` / `import_module(self.X)`: the attribute whose module a name holds. */
const IMPORTED_ATTR = /(?:__import__|import_module)\(\s*self\.(\w+)\s*[,)]/;

/**
 * The attribute X whose package's folder `value` is: `dirname(m.__file__)` with `m = __import__(self.X)`
 * in the same method (ansible's `_get_package_paths`), or `import_module(self.X).__path__[0]` itself.
 */
const packageFolderOf = (fn: FunctionFlows, value: string): string | null => {
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

/**
 * Grows `loaders` (and the attributes' roles) to the fixpoint of the analysed files' functions. In a
 * method, `self.X` counts as a parameter: a loading method that lists `self.folders` gives the
 * attribute its role, and a store `self.folders = folders` (in `__init__` or any method of the
 * class) hands the role to the parameter stored, so the class's constructor becomes a loader.
 */
const settleRoles = (loaders: Map<string, Loader>, attrs: AttrRoles, analysed: ReadonlyMap<string, Analysed>): void => {
  for (let grew = true, rounds = 0; grew && rounds < 20; rounds++) {
    grew = false;
    const idx = indexes(loaders, analysed);
    for (const a of analysed.values()) {
      for (const fn of a.fns) {
        if (fn.name === '') continue;
        const k = key(a.file, fn);
        const self = loaders.get(k);
        // Listings, finders and path loaders make roles only in a function that really loads.
        let loads = fn.loads;
        const found: Array<[string, RoleOf]> = [];
        /** Roles a store hands on: they count whether or not this method loads (the class's loading method gave them). */
        const stored: Array<[string, RoleOf]> = [];
        for (const call of fn.calls) {
          if (call.word === '@set' || call.word === '@add') {
            const value = call.positional[0];
            const held = attrs.get(attrKey(a.file, fn, call.callee));
            if (value === undefined || held === undefined) continue;
            if (value.direct !== null && !value.each && value.prefix === null && fn.params.includes(value.direct)) {
              for (const r of held) {
                if (call.word === '@set') stored.push([value.direct, r]);
                else if (r.each) stored.push([value.direct, { ...r, each: false }]);
              }
            }
            // `self.package_path = dirname(m.__file__)`, `m = __import__(self.package)`: a folder listed is self.package's own.
            const pkg = held.some((r) => r.role === 'folder') ? packageFolderOf(fn, value.text) : null;
            if (pkg !== null) stored.push([`self.${pkg}`, { role: 'package', prefix: '', each: false }]);
            continue;
          }
          const target = resolveCall(a, fn, call, idx);
          if (target !== undefined) {
            if (target === self) continue;
            if (!target.lister) loads = true;
            for (const [index, list] of target.roles) {
              const arg = argumentFor(call, target, index);
              if (arg === undefined || arg.direct === null || !isParamOrAttr(fn, arg.direct)) continue;
              for (const r of list) {
                if ((r.role === 'folder' || r.role === 'file') && arg.prefix !== null) continue;
                if (r.each && arg.each) continue;
                // A suffix or a computed tail stays after the value: a prefix the caller adds goes before it.
                found.push([arg.direct, { role: r.role, prefix: r.prefix + (arg.prefix ?? ''), each: r.each || arg.each, ...(r.suffix === undefined ? {} : { suffix: r.suffix }), ...(r.wild === true ? { wild: true } : {}) }]);
              }
            }
            continue;
          }
          const s = SINKS.get(call.word);
          if (s === undefined) continue;
          for (const [index, role] of s.args) {
            const arg = call.positional[index];
            if (arg === undefined) continue;
            if (role === 'file') {
              for (const p of arg.params) if (fn.joined.has(p)) found.push([p, { role: 'folder', prefix: '', each: false }]);
              // `spec_from_file_location(name, path)`: the parameter is the module's file.
              if (arg.direct !== null && !arg.each && arg.prefix === null && fn.params.includes(arg.direct) && !fn.joined.has(arg.direct)) found.push([arg.direct, { role: 'file', prefix: '', each: false }]);
              continue;
            }
            if (role === 'folder' && arg.direct !== null && !arg.each && arg.prefix === null && !isParamOrAttr(fn, arg.direct)) {
              const template = folderTemplate(a.file, fn, arg.direct, call.line);
              if (template !== null) found.push([template.param, { role: 'folder', prefix: '', each: false, template }]);
              continue;
            }
            if (role === 'module' && (arg.direct === null || !isParamOrAttr(fn, arg.direct))) {
              // `import_module("radicale.%s.%s" % (module_name, type_))`, or a local assigned such a template.
              const values = arg.direct === null ? [arg.text] : (fn.assigned.get(arg.direct) ?? []).filter((v) => v.line <= call.line && !v.append).map((v) => v.text);
              for (const value of values) {
                const formatted = formattedRole(fn, value);
                if (formatted !== null) found.push(formatted);
              }
              continue;
            }
            if (arg.direct === null || !isParamOrAttr(fn, arg.direct)) continue;
            if (role === 'folder' && arg.prefix !== null) continue;
            found.push([arg.direct, { role, prefix: arg.prefix ?? '', each: arg.each }]);
          }
        }
        const roles = self?.roles ?? new Map<number, RoleOf[]>();
        let changed = false;
        const give = ([param, role]: [string, RoleOf], attributes: boolean): void => {
          if (param.startsWith('self.')) {
            if (attributes && addRole(attrs, attrKey(a.file, fn, param), role)) grew = true;
          } else if (addRole(roles, fn.params.indexOf(param), role)) changed = true;
        };
        // A function that lists what it is handed but loads nothing is a lister: its roles wait for a caller that loads.
        for (const f of found) give(f, loads);
        for (const f of stored) give(f, true);
        const lister = !loads && stored.length === 0;
        if (changed && self === undefined) loaders.set(k, { file: a.file, fn, roles, lister });
        else if (self !== undefined && self.lister && !lister) {
          self.lister = false;
          changed = true;
        }
        if (changed) grew = true;
      }
    }
  }
};

/** A dotted-name fragment: what may stand around a placeholder in a module-name template. */
const NAME_PART = /^[\w.]*$/;

/**
 * A module-name template's parts: `"a.%s.%s" % (x, y)`, `"a.{}.{}".format(x, y)` (also `{0}`),
 * `f"a.{x}.{y}"`. Literal parts are strings; a placeholder is the expression filling it (or '' when
 * it cannot be told). Null when the text is no such template.
 */
export const templateParts = (text: string): Array<string | { expr: string }> | null => {
  const t = text.trim();
  if (t.length > 400) return null;
  const out: Array<string | { expr: string }> = [];
  const args = (inner: string): string[] => inner.split(',').map((a) => a.trim()).filter((a) => a !== '');
  let m = /^[rRuU]?(['"])([^'"%]*(?:%s[^'"%]*)+)\1\s*%\s*(?:\(([^()]*)\)|([A-Za-z_]\w*))$/.exec(t);
  if (m !== null) {
    const pieces = m[2].split('%s');
    const values = m[3] !== undefined ? args(m[3]) : [m[4]];
    if (values.length !== pieces.length - 1) return null;
    pieces.forEach((p, k) => out.push(p, ...(k < values.length ? [{ expr: values[k] }] : [])));
    return out;
  }
  m = /^[rRuU]?(['"])([^'"{}]*(?:\{\d*\}[^'"{}]*)+)\1\s*\.\s*format\(([^()]*)\)$/.exec(t);
  if (m !== null) {
    const values = args(m[3]);
    let next = 0;
    for (const piece of m[2].split(/(\{\d*\})/)) {
      if (!piece.startsWith('{')) out.push(piece);
      else {
        const index = piece === '{}' ? next++ : Number(piece.slice(1, -1));
        if (index >= values.length) return null;
        out.push({ expr: values[index] });
      }
    }
    return out;
  }
  m = /^[fF][rR]?(['"])([^'"{}]*(?:\{[^{}'"]*\}[^'"{}]*)+)\1$/.exec(t);
  if (m !== null) {
    for (const piece of m[2].split(/(\{[^{}]*\})/)) out.push(piece.startsWith('{') ? { expr: piece.slice(1, -1).trim() } : piece);
    return out;
  }
  return null;
};

/**
 * The role a template gives the loader's one parameter in it: `"pkg.%s" % p` (module, prefix pkg.),
 * `"pkg.%s.handler" % p` (and a suffix), `"radicale.%s.%s" % (module_name, type_)` with type_
 * computed in the loader (a wildcard: the parameter names a package, radicale.auth, any of whose
 * modules may be loaded). Only a template whose literal parts are dotted-name fragments, with one
 * placeholder that is a parameter the body never reassigns and at most one more, last, after a dot.
 */
const formattedRole = (fn: FunctionFlows, text: string): [string, RoleOf] | null => {
  const parts = templateParts(text);
  if (parts === null) return null;
  const holes = parts.filter((p): p is { expr: string } => typeof p !== 'string');
  const at = holes.findIndex((h) => isParamOrAttr(fn, h.expr) && !h.expr.startsWith('self.') && !fn.assigned.has(h.expr));
  if (at < 0 || holes.length > 2 || parts.some((p) => typeof p === 'string' && !NAME_PART.test(p))) return null;
  const i = parts.indexOf(holes[at]);
  const prefix = parts.slice(0, i);
  if (prefix.some((p) => typeof p !== 'string')) return null;
  const rest = parts.slice(i + 1);
  const head = prefix.join('');
  if (rest.length === 0 || (rest.length === 1 && rest[0] === '')) return [holes[at].expr, { role: 'module', prefix: head, each: false }];
  const suffix = rest[0] as string;
  if (rest.length === 1) return suffix.startsWith('.') ? [holes[at].expr, { role: 'module', prefix: head, each: false, suffix }] : null;
  // A computed last part after a dot: the value (with what follows it) names a package.
  if (rest.length === 3 && rest[2] === '' && suffix.endsWith('.') && typeof rest[1] !== 'string') {
    return [holes[at].expr, { role: 'module', prefix: head, each: false, suffix: suffix.slice(0, -1), wild: true }];
  }
  return null;
};

/** Templates made per function, local and line: one object each, so a role is added once. */
const templates = new WeakMap<FunctionFlows, Map<string, NonNullable<RoleOf['template']>>>();

/**
 * `path = os.path.join(root, directory)` above a listing of `path`: a folder built from exactly one
 * parameter the body never reassigns (`root`, reassigned to `os.path.dirname(__file__)` when None,
 * is settled in the body), as a template its callers' literals fill in.
 */
const folderTemplate = (file: string, fn: FunctionFlows, local: string, line: number): NonNullable<RoleOf['template']> | null => {
  const values = fn.assigned.get(local)?.filter((v) => v.line < line) ?? [];
  if (values.length === 0 || values[values.length - 1].append) return null;
  const value = values[values.length - 1];
  const used = fn.params.filter((p) => p !== 'self' && p !== 'cls' && !fn.assigned.has(p) && new RegExp(`(?<![\\w.'"])${p}\\b`).test(value.text));
  if (used.length !== 1) return null;
  const k = `${local}\0${value.line}`;
  const made = templates.get(fn) ?? templates.set(fn, new Map()).get(fn)!;
  return made.get(k) ?? made.set(k, { file, fn, expr: value.text, line: value.line, param: used[0] }).get(k)!;
};

/** Whether a real load call (import_module, __import__, import_string) takes `param` as its name. */
const realModuleArg = (fn: FunctionFlows, param: string): boolean =>
  fn.calls.some((c) => SINKS.get(c.word)?.real === true && c.positional[0]?.direct === param);

const shown = (folder: string): string => `${folder === '' ? '.' : folder}/`;

/** What settling a folder expression may read: the file, and the function the expression is in. */
interface SettleEnv {
  ctx: FrameworkContext;
  file: string;
  facts: FileFacts;
  text: string;
  fn: FunctionFlows;
  moduleFn: FunctionFlows | undefined;
  assignments: () => ReturnType<typeof pathAssignments>;
}

/** The last value assigned (not appended) to a local name before `line`, in the function or else at module level. */
const assignedBefore = (env: SettleEnv, name: string, line: number): { text: string; line: number } | null => {
  for (const fn of [env.fn, env.moduleFn]) {
    const list = fn?.assigned.get(name)?.filter((v) => !v.append && (fn !== env.fn || v.line < line));
    if (list !== undefined && list.length > 0) return list[list.length - 1];
  }
  return null;
};

/**
 * The repo folder an expression names: `pkg.__path__[0]`, `__path__[0]` in a package, or a path
 * built from `__file__`, a repo module's `__file__`, a call of a repo helper answering a folder,
 * literals, and names assigned such paths (in the function, or `extra`: a loop variable's value).
 */
const settleFolder = (env: SettleEnv, source: string, line: number, extra: ReadonlyMap<string, string> = new Map(), depth = 0): string | null => {
  const { ctx, file, facts, text } = env;
  const expr = source.trim();
  const ofModule = /^(?:([A-Za-z_][\w.]*)\.)?__path__(?:\s*\[\s*0\s*\])?$/.exec(expr);
  if (ofModule) {
    if (ofModule[1] === undefined) return basename(file) === '__init__.py' ? dirname(file) : null;
    const init = boundModuleFile(ctx, file, facts, ofModule[1]);
    return init !== null && basename(init) === '__init__.py' ? dirname(init) : null;
  }
  if (expr.length > 300) return null;
  const vars = new Map<string, string>();
  for (const a of env.assignments()) {
    if (a.line >= line) break;
    if (a.value !== null) vars.set(a.name, a.value);
    else vars.delete(a.name);
  }
  for (const [k, v] of extra) vars.set(k, v);
  let n = 0;
  const bind = (path: string): string => {
    const v = `__census_${n++}`;
    vars.set(v, absRepoPath(path));
    return v;
  };
  // `borg.__file__`: a repo module's file; `get_base_dir()`: a repo helper that answers a folder.
  let e = expr.replace(/\b([A-Za-z_][\w.]*)\.__file__\b/g, (m, mod: string) => {
    const f = boundModuleFile(ctx, file, facts, mod);
    return f === null ? m : bind(f);
  });
  e = e.replace(/(?<![\w.])([A-Za-z_][\w.]*)\(\s*\)/g, (m, name: string) => {
    const folder = helperFolder(ctx, file, facts, name);
    return folder === null ? m : bind(folder);
  });
  // Names the function assigned a path above (`(head, _tail) = os.path.split(borg.__file__)`).
  if (depth < 2) {
    for (const m of e.matchAll(/(?<![\w.])([A-Za-z_]\w*)\b(?!\s*[(.])/g)) {
      if (vars.has(m[1]) || m[1] === '__file__') continue;
      const value = assignedBefore(env, m[1], line);
      const folder = value === null ? null : settleFolder(env, value.text, value.line, extra, depth + 1);
      if (folder !== null) vars.set(m[1], absRepoPath(folder));
    }
  }
  const settled = repoPathOf(pathValue(e, file, vars));
  if (settled !== null) return settled;
  // `this_dir = util.get_module_dir()` a few lines above, or the call itself: the caller's own folder.
  const call = /^[A-Za-z_]\w*$/.test(expr) ? assignedAbove(text, line, expr) : expr;
  const helper = call === null ? null : /^([A-Za-z_][\w.]*)\(\s*\)$/.exec(call);
  return helper !== null && answersCallerFolder(ctx, file, facts, helper[1]) ? dirname(file) : null;
};

/** Splits at top-level commas (outside brackets and strings). */
const splitCommas = (text: string): string[] => {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out.map((x) => x.trim()).filter((x) => x !== '');
};

/** The strings of a literal list or tuple (or a name assigned one): `["editing", "events"]`. */
const literalItems = (env: SettleEnv, source: string, line: number, depth = 0): string[] | null => {
  const t = source.trim();
  if (t.length > 2000) return null;
  if (/^[A-Za-z_]\w*$/.test(t)) {
    const value = depth < 2 ? assignedBefore(env, t, line) : null;
    return value === null ? null : literalItems(env, value.text, value.line, depth + 1);
  }
  if (!/^[[(][\s\S]*[\])]$/.test(t)) return null;
  const out: string[] = [];
  for (const item of splitCommas(t.slice(1, -1))) {
    const m = /^[rRuU]?(["'])((?:\\.|(?!\1)[^\\])*)\1$/.exec(item);
    if (m === null) return null;
    out.push(m[2]);
  }
  return out;
};

/** At most this many items of a list of folders are settled. */
const MAX_ITEMS = 64;

/**
 * The items of a list of folders an argument holds: a literal list, a comprehension over a literal
 * list (`[join(base, "ext", kind) for kind in PLUGIN_DIRS]`, each with its loop value), or a name
 * assigned one, with what is appended to it after (`folders.append(…)`).
 */
const listItems = (env: SettleEnv, source: string, line: number, depth = 0): { expr: string; line: number; extra: Map<string, string> }[] => {
  const t = source.trim();
  if (/^[A-Za-z_]\w*$/.test(t)) {
    if (depth >= 2) return [];
    const out: { expr: string; line: number; extra: Map<string, string> }[] = [];
    for (const fn of [env.fn, env.moduleFn]) {
      const list = fn?.assigned.get(t)?.filter((v) => fn !== env.fn || v.line < line) ?? [];
      if (list.length === 0) continue;
      for (const v of list) {
        if (v.append) out.push({ expr: v.text, line: v.line, extra: new Map() });
        else out.splice(0, out.length, ...listItems(env, v.text, v.line, depth + 1));
      }
      break;
    }
    return out.slice(0, MAX_ITEMS);
  }
  // A list of folders is short: a long argument is something else, and is not searched.
  if (t.length > 2000 || !/^[[(][\s\S]*[\])]$/.test(t)) return [];
  const inner = t.slice(1, -1);
  const comprehension = /^([\s\S]*?)\s+for\s+([A-Za-z_]\w*)\s+in\s+([\s\S]+)$/.exec(inner);
  if (comprehension !== null) {
    const values = literalItems(env, comprehension[3], line) ?? [];
    return values.slice(0, MAX_ITEMS).map((v) => ({ expr: comprehension[1], line, extra: new Map([[comprehension[2], v]]) }));
  }
  return splitCommas(inner).slice(0, MAX_ITEMS).map((expr) => ({ expr, line, extra: new Map() }));
};

/** The folders an argument names: itself, or (for a list of folders) each of its items that settles. */
const settleFolders = (env: SettleEnv, source: string, line: number, each: boolean): string[] => {
  if (!each) {
    const one = settleFolder(env, source, line);
    return one === null ? [] : [one];
  }
  // `pkg.__path__` is itself a list of folders (the package's).
  if (/^(?:[A-Za-z_][\w.]*\.)?__path__$/.test(source.trim())) return settleFolders(env, source, line, false);
  const out: string[] = [];
  for (const item of listItems(env, source, line)) {
    const folder = settleFolder(env, item.expr, item.line, item.extra);
    if (folder !== null && !out.includes(folder)) out.push(folder);
  }
  return out;
};

/** Helpers found to answer a fixed folder (their own), by defining file and name. */
const fixedFolderHelpers = perScan((): Map<string, string | null> => new Map());

/**
 * The folder a no-argument call of `dotted` answers: the caller's (answersCallerFolder), or, for a
 * repo function whose body returns such a call (quodlibet's `def get_base_dir(): return
 * util.get_module_dir()`), the folder of the file that defines it.
 */
const helperFolder = (ctx: FrameworkContext, file: string, facts: FileFacts, dotted: string): string | null => {
  if (answersCallerFolder(ctx, file, facts, dotted)) return dirname(file);
  const dot = dotted.lastIndexOf('.');
  const name = dotted.slice(dot + 1);
  let holder: string | null = null;
  if (dot >= 0) holder = boundModuleFile(ctx, file, facts, dotted.slice(0, dot));
  else if (new RegExp(`^def ${name}\\(`, 'm').test(ctx.readText(file) ?? '')) holder = file;
  else for (const i of facts.imports) if (i.syntax === 'from' && i.names.some((x) => (x.alias ?? x.name) === name && x.name === name)) holder = moduleFile(ctx, file, i.specifier);
  if (holder === null) return null;
  const known = fixedFolderHelpers(ctx);
  const k = `${holder}\0${name}`;
  if (known.has(k)) return known.get(k)!;
  known.set(k, null);
  const text = ctx.readText(holder);
  const holderFacts = ctx.facts(holder);
  const def = text === null ? null : new RegExp(`^def ${name}\\(`, 'm').exec(text);
  const block = def === null || text === null ? null : topLevelDefAround(text, def.index + 4);
  const body = block === null || text === null ? '' : text.slice(block.start, block.end);
  const ret = /\breturn\s+([A-Za-z_][\w.]*)\(\s*\)\s*$/m.exec(body);
  const answer = ret !== null && holderFacts !== undefined && ret[1] !== name && answersCallerFolder(ctx, holder, holderFacts, ret[1]) ? dirname(holder) : null;
  known.set(k, answer);
  return answer;
};

/** How far above a call the assignment of the name it passes may stand. */
const LOOK_BACK = 12;

/** The expression last assigned to `name` on its own line within LOOK_BACK lines above `line`, or null. */
const assignedAbove = (text: string, line: number, name: string): string | null => {
  const lines = text.split('\n', line);
  const assignment = new RegExp(`^\\s*${name}\\s*=\\s*([^=].*?)\\s*(?:#.*)?$`);
  for (let l = line - 2; l >= 0 && l >= line - 1 - LOOK_BACK; l--) {
    const m = assignment.exec(lines[l] ?? '');
    if (m) return m[1];
  }
  return null;
};

/** `sys._getframe(1).f_globals["__file__"]`: a function that reads its caller's file. */
const CALLER_FILE = /_getframe\(\s*1\s*\)\s*\.\s*f_globals\s*\[\s*["']__file__["']\s*\]/;

/** Helpers found to answer their caller's folder, by defining file and name. */
const callerFolderHelpers = perScan((): Map<string, boolean> => new Map());

/**
 * Whether `dotted` (`util.get_module_dir`, `get_module_dir`), as `file` binds it, is a repo function
 * that answers the folder of the module calling it: quodlibet's `def get_module_dir(module=None)`,
 * whose body reads `sys._getframe(1).f_globals["__file__"]` and returns its dirname. The name is
 * followed through up to three re-exports (`from .misc import get_module_dir` in util/__init__.py).
 */
const answersCallerFolder = (ctx: FrameworkContext, file: string, facts: FileFacts, dotted: string): boolean => {
  const dot = dotted.lastIndexOf('.');
  const name = dotted.slice(dot + 1);
  let holder: string | null = null;
  if (dot >= 0) holder = boundModuleFile(ctx, file, facts, dotted.slice(0, dot));
  else {
    for (const i of facts.imports) if (i.syntax === 'from' && i.names.some((n) => (n.alias ?? n.name) === name && n.name === name)) holder = moduleFile(ctx, file, i.specifier);
  }
  for (let hop = 0; hop < 4 && holder !== null; hop++) {
    const known = callerFolderHelpers(ctx);
    const k = `${holder}\0${name}`;
    const cached = known.get(k);
    if (cached !== undefined) return cached;
    const text = ctx.readText(holder);
    if (text === null) return false;
    const def = new RegExp(`^def ${name}\\(`, 'm').exec(text);
    if (def !== null) {
      const block = topLevelDefAround(text, def.index + 4);
      const answers = block !== null && CALLER_FILE.test(text.slice(block.start, block.end)) && text.slice(block.start, block.end).includes('dirname');
      known.set(k, answers);
      return answers;
    }
    // A re-export: `from .misc import get_module_dir` in the module the caller imports it from.
    const from = ctx.facts(holder)?.imports.find((i) => i.syntax === 'from' && i.names.some((n) => n.name === name && n.alias === undefined));
    holder = from === undefined ? null : moduleFile(ctx, holder, from.specifier);
  }
  return false;
};

/**
 * The modules of a package: its module files, not `_private` ones (prefixed-imports' rule). Not its
 * subpackages: a package listed for its plugins holds its tests and data as subpackages (mailman's
 * rules/tests, rules/data), which the loaders skip.
 */
const packageModules = (ctx: FrameworkContext, pkg: string, from: string): { folder: string; files: string[]; inits: string[] } | null => {
  const inits = ctx.module(pkg, dirname(from));
  if (inits.length === 0 || basename(inits[0]) !== '__init__.py') return null;
  const folder = dirname(inits[0]);
  const { byFolder, subfolders } = folderIndex(ctx);
  const files = loadedFiles(byFolder, subfolders, { folder, mode: 'modules' }).filter((f) => !basename(f).startsWith('_'));
  return { folder, files, inits };
};

export const collectLoaderWrappers = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const { loaders, analysed, attrs } = repoLoaders(ctx);
  if (loaders.size === 0 && attrs.size === 0) return out;
  const idx = indexes(loaders, analysed);
  const { byFolder, subfolders } = folderIndex(ctx);
  for (const a of analysed.values()) {
    const facts = ctx.facts(a.file);
    const text = facts === undefined ? null : ctx.readText(a.file);
    if (facts === undefined || text === null) continue;
    let held: ReturnType<typeof pathAssignments> | undefined;
    const assignments = (): ReturnType<typeof pathAssignments> => (held ??= pathAssignments(text, a.file));
    const moduleFn = a.fns.find((f) => f.name === '');
    const seen = new Set<string>();
    const push = (target: string, targetKind: 'file' | 'module-attr', line: number, label: string): void => {
      const k = `${target}\0${line}`;
      if (target === a.file || seen.has(k)) return;
      seen.add(k);
      out.references.push({ from: a.file, target, targetKind, line, label });
    };
    /** Edges for a value handed to a parameter (or stored on an attribute) with role `r`. */
    const settle = (fn: FunctionFlows, arg: ArgShape, r: RoleOf, line: number, where: string, what: string, param: string, skipModule: boolean): void => {
      if (r.template !== undefined) {
        // The caller names the part the loader joins onto its own folder: `import_plugins('commands/sanity')`.
        const literal = /^[rRuU]?(["'])((?:\\.|(?!\1)[^\\])*)\1$/.exec(arg.text.trim());
        const folder = literal === null ? null : settleTemplate(r.template, literal[2]);
        if (folder === null) return;
        const label = `loaded by ${where}, which hands "${literal![2]}" to ${what} as its ${param}, the folder ${shown(folder)} it builds and lists: any module there may be loaded`;
        for (const target of loadedFiles(byFolder, subfolders, { folder, mode: 'packages' })) push(target, 'file', line, label);
        return;
      }
      if (r.role === 'file') {
        const env: SettleEnv = { ctx, file: a.file, facts, text, fn, moduleFn, assignments };
        const path = settleFolder(env, arg.text, line);
        if (path !== null && path.endsWith('.py') && ctx.files.has(path)) push(path, 'file', line, `loaded by ${where}, which hands its path to ${what} as the file ${param} it loads`);
        return;
      }
      if (r.role === 'folder') {
        const env: SettleEnv = { ctx, file: a.file, facts, text, fn, moduleFn, assignments };
        for (const folder of settleFolders(env, arg.text, line, r.each)) {
          const label = `loaded by ${where}, which hands ${shown(folder)} to ${what} as its folder ${param}: any module there may be loaded`;
          for (const target of loadedFiles(byFolder, subfolders, { folder, mode: 'packages' })) push(target, 'file', line, label);
        }
        return;
      }
      // A prefix built around a parameter leaves the name unknown here; its own callers settle it.
      if (arg.prefix !== null) return;
      if (r.role === 'module' && skipModule) return;
      for (const s of arg.strings) {
        const name = r.prefix + s.value;
        if (!isModuleName(name)) continue;
        if (r.role === 'module' && r.wild === true) {
          const pkg = name + (r.suffix ?? '');
          if (!isModuleName(pkg)) continue;
          const label = `named in ${a.file}:${s.line} as "${s.value}", loaded by ${where} through ${what}, which imports a module of ${pkg} it names from its ${param}: any module of ${pkg} may be the one loaded`;
          for (const c of packageChildren(ctx, pkg, a.file, true)) push(c.target, 'file', s.line, c.init ? `run before the modules of ${pkg} that ${where} loads (a package runs before its modules)` : label);
        } else if (r.role === 'module') {
          const full = name + (r.suffix ?? '');
          if (!isModuleName(full)) continue;
          const files = ctx.module(full, dirname(a.file));
          if (files.length === 0) continue;
          push(files[0], 'file', s.line, `named in ${a.file}:${s.line} as "${s.value}", loaded by ${where} through ${what}, which imports its ${param}`);
          for (const init of files.slice(1)) push(init, 'file', s.line, `run before ${full}, which ${where} loads (a package runs before its modules)`);
        } else {
          const listed = packageModules(ctx, name, a.file);
          if (listed === null) continue;
          const label = `named in ${a.file}:${s.line} as "${s.value}", loaded by ${where} through ${what}, which imports every module of its package ${param} (${name})`;
          for (const target of listed.files) push(target, 'file', s.line, label);
          // Importing a module of the package runs the package's own __init__.py and those above it first.
          for (const init of listed.inits) push(init, 'file', s.line, `run before the modules of ${name} that ${where} loads (a package runs before its modules)`);
        }
      }
    };
    const settleTemplate = (template: NonNullable<RoleOf['template']>, value: string): string | null => {
      const tFacts = ctx.facts(template.file);
      const tText = tFacts === undefined ? null : ctx.readText(template.file);
      if (tFacts === undefined || tText === null || value.length > 300) return null;
      let tHeld: ReturnType<typeof pathAssignments> | undefined;
      const env: SettleEnv = { ctx, file: template.file, facts: tFacts, text: tText, fn: template.fn, moduleFn: analysed.get(template.file)?.fns.find((f) => f.name === ''), assignments: () => (tHeld ??= pathAssignments(tText, template.file)) };
      return settleFolder(env, template.expr, template.line + 1, new Map([[template.param, value]]));
    };
    for (const fn of a.fns) {
      for (const call of fn.calls) {
        if (call.word === '@set' || call.word === '@add') {
          // A value the class stores itself (`self.path.append(os.path.join(head, 'plugins'))`); a parameter stored is settled at the constructor's callers.
          const roles = attrs.get(attrKey(a.file, fn, call.callee));
          const value = call.positional[0];
          if (roles === undefined || value === undefined || (value.direct !== null && fn.params.includes(value.direct))) continue;
          const where = `${fn.className}.${fn.name}() at ${a.file}:${call.line}`;
          const what = `the methods of ${fn.className} that load from ${call.callee}`;
          for (const r of roles) settle(fn, value, call.word === '@add' ? { ...r, each: false } : r, call.line, where, what, call.callee, false);
          continue;
        }
        const loader = resolveCall(a, fn, call, idx);
        if (loader === undefined || loader.lister || (loader.file === a.file && loader.fn === fn)) continue;
        const where = `${call.callee === '' ? `${call.word}` : call.callee}() at ${a.file}:${call.line}`;
        const what = `${loader.fn.className === null ? '' : `${loader.fn.className}.`}${loader.fn.name}() (${loader.file}:${loader.fn.defLine})`;
        for (const [index, roles] of loader.roles) {
          const arg = argumentFor(call, loader, index);
          if (arg === undefined) continue;
          const param = loader.fn.params[index];
          // A module-level function around its own import_module(param): string-modules follows its callers.
          const skipModule = loader.fn.className === null && realModuleArg(loader.fn, param);
          for (const r of roles) settle(fn, arg, r, call.line, where, what, param, skipModule);
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'python-loader-wrappers',
  title: "Python modules loaded through the repo's own loader functions",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const { loaders, attrs } = repoLoaders(ctx);
    for (const l of loaders.values()) if (!l.lister) return `${l.file}:${l.fn.defLine} ${l.fn.name}() loads modules by a parameter`;
    for (const k of attrs.keys()) {
      const [file, cls, attr] = k.split('\0');
      return `${file}: ${cls} loads modules from self.${attr}`;
    }
    return null;
  },
  collect: collectLoaderWrappers,
};

export default reader;
