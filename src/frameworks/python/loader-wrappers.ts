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
import { pathAssignments, pathValue, repoPathOf } from '../../languages/python/sys-path.js';
import { isModuleName } from '../../languages/python/literals.js';
import { relativeModuleFile } from './python-files.js';
import { boundModuleFile, folderIndex, loadedFiles } from './folder-loaders.js';
import { fileFlows, type ArgShape, type CallFlow, type FunctionFlows } from './loader-roles.js';
import { topLevelDefAround } from './loader-functions.js';
import { perScan } from '../per-scan.js';

export type Role = 'module' | 'package' | 'folder';

interface RoleOf {
  role: Role;
  /** For module and package: the literal the loader puts before the value (`mailman.`). */
  prefix: string;
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
}

const key = (file: string, fn: FunctionFlows): string => `${file}\0${fn.className ?? ''}\0${fn.name}\0${fn.defLine}`;

const isMethod = (fn: FunctionFlows): boolean => fn.className !== null && (fn.params[0] === 'self' || fn.params[0] === 'cls');

/** The argument a call passes to a parameter (by keyword, or by position, past `self` for a method called on an object). */
const argumentFor = (call: CallFlow, loader: Loader, index: number): ArgShape | undefined => {
  const name = loader.fn.params[index];
  const byKeyword = call.keywords.get(name);
  if (byKeyword) return byKeyword;
  const shift = isMethod(loader.fn) && call.attribute ? 1 : 0;
  return index - shift < 0 ? undefined : call.positional[index - shift];
};

/** Local names bound to repo modules and to names imported from them, for one file. */
interface Bindings {
  modules: Map<string, string>;
  names: Map<string, { file: string; name: string }>;
}

const moduleFile = (ctx: FrameworkContext, path: string, dotted: string): string | null =>
  dotted.startsWith('.') ? relativeModuleFile(ctx.files, path, dotted) : (ctx.module(dotted)[0] ?? null);

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
  /** The loader names the calls were collected for. */
  words: Set<string>;
  bindings: Bindings;
}

/** The loaders of the scan, and the analysed files (found once per scan). */
export const repoLoaders = perScan((ctx: FrameworkContext): { loaders: Map<string, Loader>; analysed: Map<string, Analysed> } => {
  const loaders = new Map<string, Loader>();
  const analysed = new Map<string, Analysed>();
  const pyFiles: { path: string; facts: FileFacts }[] = [];
  for (const path of sortedPaths(ctx.files)) {
    const facts = path.endsWith('.py') ? ctx.facts(path) : undefined;
    if (facts !== undefined) pyFiles.push({ path, facts });
  }
  const names = new Set<string>();
  const analyse = (path: string, facts: FileFacts, text: string): void => {
    const words = new Set(names);
    const fns = fileFlows(text, (w) => SINKS.has(w) || words.has(w));
    analysed.set(path, { file: path, fns, words, bindings: bindingsOf(ctx, path, facts.imports) });
  };
  for (const { path, facts } of pyFiles) {
    if (facts.computedImportLines === undefined && !facts.imports.some((i) => LOADER_IMPORTS.has(i.specifier) || (i.specifier === 'importlib' && i.names.length > 0))) continue;
    const text = ctx.readText(path);
    if (text === null || !SEED_WORDS.test(text)) continue;
    analyse(path, facts, text);
  }
  for (let round = 0; round < 8; round++) {
    settleRoles(loaders, analysed);
    // Most repos have no loader: then no file's imports are worth a look.
    if (loaders.size === 0) return { loaders, analysed };
    const fresh = [...new Set([...loaders.values()].map((l) => l.fn.name))].filter((n) => !names.has(n));
    for (const n of fresh) names.add(n);
    const files = new Set([...loaders.values()].map((l) => l.file));
    const stems = new Set([...files].map((f) => (basename(f) === '__init__.py' ? basename(dirname(f)) : basename(f).slice(0, -3))));
    let grew = false;
    for (const { path, facts } of pyFiles) {
      const seen = analysed.get(path);
      if (seen !== undefined) {
        // Read again when a loader's name (new since) is called in it.
        if (fresh.length === 0 || !fresh.some((n) => !seen.words.has(n) && new RegExp(`\\b${n}\\s*\\(`).test(ctx.readText(path) ?? ''))) continue;
      } else if (!importsLoaderFile(ctx, path, facts.imports, stems, names, files)) continue;
      const text = ctx.readText(path);
      if (text === null) continue;
      analyse(path, facts, text);
      grew = true;
    }
    if (!grew) break;
  }
  settleRoles(loaders, analysed);
  return { loaders, analysed };
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

/** The loader a call reaches, if any. */
export const resolveCall = (a: Analysed, fn: FunctionFlows, call: CallFlow, loaders: ReadonlyMap<string, Loader>, methods: ReadonlyMap<string, Loader[]>, topLevel: ReadonlyMap<string, Loader>): Loader | undefined => {
  if (call.callee === '') return undefined;
  if (!call.attribute) {
    const own = topLevel.get(`${a.file}\0${call.word}`);
    if (own) return own;
    const imported = a.bindings.names.get(call.word);
    return imported === undefined ? undefined : topLevel.get(`${imported.file}\0${imported.name}`);
  }
  const receiver = call.callee.slice(0, call.callee.length - call.word.length - 1);
  const module = a.bindings.modules.get(receiver);
  if (module !== undefined) return topLevel.get(`${module}\0${call.word}`);
  // `self.m(…)` in a class defining m: that method.
  if (receiver === 'self' && fn.className !== null) {
    const own = (methods.get(call.word) ?? []).find((l) => l.file === a.file && l.fn.className === fn.className);
    if (own) return own;
  }
  const candidates = methods.get(call.word);
  return candidates !== undefined && candidates.length === 1 ? candidates[0] : undefined;
};

const addRole = (roles: Map<number, RoleOf[]>, index: number, role: RoleOf): boolean => {
  const list = roles.get(index) ?? roles.set(index, []).get(index)!;
  if (list.some((r) => r.role === role.role && r.prefix === role.prefix)) return false;
  list.push(role);
  return true;
};

const indexes = (loaders: ReadonlyMap<string, Loader>): { methods: Map<string, Loader[]>; topLevel: Map<string, Loader> } => {
  const methods = new Map<string, Loader[]>();
  const topLevel = new Map<string, Loader>();
  for (const l of loaders.values()) {
    if (l.fn.className !== null) (methods.get(l.fn.name) ?? methods.set(l.fn.name, []).get(l.fn.name)!).push(l);
    else topLevel.set(`${l.file}\0${l.fn.name}`, l);
  }
  return { methods, topLevel };
};

/** Grows `loaders` to the fixpoint of the analysed files' functions. */
const settleRoles = (loaders: Map<string, Loader>, analysed: ReadonlyMap<string, Analysed>): void => {
  for (let grew = true, rounds = 0; grew && rounds < 20; rounds++) {
    grew = false;
    const { methods, topLevel } = indexes(loaders);
    for (const a of analysed.values()) {
      for (const fn of a.fns) {
        if (fn.name === '') continue;
        const k = key(a.file, fn);
        const roles = loaders.get(k)?.roles ?? new Map<number, RoleOf[]>();
        // Listings, finders and path loaders make roles only in a function that really loads.
        let loads = fn.loads;
        const found: Array<[string, RoleOf]> = [];
        for (const call of fn.calls) {
          const target = resolveCall(a, fn, call, loaders, methods, topLevel);
          if (target !== undefined) {
            if (target === loaders.get(k)) continue;
            loads = true;
            for (const [index, list] of target.roles) {
              const arg = argumentFor(call, target, index);
              if (arg === undefined || arg.direct === null || !fn.params.includes(arg.direct)) continue;
              for (const r of list) {
                if (r.role === 'folder' && arg.prefix !== null) continue;
                found.push([arg.direct, { role: r.role, prefix: r.prefix + (arg.prefix ?? '') }]);
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
              for (const p of arg.params) if (fn.joined.has(p)) found.push([p, { role: 'folder', prefix: '' }]);
              continue;
            }
            if (arg.direct === null || !fn.params.includes(arg.direct)) continue;
            if (role === 'folder' && arg.prefix !== null) continue;
            found.push([arg.direct, { role, prefix: arg.prefix ?? '' }]);
          }
        }
        if (!loads) continue;
        let changed = false;
        for (const [param, role] of found) {
          if (addRole(roles, fn.params.indexOf(param), role)) changed = true;
        }
        if (changed && !loaders.has(k)) loaders.set(k, { file: a.file, fn, roles });
        if (changed) grew = true;
      }
    }
  }
};

/** Whether a real load call (import_module, __import__, import_string) takes `param` as its name. */
const realModuleArg = (fn: FunctionFlows, param: string): boolean =>
  fn.calls.some((c) => SINKS.get(c.word)?.real === true && c.positional[0]?.direct === param);

const shown = (folder: string): string => `${folder === '' ? '.' : folder}/`;

/** The repo folder an argument names: `pkg.__path__[0]`, `__path__[0]` in a package, or a path built from `__file__` and literals. */
const settleFolder = (ctx: FrameworkContext, file: string, facts: FileFacts, text: string, arg: ArgShape, line: number, assignments: () => ReturnType<typeof pathAssignments>): string | null => {
  const expr = arg.text.trim();
  const ofModule = /^(?:([A-Za-z_][\w.]*)\.)?__path__(?:\s*\[\s*0\s*\])?$/.exec(expr);
  if (ofModule) {
    if (ofModule[1] === undefined) return basename(file) === '__init__.py' ? dirname(file) : null;
    const init = boundModuleFile(ctx, file, facts, ofModule[1]);
    return init !== null && basename(init) === '__init__.py' ? dirname(init) : null;
  }
  if (expr.length > 300) return null;
  const vars = new Map<string, string>();
  for (const a of assignments()) {
    if (a.line >= line) break;
    if (a.value !== null) vars.set(a.name, a.value);
    else vars.delete(a.name);
  }
  const settled = repoPathOf(pathValue(expr, file, vars));
  if (settled !== null) return settled;
  // `this_dir = util.get_module_dir()` a few lines above, or the call itself: the caller's own folder.
  const call = /^[A-Za-z_]\w*$/.test(expr) ? assignedAbove(text, line, expr) : expr;
  const helper = call === null ? null : /^([A-Za-z_][\w.]*)\(\s*\)$/.exec(call);
  return helper !== null && answersCallerFolder(ctx, file, facts, helper[1]) ? dirname(file) : null;
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
  const { loaders, analysed } = repoLoaders(ctx);
  if (loaders.size === 0) return out;
  const { methods, topLevel } = indexes(loaders);
  const { byFolder, subfolders } = folderIndex(ctx);
  for (const a of analysed.values()) {
    const facts = ctx.facts(a.file);
    const text = facts === undefined ? null : ctx.readText(a.file);
    if (facts === undefined || text === null) continue;
    let held: ReturnType<typeof pathAssignments> | undefined;
    const assignments = (): ReturnType<typeof pathAssignments> => (held ??= pathAssignments(text, a.file));
    const seen = new Set<string>();
    const push = (target: string, targetKind: 'file' | 'module-attr', line: number, label: string): void => {
      const k = `${target}\0${line}`;
      if (target === a.file || seen.has(k)) return;
      seen.add(k);
      out.references.push({ from: a.file, target, targetKind, line, label });
    };
    for (const fn of a.fns) {
      for (const call of fn.calls) {
        const loader = resolveCall(a, fn, call, loaders, methods, topLevel);
        if (loader === undefined || (loader.file === a.file && loader.fn === fn)) continue;
        const where = `${call.callee}() at ${a.file}:${call.line}`;
        const what = `${loader.fn.className === null ? '' : `${loader.fn.className}.`}${loader.fn.name}() (${loader.file}:${loader.fn.defLine})`;
        for (const [index, roles] of loader.roles) {
          const arg = argumentFor(call, loader, index);
          if (arg === undefined) continue;
          const param = loader.fn.params[index];
          for (const r of roles) {
            if (r.role === 'folder') {
              const folder = settleFolder(ctx, a.file, facts, text, arg, call.line, assignments);
              if (folder === null) continue;
              const label = `loaded by ${where}, which hands ${shown(folder)} to ${what} as its folder ${param}: any module there may be loaded`;
              for (const target of loadedFiles(byFolder, subfolders, { folder, mode: 'packages' })) push(target, 'file', call.line, label);
              continue;
            }
            // A prefix built around a parameter leaves the name unknown here; its own callers settle it.
            if (arg.prefix !== null) continue;
            // A module-level function around its own import_module(param): string-modules follows its callers.
            if (r.role === 'module' && loader.fn.className === null && realModuleArg(loader.fn, param)) continue;
            for (const s of arg.strings) {
              const name = r.prefix + s.value;
              if (!isModuleName(name)) continue;
              if (r.role === 'module') {
                const files = ctx.module(name, dirname(a.file));
                if (files.length === 0) continue;
                push(files[0], 'file', s.line, `named in ${a.file}:${s.line} as "${s.value}", loaded by ${where} through ${what}, which imports its ${param}`);
                for (const init of files.slice(1)) push(init, 'file', s.line, `run before ${name}, which ${where} loads (a package runs before its modules)`);
              } else {
                const listed = packageModules(ctx, name, a.file);
                if (listed === null) continue;
                const label = `named in ${a.file}:${s.line} as "${s.value}", loaded by ${where} through ${what}, which imports every module of its package ${param} (${name})`;
                for (const target of listed.files) push(target, 'file', s.line, label);
                // Importing a module of the package runs the package's own __init__.py and those above it first.
                for (const init of listed.inits) push(init, 'file', s.line, `run before the modules of ${name} that ${where} loads (a package runs before its modules)`);
              }
            }
          }
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
    const { loaders } = repoLoaders(ctx);
    for (const l of loaders.values()) return `${l.file}:${l.fn.defLine} ${l.fn.name}() loads modules by a parameter`;
    return null;
  },
  collect: collectLoaderWrappers,
};

export default reader;
