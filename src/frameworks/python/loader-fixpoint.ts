/**
 * The loader fixpoint: which functions (and methods) of the repo are loaders, and the role of each
 * loader parameter (module, package, folder, file), grown across files. A built-in sink (the table
 * below) or a call of a loader already found hands a role to the parameter flowing into it; a
 * listing or path sink counts only in a function that really loads. Files are read in rounds: first
 * those whose facts show a computed or importlib-like import, then those importing a loader's module
 * (or name) that call a loader by name. Call sites are resolved by loader-calls.ts, classes and
 * `self.X` roles by loader-classes.ts, templates by loader-templates.ts.
 */
import type { FileFacts, ImportFact } from '../../model/facts.js';
import type { FrameworkContext } from '../types.js';
import { pathsNamedLike } from '../../util/file-index.js';
import { basename, dirname } from '../../util/path.js';
import { fromName, importIndex, moduleFile, type ImportIndex } from './python-files.js';
import { fileFlowsAndClasses, NAMED_LOADS, type ArgShape, type CallFlow, type ClassInfo, type FunctionFlows } from './loader-roles.js';
import { perScan } from '../per-scan.js';
import { bindingsOf, indexes, isParamOrAttr, isStar, loaderArguments, resolveCall, type Bindings } from './loader-calls.js';
import { attrKey, ctorOf, packageFolderOf } from './loader-classes.js';
import { firstFolderParam, folderTemplate, formattedRole, loopPackageRoles } from './loader-templates.js';
import { nameOrigin } from './reexports.js';
import { callArguments } from './call-text.js';
import { walksYieldingPackages } from './walk-yields-packages.js';
import { importsOsloLoader, OSLO_IMPORTUTILS, reassignedAbove } from './loader-functions.js';
import { alternation, CORE_LOADS, FILE_PATH_LOADS, FINDER_LOADS, OSLO_OBJECT_LOADS, OSLO_TRY_LOADS } from '../../languages/python/loader-names.js';

export type Role = 'module' | 'package' | 'folder' | 'file';

export interface RoleOf {
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
  /**
   * Stop 45, for package: the value is a module object, not its name (blueman's
   * `PluginManager(AppletPlugin, blueman.plugins.applet, self)`, whose loader imports
   * `self.module_path.__name__ + f".{plugin}"`): the caller's dotted expression names the package.
   * The value is the load call's place (`blueman/main/PluginManager.py:90`), for the evidence.
   */
  object?: string;
  /**
   * Stop 47, with object: the loader lists the package object's folders with pkgutil
   * (`iter_modules(module.__path__)`) and imports what it finds: every module and subpackage there,
   * `_private` ones too (pkgutil lists them; horizon's `enabled/_1020_project_overview_panel.py`).
   */
  listed?: boolean;
  /**
   * Stop 47 (review 4), with listed: the loader's def tests a name against a leading underscore
   * (`name.rsplit(".", 1)[-1].startswith("_")`), so the `_private` modules its listing finds are
   * skipped, not imported (FunctionFlows.skipsPrivate, read in the walk that found the listing).
   */
  skipsPrivate?: boolean;
  /** Stop 48, with listed: the listing is `pkgutil.walk_packages`, which goes down into the subpackages (heat's load_modules). Stop 65: with the folder role, `os.walk`, the same. */
  walk?: boolean;
  /**
   * Stop 48, with object: the value is the package's dotted NAME, the loader takes its module object
   * `sys.modules[value]` (heat's `PluginManager(__name__)`); the caller's literal (or the `__name__`
   * of a package's `__init__.py`) names the package.
   */
  byName?: boolean;
  /**
   * Stop 53, for module: the loader imports an attribute of the module the value names (oslo's
   * `import_object('pkg.mod.Class')`, `import_class`, Django's `import_string`): a value whose last
   * part is no module names the module holding it.
   */
  attr?: boolean;
  /**
   * Stop 60, with attr: the value is a class path the loader splits (`mod, cls = P.rsplit('.', 1)`),
   * so a value without a dot names no module (the split raises, or the loader tests for a dot first:
   * sphinx's `PygmentsBridge('html', 'sphinx')`, highlighting.py:101-103).
   */
  classPath?: boolean;
  /**
   * Stop 53, for module: the parameter holds a list of dicts, and the loader gets each one's value
   * under this key (cloudkitty's `do_init(app, 'rating', [{'module': __name__ + '.' + 'modules', …}])`).
   */
  key?: string;
  /**
   * Stop 66, for module: the prefix is an item of a class attribute the loader loops over (docutils'
   * `for package in self.packages:`), so a subclass that sets the attribute anew loads from its own packages.
   */
  loopAttr?: { file: string; className: string; attr: string };
}

/** A built-in call's parameters: position → role; `real`: the call loads by itself. */
interface Sink {
  args: Map<number, Role | 'file'>;
  real: boolean;
}

/** The modules that hold loader-roles' NAMED_LOADS, by the specifier a file imports them from (`from twisted.python import reflect` too). */
const NAMED_LOAD_MODULES = ['twisted.python.reflect', 'twisted.python', 'kombu.utils.imports', 'kombu.utils', 'celery.utils.imports'];

const NAMED_LOAD_WORDS: ReadonlySet<string> = new Set(NAMED_LOADS);

/**
 * Review of stop 63: a NAMED_LOADS word that names the file's own code rather than Twisted's, kombu's or
 * pkgutil's loader: a method called on `self`/`cls` (sphinx's Documenter.resolve_name splits a dotted
 * name and imports nothing), or a bare call of a module-level def of the file that loads nothing. Twisted's
 * own reflect.namedAny reaches `__import__` through a def of its file, so its bare calls there still load.
 */
const ownNonLoader = (a: Analysed, call: CallFlow): boolean => {
  if (call.callee.startsWith('self.') || call.callee.startsWith('cls.')) return true;
  // fileFlowsAndClasses keeps a def that loads nothing and calls no loader out of fns: its absence is no load.
  return call.callee === call.word && a.ownNamedLoads.has(call.word) && !a.fns.some((f) => f.name === call.word && f.className === null && f.loads);
};

/** Module-level defs of a NAMED_LOADS word (`def resolve_name(`), at column 0. */
const OWN_NAMED_DEF = new RegExp(String.raw`^(?:async[ \t]+)?def[ \t]+(${alternation(NAMED_LOADS)})\b`, 'gm');

const sink = (real: boolean, ...roles: Array<[number, Role | 'file']>): Sink => ({ args: new Map(roles), real });
const SINKS = new Map<string, Sink>([
  // Stop 48: oslo.utils' importutils (`import_class('pkg.mod.Class')`), as import_string. Stop 49: importutils'
  // `try_import(name)` imports the module or gives a default (ironic's RPCService(host, 'ironic.conductor.manager', …)).
  ...[...CORE_LOADS, ...OSLO_OBJECT_LOADS, ...OSLO_TRY_LOADS, ...NAMED_LOADS].map((name): [string, Sink] => [name, sink(true, [0, 'module'])]),
  ...FINDER_LOADS.map((name): [string, Sink] => [name, sink(false, [0, 'module'])]),
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
  ...FILE_PATH_LOADS.map((name): [string, Sink] => [name, sink(false, [1, 'file'])]),
  // astroid's modutils (pylint's `register_plugins`: `modutils.load_module_from_file(os.path.join(directory, filename))`);
  // loader-roles counts them as loads. Not `real` here: string-modules does not follow a function around them.
  ['load_module_from_file', sink(false, [0, 'file'])],
  ['load_module_from_name', sink(false, [0, 'module'])],
]);

/** Sinks that import an attribute of the module named: the name's last part may be a class. */
const ATTR_SINKS: ReadonlySet<string> = new Set([...OSLO_OBJECT_LOADS, 'import_string', ...NAMED_LOADS]);

/** Imports that make a file worth reading first. */
const LOADER_IMPORTS = new Set(['importlib', 'importlib.util', 'importlib.machinery', 'importlib.resources', 'imp', 'pkgutil', 'astroid', 'astroid.modutils']);
/**
 * `try_import` seeds only with an argument that is not a string literal: OpenStack trees hold dozens of literal optional
 * imports (`importutils.try_import('xclarity_client.exceptions')`), which string-modules' literalLoads reads already,
 * and seeding each of them cost ironic's scan ~0.3 s of flow analysis for nothing (stop 49 review 2).
 */
const SEED_WORDS = new RegExp(alternation([...CORE_LOADS, ...OSLO_OBJECT_LOADS, ...NAMED_LOADS, String.raw`try_import\s*\(\s*(?!['"\s])`, 'exec_module', 'load_module', ...FINDER_LOADS, 'find_loader']));

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

export interface Analysed {
  file: string;
  fns: FunctionFlows[];
  classes: ClassInfo[];
  /** The loader names the calls were collected for. */
  words: Set<string>;
  bindings: Bindings;
  /** The NAMED_LOADS words the file defines by a module-level def of its own. */
  ownNamedLoads: Set<string>;
  /** Stop 66: the lines of its `os.walk` loops that yield a subpackage whole (walksYieldingPackages). */
  walksPackages: Set<number>;
}

/** The loaders of the scan, and the analysed files (found once per scan). */
export const repoLoaders = perScan((ctx: FrameworkContext): { loaders: Map<string, Loader>; analysed: Map<string, Analysed>; attrs: AttrRoles } => {
  const loaders = new Map<string, Loader>();
  const attrs: AttrRoles = new Map();
  const analysed = new Map<string, Analysed>();
  const pyFiles: { path: string; facts: FileFacts }[] = [];
  for (const path of pathsNamedLike(ctx.files, { extensions: ['py'] }, 'sorted')) {
    const facts = path.endsWith('.py') ? ctx.facts(path) : undefined;
    if (facts !== undefined) pyFiles.push({ path, facts });
  }
  const names = new Set<string>();
  const analyse = (path: string, facts: FileFacts, text: string): void => {
    const words = new Set(names);
    const { fns, classes } = fileFlowsAndClasses(text, (w) => SINKS.has(w) || words.has(w));
    const ownNamedLoads = new Set([...text.matchAll(OWN_NAMED_DEF)].map((m) => m[1]));
    analysed.set(path, { file: path, fns, classes, words, bindings: bindingsOf(ctx, path, facts.imports), ownNamedLoads, walksPackages: walksYieldingPackages(text) });
  };
  // Issue 19: the files that import one of those modules, from the scan's import index; the test below only for them.
  const seeding = filesImporting(ctx, [...LOADER_IMPORTS, OSLO_IMPORTUTILS, 'oslo_utils', ...NAMED_LOAD_MODULES]);
  for (const { path, facts } of pyFiles) {
    if (facts.computedImportLines === undefined && !seeding.has(path)) continue;
    if (facts.computedImportLines === undefined && !facts.imports.some((i) => LOADER_IMPORTS.has(i.specifier) || (i.specifier === 'importlib' && i.names.length > 0)) && !importsOsloLoader(facts.imports) && !importsNamedLoader(facts.imports)) continue;
    const text = ctx.readText(path);
    if (text === null || !SEED_WORDS.test(text)) continue;
    analyse(path, facts, text);
  }
  /** Lists of the index, by last dotted part: made once a loader is found, dropped with this function's frame. */
  let byLast: Map<string, (readonly string[])[]> | undefined;
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
    // Stop 48: or hands it to map() (`map(plugin_loader.load_modules, packages())`).
    const callsLoader = loaderCallRe([...names]);
    const candidates = mayImportLoader(ctx, (byLast ??= importersByLastPart(ctx)), stems, names);
    for (const { path, facts } of pyFiles) {
      const seen = analysed.get(path);
      if (seen !== undefined) {
        // Read again when a loader's name (new since) is called in it.
        const unseen = fresh.filter((n) => !seen.words.has(n));
        if (unseen.length === 0 || !loaderCallRe(unseen).test(ctx.readText(path) ?? '')) continue;
      } else if (!candidates.has(path) || !importsLoaderFile(ctx, path, facts.imports, stems, names, files)) continue;
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

/** The imports bring in a NAMED_LOADS call: `from twisted.python.reflect import namedAny`, `from twisted.python import reflect`. */
const importsNamedLoader = (imports: FileFacts['imports']): boolean =>
  imports.some((i) => NAMED_LOAD_MODULES.includes(i.specifier) && (i.names.length === 0 || i.names.some((n) => NAMED_LOADS.includes(n.name) || n.name === 'reflect' || n.name === 'imports')));

/** The .py files that import one of `specifiers` as written. */
const filesImporting = (ctx: FrameworkContext, specifiers: readonly string[]): Set<string> => {
  const bySpecifier = importIndex(ctx).bySpecifier;
  const out = new Set<string>();
  for (const s of specifiers) for (const file of bySpecifier.get(s) ?? []) out.add(file);
  return out;
};

/** The import index's lists of .py files by the last dotted part of each specifier they import (`pkg.plugins` and `.plugins` under `plugins`). */
const importersByLastPart = (ctx: FrameworkContext): Map<string, (readonly string[])[]> => {
  const out = new Map<string, (readonly string[])[]>();
  for (const [specifier, files] of importIndex(ctx).bySpecifier) {
    const last = specifier.slice(specifier.lastIndexOf('.') + 1);
    const lists = out.get(last);
    if (lists === undefined) out.set(last, [files]);
    else lists.push(files);
  }
  return out;
};

/**
 * The .py files importsLoaderFile can say yes to: an import whose specifier ends in a loader file's
 * stem, or that lists a stem or a loader's name (its first test, per import). Issue 19: each round
 * walked every import of every file of the scan for those few words, and made a string per import
 * (saleor-100k: 2.3 s); the scan's import index answers by word.
 */
const mayImportLoader = (ctx: FrameworkContext, byLast: ReadonlyMap<string, readonly (readonly string[])[]>, stems: ReadonlySet<string>, names: ReadonlySet<string>): Set<string> => {
  const out = new Set<string>();
  const index: ImportIndex = importIndex(ctx);
  const add = (files: readonly string[] | undefined): void => {
    if (files !== undefined) for (let k = 0; k < files.length; k++) out.add(files[k]);
  };
  for (const stem of stems) for (const files of byLast.get(stem) ?? []) add(files);
  for (const word of [...stems, ...names]) {
    add(index.byFromName.get(word));
    add(index.byOtherName.get(word));
  }
  return out;
};

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
      // A loader re-exported by the module imported (`from pylint.utils import register_plugins`), or by a module imported by name (`from pylint import utils`).
      if (sub === null && file !== null && names.has(n.name) && files.has(nameOrigin(ctx, file, n.name).file)) return true;
      if (sub !== null && sub !== path && reexportsLoader(ctx, sub, names, files)) return true;
    }
    if (i.syntax === 'import' && file !== null && file !== path && reexportsLoader(ctx, file, names, files)) return true;
  }
  return false;
};

/** Whether a module binds a loader's name defined in a loader's file (`from pylint.utils.utils import register_plugins` in pylint/utils/__init__.py). */
const reexportsLoader = (ctx: FrameworkContext, module: string, names: ReadonlySet<string>, files: ReadonlySet<string>): boolean => {
  for (const i of ctx.facts(module)?.imports ?? []) {
    if (i.syntax !== 'from') continue;
    for (const n of i.names) if (names.has(n.alias ?? n.name) && files.has(nameOrigin(ctx, module, n.alias ?? n.name).file)) return true;
  }
  return false;
};

const addRole = <K>(roles: Map<K, RoleOf[]>, index: K, role: RoleOf): boolean => {
  const list = roles.get(index) ?? roles.set(index, []).get(index)!;
  if (list.some((r) => r.role === role.role && r.prefix === role.prefix && r.each === role.each && r.template === role.template && r.suffix === role.suffix && r.wild === role.wild && r.object === role.object && r.listed === role.listed && r.skipsPrivate === role.skipsPrivate && r.walk === role.walk && r.byName === role.byName && r.attr === role.attr && r.classPath === role.classPath && r.key === role.key)) return false;
  list.push(role);
  return true;
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
              const starred = isStar(target.fn, index);
              for (const arg of loaderArguments(call, target, index)) {
                // Stop 54: `utils.import_class(ns + "." + name)` through a repo loader taking a plain module name:
                // the template's parameter takes the role the template gives it (trove's Strategy.get_strategy).
                // Stop 55: or a local assigned such a template above the call, as a real load's argument is read
                // (sos' report/plugins/__init__.py:2783 `plugin_fqname = "sos.report.plugins.%s" % name`, then
                // `import_module(plugin_fqname, superclasses)`: sos.utilities' own import_module, around `__import__`).
                if (!starred && (arg.direct === null || !isParamOrAttr(fn, arg.direct))) {
                  const values = arg.direct === null ? [arg.text] : assignedAbove(fn, arg.direct, call.line);
                  for (const r of list) {
                    if (r.role !== 'module' || r.prefix !== '' || r.suffix !== undefined || r.wild === true || r.each || r.key !== undefined || r.object !== undefined || r.template !== undefined) continue;
                    for (const value of values) {
                      const formatted = formattedRole(fn, value);
                      if (formatted !== null) found.push([formatted[0], { ...formatted[1], ...(r.attr === true ? { attr: true } : {}) }]);
                    }
                  }
                }
                if (arg.direct === null || !isParamOrAttr(fn, arg.direct)) continue;
                for (const held of list) {
                  // Stop 48: each argument of a `*args` call is one item of the tuple the loader iterates.
                  const r = starred ? { ...held, each: false } : held;
                  if ((r.role === 'folder' || r.role === 'file' || r.object !== undefined) && arg.prefix !== null) continue;
                  if (r.each && arg.each) continue;
                  // Stop 53: a keyed item feeds only a plain module name (no template, no key already).
                  if (arg.key !== undefined && (r.role !== 'module' || r.key !== undefined || r.template !== undefined || r.object !== undefined || r.wild === true || r.prefix !== '' || r.suffix !== undefined)) continue;
                  if ((r.role === 'module' || r.role === 'package') && reassignedAbove(fn.rebinds, arg.direct, call.line)) continue;
                  // Stop 48: `sys.modules[name]` handed where a package object is taken: the parameter holds the package's name.
                  if (arg.moduleOf === true && (r.object === undefined || r.byName === true)) continue;
                  const { template: _template, ...kept } = r;
                  // A suffix or a computed tail stays after the value: a prefix the caller adds goes before it.
                  found.push([arg.direct, { ...kept, prefix: r.prefix + (arg.prefix ?? ''), each: r.each || arg.each, ...(arg.moduleOf === true ? { byName: true } : {}), ...(arg.key !== undefined ? { key: arg.key } : {}) }]);
                }
              }
            }
            continue;
          }
          const s = SINKS.get(call.word);
          if (s === undefined) continue;
          if (NAMED_LOAD_WORDS.has(call.word) && ownNonLoader(a, call)) continue;
          for (const [index, role] of s.args) {
            const arg = call.positional[index];
            if (arg === undefined) continue;
            if (role === 'file') {
              for (const p of arg.params) if (fn.joined.has(p)) found.push([p, { role: 'folder', prefix: '', each: false }]);
              // `spec_from_file_location(name, path)`: the parameter is the module's file.
              if (arg.direct !== null && !arg.each && arg.prefix === null && fn.params.includes(arg.direct) && !fn.joined.has(arg.direct)) found.push([arg.direct, { role: 'file', prefix: '', each: false }]);
              continue;
            }
            // Stop 47: `pkgutil.iter_modules(module.__path__, …)` over a package object the loader is handed
            // (Stop 48: or a local assigned it once, heat's `path = package.__path__`; walk_packages goes down into subpackages).
            const pathOf = role === 'folder' ? arg.pathOf ?? pathHeld(fn, arg, call.line) : undefined;
            if (pathOf !== undefined && (call.word === 'iter_modules' || call.word === 'walk_packages') && isParamOrAttr(fn, pathOf)) {
              found.push([pathOf, { role: 'package', prefix: '', each: false, object: `${a.file}:${call.line}`, listed: true, ...(call.word === 'walk_packages' ? { walk: true } : {}), ...(fn.skipsPrivate ? { skipsPrivate: true } : {}) }]);
              continue;
            }
            if (role === 'folder' && arg.direct !== null && !arg.each && arg.prefix === null && !isParamOrAttr(fn, arg.direct)) {
              // Stop 48: the first of the folders a parameter holds, listed by a def that picks `.py` files from it
              // (one picking `.plugin` files, yapsy's, names its modules elsewhere): a folder role over a list.
              const first = firstFolderParam(fn, arg.direct, call.line);
              if (first !== null) {
                if (fn.namesPy) found.push([first, { role: 'folder', prefix: '', each: true }]);
                continue;
              }
              const template = folderTemplate(a.file, fn, arg.direct, call.line);
              if (template !== null) found.push([template.param, { role: 'folder', prefix: '', each: false, template }]);
              continue;
            }
            // `import_module(self.module_path.__name__ + f".{plugin}")`: the attribute holds a package object.
            if (role === 'module' && arg.named === true && arg.direct !== null && !arg.each && isParamOrAttr(fn, arg.direct)) {
              found.push([arg.direct, { role: 'package', prefix: '', each: false, object: `${a.file}:${call.line}` }]);
              continue;
            }
            if (role === 'module' && (arg.direct === null || !isParamOrAttr(fn, arg.direct))) {
              // `import_module("radicale.%s.%s" % (module_name, type_))`, or a local assigned such a template.
              const values = arg.direct === null ? [arg.text] : assignedAbove(fn, arg.direct, call.line);
              for (const value of values) {
                // Stop 60: `module_name = name.rsplit('.', 1)[0]` (or the tuple's head): the caller hands a class
                // path, `"charmap.CharMap"`, whose module is loaded, as oslo's import_class reads one (frescobaldi's loadPanel).
                const head = CLASS_PATH_HEAD.exec(value);
                if (head !== null && isParamOrAttr(fn, head[1]) && !reassignedAbove(fn.rebinds, head[1], call.line)) {
                  found.push([head[1], { role: 'module', prefix: '', each: false, attr: true, classPath: true }]);
                  continue;
                }
                const formatted = formattedRole(fn, value);
                if (formatted !== null) found.push(ATTR_SINKS.has(call.word) ? [formatted[0], { ...formatted[1], attr: true }] : formatted);
                else if (!ATTR_SINKS.has(call.word)) found.push(...loopPackageRoles(a.fns, a.classes, fn, value, a.file));
              }
              continue;
            }
            if (arg.direct === null || !isParamOrAttr(fn, arg.direct)) continue;
            if (role === 'folder' && arg.prefix !== null) continue;
            // Stop 48 (review 4 of stop 47, #6): a parameter given a new value above the load (`name = name.rsplit(".", 1)[-1]`,
            // `name += "_impl"`) no longer holds the caller's name, so it takes no module or package role there.
            if ((role === 'module' || role === 'package') && reassignedAbove(fn.rebinds, arg.direct, call.line)) continue;
            // Stop 65: `os.walk(topdir)` goes down into the folder's subfolders (neutron's import_modules_recursively);
            // Stop 66: not a walk that yields a subpackage whole (quodlibet's get_importables): that reaches its __init__.py.
            found.push([arg.direct, { role, prefix: arg.prefix ?? '', each: arg.each, ...(role === 'folder' && call.word === 'walk' && !a.walksPackages.has(call.line) ? { walk: true } : {}), ...(role === 'module' && ATTR_SINKS.has(call.word) ? { attr: true } : {}), ...(role === 'module' && arg.key !== undefined ? { key: arg.key } : {}) }]);
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

/** The values a local is assigned (not appended to) at or above `line`: what a call there may hand on. */
/** Stop 60: `P.rsplit('.', 1)[0]`, the module part of the class path P (a parameter or `self.X`). */
const CLASS_PATH_HEAD = /^((?:self\.)?[A-Za-z_]\w*)\.rsplit\(\s*(['"])\.\2\s*,\s*(?:maxsplit\s*=\s*)?1\s*\)\s*\[\s*0\s*\]$/;

const assignedAbove = (fn: FunctionFlows, local: string, line: number): string[] =>
  (fn.assigned.get(local) ?? []).filter((v) => v.line <= line && !v.append).map((v) => v.text);

/** A call of one of `names` (not its `def name(`), or one handed to map() (`map(plugin_loader.load_modules, packages())`). */
const loaderCallRe = (names: readonly string[]): RegExp => {
  const alternatives = names.join('|');
  return new RegExp(`(?<!def\\s)\\b(?:${alternatives})\\s*\\(|\\bmap\\(\\s*(?:\\w+\\.)*(?:${alternatives})\\s*,`);
};

/** `path = package.__path__` (once, above the listing): the parameter (or `self.X`) whose package object a local argument's folders are. */
const pathHeld = (fn: FunctionFlows, arg: ArgShape, line: number): string | undefined => {
  if (arg.direct === null || arg.each || arg.prefix !== null || isParamOrAttr(fn, arg.direct)) return undefined;
  const values = fn.assigned.get(arg.direct) ?? [];
  const m = values.length === 1 && values[0].line <= line && !values[0].append ? /^((?:self\.)?[A-Za-z_]\w*)\s*\.\s*__path__$/.exec(values[0].text) : null;
  return m === null ? undefined : m[1];
};

/** Whether a real load call (import_module, __import__, import_string) takes `param` as its name. */
export const realModuleArg = (fn: FunctionFlows, param: string): boolean =>
  fn.calls.some((c) => SINKS.get(c.word)?.real === true && c.positional[0]?.direct === param);

/** Listings whose loop yields the names of the modules in a folder. */
const LISTING_LOOP = /^\s*for\s+([\w\s,()]+?)\s+in\s+(?:[\w.]+\.)?(iter_modules|walk_packages)\s*\(/;

/** A pkgutil listing loop: its line (1-based) and what it lists (its `path` argument), null when that is not on the line. */
export interface ListingLoop {
  line: number;
  path: string | null;
}

/**
 * Stop 50 (review 3): the `for … in pkgutil.iter_modules(…):` (or walk_packages) loop above `line`
 * in the def `fn` whose loop variables include `name`, when the def really loads
 * (FunctionFlows.loads: a listing alone only finds); null otherwise. Then `name` holds, one by one, the
 * name of every module the listing finds (electrum's `load_plugins`: `for loader, name, ispkg in
 * pkgutil.iter_modules([self.pkgpath]):` then `self.load_plugin(name)`). At most 200 lines are
 * walked; `lines`: the file's, split once by the caller.
 */
export const listingLoopOf = (lines: readonly string[], fn: FunctionFlows, name: string, line: number): ListingLoop | null => {
  if (!fn.loads || fn.name === '' || !/^[A-Za-z_]\w*$/.test(name)) return null;
  for (let l = line - 1; l > fn.defLine && l >= line - 200; l--) {
    const text = lines[l - 1] ?? '';
    const m = LISTING_LOOP.exec(text);
    if (m === null || !m[1].split(/[\s,()]+/).includes(name)) continue;
    const first = callArguments(text, m[0].length - 1)?.[0]?.trim().replace(/^path\s*=(?!=)\s*/, '') ?? '';
    return { line: l, path: first === '' || /^\w+\s*=(?!=)/.test(first) ? null : first };
  }
  return null;
};
