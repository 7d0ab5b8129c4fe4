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
 *
 * This file is the reader: it turns the settled arguments into edges. The parts: loader-fixpoint.ts
 * (sinks, roles, the rounds), loader-calls.ts (which loader a call reaches, its arguments),
 * loader-classes.ts (constructors, `self.X` roles), loader-templates.ts (module-name and folder
 * templates), loader-folders.ts (settling a folder argument).
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { basename, dirname } from '../../util/path.js';
import { pathAssignments } from '../../languages/python/sys-path.js';
import { isModuleName } from '../../languages/python/literals.js';
import { boundModuleFile, folderIndex, loadedFiles } from './folder-loaders.js';
import { assignmentAbove, indentOf, packageInits } from './python-files.js';
import { literalValue } from './call-text.js';
import type { ArgShape, FunctionFlows } from './loader-roles.js';
import { childTemplateOf, moduleConstants, packageChildren, templateChildren } from './prefixed-imports.js';
import { listingLoopOf, realModuleArg, repoLoaders, type RoleOf } from './loader-fixpoint.js';
import { indexes, isParamOrAttr, isStar, loaderArguments, resolveCall } from './loader-calls.js';
import { attrKey } from './loader-classes.js';
import { settleEveryFolder, settleFolder, settleFolders, type SettleEnv } from './loader-folders.js';
import { xdgDataFolders } from './xdg-data-folders.js';
import { templateParts } from './loader-templates.js';
import { templateFolders, templateShown } from './template-folders.js';
import { lineStarts } from '../../util/lines.js';
import { subclassPrefixes } from './subclass-prefixes.js';
import { alternation, BY_NAME_LOADS, IMPORTLIB_LOADS } from '../../languages/python/loader-names.js';
import { registryValues, type TableCache } from './registry-lookups.js';
import { loadsByName } from './string-modules.js';
import { keyedValues, listedItems } from './keyed-items.js';
import { argumentOption, BINDS_CONF, declaredDefaults, inGroup } from './config-options.js';

/** Where a value is handed to a loader's parameter, for settle: the call's line, how it is shown, and what the call may open. */
interface HandedAt {
  line: number;
  /** The calling function, shown. */
  where: string;
  /** The loader, shown. */
  what: string;
  param: string;
  /** string-modules follows this call's plain module names (a module-level function around its own import_module(param)). */
  skipModule: boolean;
  /** Whether an oslo.config option handed here is read for its defaults (false for a loader config-defaults reads by name). */
  optionsRead?: boolean;
  /** Whether a dotted head handed here opens its whole package (false for a method matched by its name alone). */
  opens?: boolean;
  /** Whether the loader is in the caller's own file. */
  sameFile?: boolean;
}

/** A caller's string that is a dotted head and goes on at run time: `"boot."`. */
/** A string that may be a module name or a piece of one (`'en'`, `'pkg.'`), not `'-'`, `'_'` or `''`. */
const NAME_PIECE = /^[A-Za-z_][\w.]*$/;
const namePiece = (value: string): boolean => NAME_PIECE.test(value) && /[A-Za-z0-9]/.test(value);
const DOTTED_HEAD = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.$/;
const shown = (folder: string): string => `${folder === '' ? '.' : folder}/`;
/**
 * The modules of a package: its module files, not `_private` ones (prefixed-imports' rule). Not its
 * subpackages: a package listed for its plugins holds its tests and data as subpackages (mailman's
 * rules/tests, rules/data), which the loaders skip.
 */
const packageModules = (ctx: FrameworkContext, pkg: string, from: string): { folder: string; files: string[]; inits: string[] } | null => {
  const inits = ctx.module(pkg, dirname(from));
  if (inits.length === 0 || basename(inits[0]) !== '__init__.py') return null;
  const folder = dirname(inits[0]);
  return { folder, files: modulesInPackage(ctx, folder), inits };
};

/** The module files of the package in `folder`, not `_private` ones (packageModules, once the package is found). */
const modulesInPackage = (ctx: FrameworkContext, folder: string): string[] => {
  const { byFolder, subfolders } = folderIndex(ctx);
  return loadedFiles(byFolder, subfolders, { folder, mode: 'modules' }).filter((f) => !basename(f).startsWith('_'));
};

/** A module's name in a package listing: its file's stem, or its folder's name for a subpackage's `__init__.py`. */
const listedName = (path: string): string => (basename(path) === '__init__.py' ? basename(dirname(path)) : basename(path));

/** What a test patches to keep a loader from loading: the listing, the import, or the loader itself. */
const LOADING_WORDS = new RegExp(String.raw`\b(?:walk_packages|iter_modules|${alternation(IMPORTLIB_LOADS)}|load_module|exec_module)\b`);

/** Whether a decorator or a `with` header patches the loading: `patch(…)` of a loading word or of the loader itself. */
const patchesText = (s: string, loaderName: string): boolean =>
  /\bpatch\b/.test(s) && (LOADING_WORDS.test(s) || new RegExp(`['"]${loaderName}['"]`).test(s));

/** A line's text (0-based) from line starts. */
const lineOf = (text: string, starts: readonly number[], l: number): string => text.slice(starts[l], l + 1 < starts.length ? starts[l + 1] : text.length);

/**
 * Stop 48: whether the decorators right above the def (or class) at `defLine` (1-based) patch the
 * loading (heat's test_plugin_loader: `@mock.patch('pkgutil.walk_packages')` over a call of
 * `load_modules(heat.engine)`): then the call lists and imports nothing. A decorator starts with
 * `@` at the def's indentation; Stop 50: it may wrap over more lines, as Black splits a long one
 * (`@mock.patch(\n    "pkgutil.walk_packages"\n)`), each read whole. At most 12 decorators over 40 lines.
 */
const patchesLoading = (text: string, starts: readonly number[], defLine: number, loaderName: string): boolean => {
  const depth = indentOf(lineOf(text, starts, defLine - 1));
  let below = defLine - 1;
  for (let l = defLine - 2, k = 0, decorators = 0; l >= 0 && k < 40 && decorators < 12; l--, k++) {
    const line = lineOf(text, starts, l);
    const trimmed = line.trim();
    if (trimmed === '') break;
    if (trimmed.startsWith('@') && indentOf(line) === depth) {
      if (patchesText(text.slice(starts[l], starts[below]), loaderName)) return true;
      below = l;
      decorators++;
    } else if (indentOf(line) <= depth && !/^[)\]}]/.test(trimmed)) break;
    // Else a wrapped decorator's argument or closing bracket: read with the `@` line above it.
  }
  return false;
};

/**
 * Stop 50: whether a test method is patched by its class's decorators: `mock.patch` on a class
 * patches each of its methods whose name starts with `test` (patch.TEST_PREFIX), for the method's run.
 */
const classPatchesLoading = (text: string, starts: readonly number[], fn: { name: string; classLine: number | null }, loaderName: string): boolean =>
  fn.classLine !== null && fn.classLine > 1 && fn.name.startsWith('test') && patchesLoading(text, starts, fn.classLine, loaderName);

/**
 * Stop 49: whether a `with …patch(…):` block around the call at `callLine` (1-based), inside the def
 * at `defLine`, patches the loading (`with mock.patch('pkgutil.walk_packages'):` over
 * `load_modules(pkg)`). The block headers are the lines between them indented less than the call
 * (at most 200 lines walked); a header's text is read up to its closing `:` (a few wrapped lines).
 */
const patchedAround = (text: string, starts: readonly number[], defLine: number, callLine: number, loaderName: string): boolean => {
  let depth = indentOf(lineOf(text, starts, callLine - 1));
  for (let l = callLine - 2, k = 0; l >= defLine && k < 200 && depth > 0; l--, k++) {
    const line = lineOf(text, starts, l);
    const trimmed = line.trim();
    // A wrapped header's closing line (`) as mp:`) is no block of its own.
    if (trimmed === '' || trimmed.startsWith('#') || /^[)\]}]/.test(trimmed) || indentOf(line) >= depth) continue;
    depth = indentOf(line);
    if (!/^(?:async\s+)?with\b/.test(trimmed)) continue;
    const header = text.slice(starts[l], Math.min(text.length, starts[l] + 400)).split(/:\s*(?:#[^\n]*)?\n/, 1)[0];
    if (patchesText(header, loaderName)) return true;
  }
  return false;
};

/** A loader that imports its module parameter as it is: no part of its own, no attribute, no key. */
const plainModuleRole = (r: RoleOf): boolean =>
  r.role === 'module' && r.prefix === '' && r.suffix === undefined && r.wild !== true && r.object === undefined && r.key === undefined && r.attr !== true && r.template === undefined;

/** The loader names config-defaults.ts reads an option argument of: this reader leaves those calls to it. */
const CONFIG_LOADS: ReadonlySet<string> = new Set([...BY_NAME_LOADS, 'import_object_ns']);

export const collectLoaderWrappers = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const { loaders, analysed, attrs } = repoLoaders(ctx);
  if (loaders.size === 0 && attrs.size === 0) return out;
  const idx = indexes(loaders, analysed);
  const { byFolder, subfolders } = folderIndex(ctx);
  const tables: TableCache = new Map();
  const defaults = declaredDefaults(ctx);
  /** Dotted names resolved once per scan: a registry's values are resolved again at every lookup (review2 #8). */
  const resolved = new Map<string, string[]>();
  const moduleOf = (full: string, from: string): string[] => {
    const k = `${full}\0${from}`;
    let files = resolved.get(k);
    if (files === undefined) resolved.set(k, (files = ctx.module(full, from)));
    return files;
  };
  /** Stop 66: base class attributes whose subclasses were read (once per scan, whichever caller settles first). */
  const subclassesDone = new Set<string>();
  for (const a of analysed.values()) {
    const facts = ctx.facts(a.file);
    const text = facts === undefined ? null : ctx.readText(a.file);
    if (facts === undefined || text === null) continue;
    let held: ReturnType<typeof pathAssignments> | undefined;
    const assignments = (): ReturnType<typeof pathAssignments> => (held ??= pathAssignments(text, a.file));
    const moduleFn = a.fns.find((f) => f.name === '');
    let starts: number[] | undefined;
    let lines: string[] | undefined;
    let constants: Map<string, string> | undefined;
    let bareConf: boolean | undefined;
    const seen = new Set<string>();
    /** The text a computed name is built from: the argument's, or for a bare local name the value assigned to it just above the call. */
    const computedText = (arg: ArgShape, fn: FunctionFlows, line: number): string => {
      const name = arg.text.trim();
      if (!/^[A-Za-z_]\w*$/.test(name) || fn.params.includes(name)) return arg.text;
      return assignmentAbove(text, (starts ??= lineStarts(text)), line, name)?.value ?? arg.text;
    };
    /** `label` may be a thunk: a registry's many values build their text only for an edge that is added (review2 #8). */
    const push = (target: string, targetKind: 'file' | 'module-attr', line: number, label: string | (() => string)): void => {
      const k = `${target}\0${line}`;
      if (target === a.file || seen.has(k)) return;
      seen.add(k);
      out.references.push({ from: a.file, target, targetKind, line, label: typeof label === 'string' ? label : label() });
    };
    /** Edges for a value handed to a parameter (or stored on an attribute) with role `r`, at the call `at` describes. */
    const settle = (fn: FunctionFlows, arg: ArgShape, r: RoleOf, at: HandedAt): void => {
      const { line, where, what, param, skipModule, optionsRead = true, opens = true, sameFile = false } = at;
      if (r.template !== undefined) {
        // The caller names the part the loader joins onto its own folder: `import_plugins('commands/sanity')`.
        const literal = literalValue(arg.text);
        if (literal === null) {
          // `import_plugins('provider/%s' % provider_type)`: every folder the template matches.
          const parts = templateParts(arg.text);
          const template = r.template;
          const folders = parts === null ? [] : templateFolders(parts, (value) => settleTemplate(template, value), subfolders);
          for (const folder of folders) {
            const label = `loaded by ${where}, which hands "${templateShown(parts!)}" (a name computed at run time) to ${what} as its ${param}, the folder it builds and lists, here ${shown(folder)}: any module there may be loaded`;
            for (const target of loadedFiles(byFolder, subfolders, { folder, mode: 'packages' })) push(target, 'file', line, label);
          }
          return;
        }
        const folder = settleTemplate(r.template, literal);
        if (folder === null) return;
        const label = `loaded by ${where}, which hands "${literal}" to ${what} as its ${param}, the folder ${shown(folder)} it builds and lists: any module there may be loaded`;
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
        const folders = settleFolders(env, arg.text, line, r.each);
        for (const folder of folders) {
          const label = `loaded by ${where}, which hands ${shown(folder)} to ${what} as its folder ${param}: any module there${r.walk === true ? ' or in its subpackages (os.walk)' : ''} may be loaded`;
          for (const target of loadedFiles(byFolder, subfolders, { folder, mode: r.walk === true ? 'walk' : 'packages' })) push(target, 'file', line, label);
        }
        // Stop 60: a head set at run time that is one of the XDG data folders the file reads (xdg-data-folders.ts).
        if (folders.length === 0 && !r.each) {
          for (const x of xdgDataFolders(a.file, text, arg.text, (f) => byFolder.has(f) || subfolders.has(f), fn, line)) {
            const label = `loaded by ${where}, which hands ${arg.text.trim()} to ${what} as its folder ${param}: its head is one of the XDG data folders ${a.file}:${x.xdgLine} reads (XDG_DATA_DIRS, default ${x.dirs}) joined with '${x.name}' at line ${x.nameLine}, ${x.handedIn ? `handed in at line ${x.viaLine} from a loop over them` : `looped over at line ${x.viaLine}`}, here ${shown(x.folder)}: any module there may be loaded`;
            for (const target of loadedFiles(byFolder, subfolders, { folder: x.folder, mode: 'packages' })) push(target, 'file', line, label);
          }
        }
        return;
      }
      // A prefix built around a parameter (`'pkg.' + p`, `'pkg.%s' % p`) leaves the name unknown here; its own callers settle it.
      if (arg.prefix !== null && arg.direct !== null) return;
      // Stop 54: a name formatted under a constant package (`_importh(b"hgext.%s" % name)`, mercurial's
      // extensions.py:125) handed to a loader that imports its parameter as it is: what prefixed-imports
      // reads in a direct `__import__("hgext.%s" % name)`, one wrapper away. Any module of that package
      // may be the one loaded. Not for a loader that adds its own parts or imports an attribute.
      // Review 1: the operand is no parameter (a local, `os.environ[…]`), or the name was assigned just
      // above (`modname = b"app.exts.%s" % name`); and only through a loader resolved by its binding,
      // not a method matched by its name alone (`store.load(…)` is no PluginLoader.load).
      // string-modules reads these names at a call from another file of a function around its own import_module(name) (skipModule).
      if (plainModuleRole(r) && !(skipModule && !sameFile)) {
        const template = childTemplateOf(computedText(arg, fn, line), (constants ??= moduleConstants(text)));
        if (template !== null && isModuleName(template.prefix)) {
          if (!opens) return;
          const detail = `(${arg.text.replace(/\s+/g, ' ')}), handed to ${what} as its ${param}, which imports it`;
          for (const c of templateChildren(ctx, template, a.file, line, detail, `${a.file}:${line} imports by a computed name through ${what}`)) push(c.target, 'file', line, c.label);
          return;
        }
      }
      if (arg.prefix !== null) return;
      /**
       * The module a name settles to, pushed with `label`: its file (and the packages above it), or for a
       * loader that imports an attribute (`import_object('pkg.mod.Class')`, Stop 53) the module holding it.
       */
      const pushModule = (full: string, at: number, label: string | (() => string)): void => {
        if (r.classPath === true && !full.includes('.')) return;
        const files = moduleOf(full, dirname(a.file));
        if (files.length === 0) {
          if (r.attr === true && full.includes('.')) push(full, 'module-attr', at, label);
          return;
        }
        push(files[0], 'file', at, label);
        for (const init of files.slice(1)) push(init, 'file', at, `run before ${full}, which ${where} loads (a package runs before its modules)`);
      };
      // Stop 53: a list of dicts, each naming its module under the loader's key (keyed-items.ts).
      if (r.key !== undefined) {
        if (r.role !== 'module') return;
        for (const item of keyedValues(ctx, a.file, arg.text, r.key)) {
          const label = `named as ${item.text} (${item.name}) under '${r.key}' in the list ${where} hands to ${what} as its ${param}, which imports each item's '${r.key}'`;
          for (const [k, f] of item.files.entries()) push(f, 'file', line, k === 0 ? label : `run before ${item.name}, which ${where} loads (a package runs before its modules)`);
        }
        return;
      }
      // Stop 53: the argument is looked up in a registry table (registry-lookups.ts): any value of it may be the name.
      let looked = false;
      if (r.role === 'module' && r.object === undefined && r.wild !== true) {
        for (const v of registryValues(ctx, tables, a.file, a.bindings, fn, arg.text, line)) {
          looked = true;
          const full = r.prefix + v.value + (r.suffix ?? '');
          if (!isModuleName(full)) continue;
          pushModule(full, line, () => `named in ${v.file}:${v.line} as "${v.value}", ${v.key === null ? `a value of the table ${v.table}, looked up at ${a.file}:${v.lookup} by a key chosen at run time` : `the value under '${v.key}' in the table ${v.table}, looked up at ${a.file}:${v.lookup}`} and handed by ${where} to ${what} as its ${param}, which imports ${r.prefix === '' && r.suffix === undefined ? 'it' : `${r.prefix}<its ${param}>${r.suffix ?? ''}`}${v.key === null ? ': any value of the table may be the one loaded' : ''}`);
        }
      }
      // Stop 54: the caller hands an oslo.config option (trove's `ns = CONF.get(manager).replication_namespace`, then
      // `get_strategy_cls(strategy, ns)`): unless an operator sets it, the loader is handed each default of that name.
      if (optionsRead && r.role === 'module' && r.object === undefined && defaults.size > 0 && arg.strings.length === 0) {
        const opt = argumentOption(text, (starts ??= lineStarts(text)), (lines ??= text.split('\n')), line, arg.text.trim(), bareConf ??= BINDS_CONF.test(text));
        for (const d of opt === null ? [] : inGroup(defaults.get(opt.opt) ?? [], opt.group)) {
          looked = true;
          const full = r.prefix + d.value + (r.suffix ?? '');
          if (!isModuleName(full)) continue;
          const label = `named by the default "${d.value}" of option ${opt!.opt} (${d.file}:${d.line}), read at ${a.file}:${line}${opt!.via} and handed by ${where} to ${what} as its ${param}, which imports ${r.prefix}<its ${param}>${r.suffix ?? ''}${r.wild === true ? '.<a computed name>' : ''}`;
          const plain = r.wild === true && r.attr === true ? ctx.module(full, dirname(a.file)) : [];
          if (r.wild !== true || (plain.length > 0 && basename(plain[0]) !== '__init__.py')) pushModule(full, line, label);
          else for (const c of packageChildren(ctx, full, a.file, true)) push(c.target, 'file', line, c.init ? `run before the modules of ${full} that ${where} loads (a package runs before its modules)` : `${label}: any module of ${full} may be the one loaded`);
        }
      }
      if (r.object !== undefined) {
        // The caller hands a package object by the dotted name it bound (`blueman.plugins.applet`): the loader imports its modules by `__name__`.
        // Stop 47: a list of them for a loader that takes each (`update_dashboards([enabled, local_enabled], …)`).
        // Stop 48: or the package's name, whose module object the loader takes from sys.modules (`PluginManager(__name__)`).
        const items = r.byName === true ? packageNames(a.file, arg, r.each) : (r.each ? listedItems(arg.text) : [arg.text.trim()]).map((dotted) => ({ dotted, init: /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(dotted) ? boundModuleFile(ctx, a.file, facts, dotted) : null }));
        for (const { dotted, init } of items) {
          if (init === null || basename(init) !== '__init__.py') continue;
          const folder = dirname(init);
          const handed = r.byName !== true ? `the package ${dotted} (${shown(folder)})` : dotted === '__name__' ? `its own __name__ (the package ${shown(folder)})` : `the name of the package ${dotted} (${shown(folder)})`;
          const label = r.listed === true
            ? `loaded by ${where}, which hands ${handed} to ${what} as its ${param}, which lists its folder${r.walk === true ? ' and subpackages' : ''} with pkgutil and imports each module found${r.skipsPrivate === true ? ' not named _private (it skips those)' : ''} (${r.object})`
            : `loaded by ${where}, which hands ${handed} to ${what} as its ${param}, which imports each of its modules by its __name__ and a computed name (${r.object})`;
          for (const target of r.listed === true ? listedModules(r.skipsPrivate === true, folder, r.walk === true) : modulesInPackage(ctx, folder)) push(target, 'file', line, label);
          for (const i of packageInits(ctx.files, folder)) push(i, 'file', line, `run before the modules of ${dotted} that ${where} loads (a package runs before its modules)`);
        }
        return;
      }
      // string-modules reads the callers' strings as whole names: here only a loader that puts a package before them.
      // Stop 55: string-modules reads a call in the loader's own file only where that file imports an importlib-like
      // loader; around a bare `__import__` (jupyter_server's serverapp.py:198 `load_handlers(name)`, called at :396
      // and :412 in the same file) the names are read here.
      if (r.role === 'module' && skipModule && r.prefix === '' && !(sameFile && !loadsByName(ctx, a.file))) return;
      // Review rm1 of Stop 55: there, as string-modules reads them, only dotted strings name a module, or the call's own
      // literal: a string key of the table the argument is looked up in (`{"tools": ["app.svc.tooling"]}`) names none.
      const dottedOnly = r.role === 'module' && skipModule && r.prefix === '' && literalValue(arg.text) === null;
      // Stop 50 (review 3): a name from a pkgutil listing, in a def that loads, handed to a loader that puts a
      // package before it (electrum's `self.load_plugin(name)` over `iter_modules`): each module of that package.
      const listing = r.role === 'module' && r.prefix.endsWith('.') ? listingLoopOf((lines ??= text.split('\n')), fn, arg.text.trim(), line) : null;
      // Stop 51 (review 3): the literals of the listed path itself (`'plugins'` in `iter_modules([join(dirname(__file__),
      // 'plugins')])`) flow into the loop variable as text, but are no name the loop hands on.
      if (listing !== null && arg.strings.every((s) => s.line === listing.line)) {
        const pkg = r.prefix.slice(0, -1);
        if (!isModuleName(pkg)) return;
        // The names are those of the modules in the folders the loop lists. When one of them does not settle
        // (a path a user hands in, even beside a settled one) or they hold no module here (horizon's
        // local/enabled/ ships empty and is filled at deploy time), any module of the loader's package may be one.
        const env: SettleEnv = { ctx, file: a.file, facts, text, fn, moduleFn, assignments };
        const folders = listing.path === null ? null : settleEveryFolder(env, listing.path, listing.line);
        const found = (folders ?? []).flatMap((f) => loadedFiles(byFolder, subfolders, { folder: f, mode: 'packages' }).map((t) => listedName(t).replace(/\.py$/, '')));
        const names = found.length === 0 ? null : new Set(found);
        for (const child of packageChildren(ctx, pkg, a.file, true)) {
          if (child.init) {
            push(child.target, 'file', line, `run before the modules of ${pkg} that ${where} loads (a package runs before its modules)`);
            continue;
          }
          const listed = listedName(child.target).replace(/\.py$/, '');
          if (names !== null && !names.has(listed)) continue;
          const full = `${pkg}.${listed}${r.suffix ?? ''}`;
          if (!isModuleName(full)) continue;
          const label = `loaded by ${where}, which hands ${arg.text.trim()}, each name the pkgutil listing at ${a.file}:${listing.line} finds, to ${what} as its ${param}, which imports ${r.prefix}<its ${param}>${r.suffix ?? ''}${r.wild === true ? '.<a computed name>' : ''}: this module is one it may load`;
          if (r.wild === true) {
            for (const c of packageChildren(ctx, full, a.file, true)) push(c.target, 'file', line, c.init ? `run before the modules of ${full} that ${where} loads (a package runs before its modules)` : label);
          } else {
            const files = ctx.module(full, dirname(a.file));
            if (files.length > 0) push(files[0], 'file', line, label);
            for (const init of files.slice(1)) push(init, 'file', line, `run before ${full}, which ${where} loads (a package runs before its modules)`);
          }
        }
        return;
      }
      for (const s of arg.strings) {
        if (r.role === 'module' && r.wild !== true && r.suffix === undefined && r.prefix !== '' && DOTTED_HEAD.test(s.value)) {
          // Stop 47: the caller's string is only the head of the name (lava's `"boot." + method`): any module of that package.
          const pkg = r.prefix + s.value.slice(0, -1);
          if (!isModuleName(pkg)) continue;
          const label = `named in ${a.file}:${s.line} as "${s.value}" (the head of a name computed at run time), loaded by ${where} through ${what}, which imports ${r.prefix}<its ${param}>: any module of ${pkg} may be the one loaded`;
          for (const c of packageChildren(ctx, pkg, a.file, true)) push(c.target, 'file', s.line, c.init ? `run before the modules of ${pkg} that ${where} loads (a package runs before its modules)` : label);
          continue;
        }
        const name = r.prefix + s.value;
        if (!isModuleName(name) || (dottedOnly && !name.includes('.'))) continue;
        if (r.role === 'module' && r.wild === true) {
          const pkg = name + (r.suffix ?? '');
          if (!isModuleName(pkg)) continue;
          // Stop 54: `import_class(ns + "." + name)`: a value naming a plain module is the one holding the class.
          const plain = r.attr === true ? ctx.module(pkg, dirname(a.file)) : [];
          if (plain.length > 0 && basename(plain[0]) !== '__init__.py') {
            pushModule(pkg, s.line, `named in ${a.file}:${s.line} as "${s.value}", loaded by ${where} through ${what}, which imports an attribute of the module its ${param} names (${r.prefix}<its ${param}>${r.suffix ?? ''}.<a computed name>)`);
            continue;
          }
          const label = `named in ${a.file}:${s.line} as "${s.value}", loaded by ${where} through ${what}, which imports a module of ${pkg} it names from its ${param}: any module of ${pkg} may be the one loaded`;
          for (const c of packageChildren(ctx, pkg, a.file, true)) push(c.target, 'file', s.line, c.init ? `run before the modules of ${pkg} that ${where} loads (a package runs before its modules)` : label);
        } else if (r.role === 'module') {
          const full = name + (r.suffix ?? '');
          if (!isModuleName(full)) continue;
          pushModule(full, s.line, `named in ${a.file}:${s.line} as "${s.value}", loaded by ${where} through ${what}, which imports its ${param}`);
        } else {
          const listed = packageModules(ctx, name, a.file);
          if (listed === null) continue;
          const label = `named in ${a.file}:${s.line} as "${s.value}", loaded by ${where} through ${what}, which imports every module of its package ${param} (${name})`;
          for (const target of listed.files) push(target, 'file', s.line, label);
          // Importing a module of the package runs the package's own __init__.py and those above it first.
          for (const init of listed.inits) push(init, 'file', s.line, `run before the modules of ${name} that ${where} loads (a package runs before its modules)`);
        }
      }
      // Stop 66: a string that could be no piece of a module name (`tag.replace('-', '_')` above the call,
      // docutils/languages/__init__.py:67) names nothing, so the name is still known only at run time.
      // Review 1 of Stop 54: a loader that imports a name under its package (`_importext(name)` over
      // `_importh(b"hgext.%s" % name)`), handed a name that settles to nothing here (mercurial's `loadall`
      // hands the names of its config): any module of that package may be the one loaded, as prefixed-imports
      // reads a direct `__import__("hgext.%s" % name)`. A value the caller's own callers hand (a parameter,
      // `self.X`) is settled there; a method matched by its name alone opens nothing.
      const pkg = r.prefix.slice(0, -1);
      if (opens && !looked && !arg.strings.some((s) => namePiece(s.value)) && !arg.each && (arg.direct === null || !isParamOrAttr(fn, arg.direct)) && r.role === 'module' && r.prefix.endsWith('.') && isModuleName(pkg)
        && r.suffix === undefined && r.wild !== true && r.object === undefined && r.key === undefined && r.attr !== true && r.template === undefined) {
        const label = `imported by a computed name under ${pkg}: ${where} hands ${arg.text.replace(/\s+/g, ' ')} (a name known only at run time) to ${what} as its ${param}, which imports ${r.prefix}<its ${param}>: any module of ${pkg} may be the one loaded`;
        for (const c of packageChildren(ctx, pkg, a.file, true)) push(c.target, 'file', line, c.init ? `run before the modules of ${pkg} that ${where} loads (a package runs before its modules)` : label);
        if (r.loopAttr !== undefined) subclassEdges(r.loopAttr, `${where} hands ${arg.text.replace(/\s+/g, ' ')} (a name known only at run time) to ${what} as its ${param}`);
      }
    };
    /** Stop 66: the packages subclasses give the attribute the loader loops over, each an edge from the subclass's file. */
    const subclassEdges = (from: NonNullable<RoleOf['loopAttr']>, handed: string): void => {
      const key = `${from.file}\0${from.className}\0${from.attr}`;
      if (subclassesDone.has(key)) return;
      subclassesDone.add(key);
      for (const s of subclassPrefixes(ctx, from.file, from.className, from.attr)) {
        const pkg = s.prefix.slice(0, -1);
        if (!isModuleName(pkg)) continue;
        const label = `imported by a computed name under ${pkg}: ${s.className} (${s.file}:${s.line}) sets ${from.attr} to '${s.prefix}', which ${from.className}'s loader loops over, and ${handed}: any module of ${pkg} may be the one loaded`;
        for (const c of packageChildren(ctx, pkg, s.file, true)) {
          if (c.target !== s.file) out.references.push({ from: s.file, target: c.target, targetKind: 'file', line: s.line, label: c.init ? `run before the modules of ${pkg} that ${s.className} (${s.file}:${s.line}) loads (a package runs before its modules)` : label });
        }
      }
    };
    /** What a pkgutil listing of the package in `folder` imports: `_private` modules too unless the loader skips them. */
    const listedModules = (skipsPrivate: boolean, folder: string, walk: boolean): string[] => {
      const all = loadedFiles(byFolder, subfolders, { folder, mode: walk ? 'walk' : 'packages' });
      return skipsPrivate ? all.filter((f) => !listedName(f).startsWith('_')) : all;
    };
    /**
     * Stop 48: the packages a caller names for a loader that takes `sys.modules[name]`: its literal
     * strings (each of a list with `each`), or `__name__` in a package's own `__init__.py`.
     */
    const packageNames = (file: string, arg: ArgShape, each: boolean): { dotted: string; init: string | null }[] => {
      const text = arg.text.trim();
      if (text === '__name__' && !each) return basename(file) === '__init__.py' ? [{ dotted: '__name__', init: file }] : [];
      if (!each && literalValue(text) === null) return [];
      return arg.strings.filter((s) => isModuleName(s.value)).map((s) => ({ dotted: s.value, init: ctx.module(s.value, dirname(file))[0] ?? null }));
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
          for (const r of roles) settle(fn, value, call.word === '@add' ? { ...r, each: false } : r, { line: call.line, where, what, param: call.callee, skipModule: false });
          continue;
        }
        const loader = resolveCall(a, fn, call, idx);
        if (loader === undefined || loader.lister || (loader.file === a.file && loader.fn === fn)) continue;
        if (fn.name !== '' && fn.defLine > 1 && patchesLoading(text, (starts ??= lineStarts(text)), fn.defLine, loader.fn.name)) continue;
        if (fn.name !== '' && classPatchesLoading(text, (starts ??= lineStarts(text)), fn, loader.fn.name)) continue;
        if (fn.name !== '' && patchedAround(text, (starts ??= lineStarts(text)), fn.defLine, call.line, loader.fn.name)) continue;
        // Review 1 of Stop 54: a method reached through an object other than self/cls is matched by its name alone (resolveCall).
        const byName = loader.fn.className !== null && loader.fn.name !== '__init__' && call.callee !== '' && !/^(?:self|cls)\./.test(call.callee) && call.callee.includes('.');
        const where = `${call.callee === '' ? `${call.word}` : call.callee}() at ${a.file}:${call.line}`;
        const what = `${loader.fn.className === null ? '' : `${loader.fn.className}.`}${loader.fn.name}() (${loader.file}:${loader.fn.defLine})`;
        for (const [index, roles] of loader.roles) {
          const param = loader.fn.params[index];
          // A module-level function around its own import_module(param): string-modules follows its callers.
          // Stop 53: not when that import_class is a repo alias (`utils.import_class`, trove's common/utils.py:42), which string-modules never reads as a load.
          const held = analysed.get(loader.file);
          const skipModule = loader.fn.className === null && realModuleArg(loader.fn, param) && !(held !== undefined && loader.fn.calls.some((c) => c.positional[0]?.direct === param && resolveCall(held, loader.fn, c, idx) !== undefined));
          // Stop 48: a `*args` parameter takes each positional argument from its place on as one item.
          const starred = isStar(loader.fn, index);
          // config-defaults reads an option handed to a loader called by such a name (`utils.import_class(CONF.x)`).
          const optionsRead = !CONFIG_LOADS.has(call.word);
          for (const arg of loaderArguments(call, loader, index)) for (const r of roles) settle(fn, arg, starred ? { ...r, each: false } : r, { line: call.line, where, what, param, skipModule, optionsRead, opens: !byName, sameFile: loader.file === a.file });
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