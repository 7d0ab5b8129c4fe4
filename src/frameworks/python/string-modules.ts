/**
 * Modules named by strings and loaded by a computed import in the same file: a registry loop
 * `for name in RUNNERS: importlib.import_module(name)`, `import_string(setting)` with a literal
 * list above it, an `os.environ.get("X", "pkg.mod")` default fed to `__import__`. Only a file that
 * both makes a computed import and holds literal dotted strings naming repo modules gives edges,
 * each labelled with the string's line and the import's.
 *
 * The strings may also live in a module the loading file imports and names beside the call: a
 * reusable app's own defaults, read through it (django-debug-toolbar's toolbar.py:
 * `import_string(panel_path) for panel_path in dt_settings.get_panels()`, where
 * `from debug_toolbar import settings as dt_settings` and settings.py lists `PANELS_DEFAULTS =
 * ["debug_toolbar.panels.sql.SQLPanel", …]`). Only that module's settings (UPPER_CASE
 * assignments) are read, and only when its local name appears within the call's statement or the
 * three lines above it.
 *
 * A repo's own loader function counts as such a call where other modules call it: gunicorn's
 * `util.load_class(uri)` ends in `importlib.import_module(…)` of a name split from `uri`
 * (loader-functions.ts finds it), so config.py's `util.load_class(uri)` loads what is assigned to
 * `uri` there. From a caller only what flows into the call counts, not the file's other strings;
 * and a setting that a computed import's name is built from (`SUPPORTED_WORKERS`, imported by
 * name from gunicorn.workers) gives that setting's strings.
 *
 * The builtin `__import__` needs no import: a tree whose only computed imports are builtin ones
 * (xpra: `from xpra.platform.features import CLIENT_MODULES`, then `for client_module in
 * CLIENT_MODULES: __import__(client_module, …)` in make_client()) turns the reader on too, through
 * extraction's computed-import lines; its loops are read as any loader function's.
 */
import { listedPaths, sortedPaths } from '../../util/file-index.js';
import type { FileFacts, ImportFact } from '../../model/facts.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName } from '../strings.js';
import { settingStrings } from './setting-strings.js';
import { asksImport, assignmentAbove, fromName, importIndex, importQuestion, moduleFile, type ImportIndex } from './python-files.js';
import { OSLO_IMPORTUTILS, fileLoads, moduleFunctionLoadsOf, type FunctionLoad } from './loader-functions.js';
import { nameOrigin } from './reexports.js';
import { lineAt, lineCounter, lineStarts } from '../../util/lines.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { callArgs, findTop, isOp, matchClose, nameText, splitTop, unwrap } from '../../languages/python/ranges.js';
import { stringValue } from '../../languages/python/literals.js';
import { childTemplateOf, moduleConstants, templateChildren } from './prefixed-imports.js';
import { basename, dirname } from '../../util/path.js';
import { alternation, BY_NAME_LOADS, callPattern, IMPORTLIB_LOADS, OSLO_TRY_LOADS } from '../../languages/python/loader-names.js';

/** kombu's imports module and celery's re-export of it: `imports.symbol_by_name(…)` called through the module. */
const KOMBU_IMPORTS = ['kombu.utils.imports', 'celery.utils.imports'];
const LOADERS = new Set(['importlib', 'importlib.metadata', 'django.utils.module_loading', 'pkg_resources', 'werkzeug.utils', 'twisted.python.reflect', OSLO_IMPORTUTILS, ...KOMBU_IMPORTS]);
/**
 * `symbol_by_name` is a common name (a repo's own symbol table has one): it is kombu's loader only
 * from these modules, or from celery's own `.imports` inside celery (review 3, finding 3).
 */
const KOMBU_SPECIFIERS: ReadonlySet<string> = new Set([...KOMBU_IMPORTS, 'kombu.utils', 'celery.utils']);
const kombuLoader = (path: string, specifier: string): boolean =>
  KOMBU_SPECIFIERS.has(specifier) || (/^\.+(?:utils\.)?imports$/.test(specifier) && /(?:^|\/)celery\//.test(path));
/** Loader functions imported by name (`from importlib import import_module`, `from twisted.python.reflect import namedObject`). */
const LOADER_NAMES: ReadonlySet<string> = new Set(BY_NAME_LOADS.filter((n) => n !== '__import__'));
/**
 * A call that loads a module by a name computed at run time (its first argument is not a literal):
 * importlib's, Django's and werkzeug's, pkg_resources', Twisted's `reflect.namedAny`/`namedObject`/
 * `namedModule`/`namedClass` (buildbot loads its subcommands, data and mq classes so), pkgutil's `resolve_name`.
 */
const COMPUTED_LOAD = new RegExp(String.raw`\b(?:${alternation([...BY_NAME_LOADS, 'load_entry_point'])})\(\s*(?!["')\s])`);

const COMPUTED_LOADS = new RegExp(COMPUTED_LOAD.source, 'g');
/** A setting as Django and its apps name them: UPPER_CASE. */
const SETTING_NAME = /^[A-Z][A-Z0-9_]*$/;
/** How far above a computed load a name it reads through may stand (`x = dt_settings.get_config()[…]` then the call). */
const LINES_ABOVE = 3;


/** `from S import name`: the dotted name of what it imports. */

/** Repo modules the file imports, by the local name they are bound to (`settings as dt_settings` → dt_settings). */
const importedModules = (ctx: FrameworkContext, path: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const i of ctx.facts(path)?.imports ?? []) {
    const bind = (local: string, dotted: string): void => {
      // `from pkg import NAME` names an attribute: no module file, nothing bound.
      const file = moduleFile(ctx, path, dotted);
      if (file !== null && file !== path) out.set(local, file);
    };
    if (i.syntax === 'from') for (const n of i.names) if (n.name !== '*') bind(n.alias ?? n.name, fromName(i.specifier, n.name));
    if (i.syntax === 'import' && i.alias) bind(i.alias, i.specifier);
  }
  return out;
};

/**
 * Whether an import names a module in `specifiers` (as written) or imports a name in `names`.
 * Every Python file of the scan is asked this twice (does it import an importlib-like loader; may
 * it import a repo loader): one function for both, so that the second pass runs compiled code.
 */
const importsAny = (imports: readonly ImportFact[], names: ReadonlySet<string>, specifiers: ReadonlySet<string>): boolean => {
  for (let k = 0; k < imports.length; k++) {
    const i = imports[k];
    if (specifiers.has(i.specifier)) return true;
    const list = i.names;
    for (let j = 0; j < list.length; j++) if (names.has(list[j].name)) return true;
  }
  return false;
};
/** The files of `index` that importsAny says yes for: importers of a specifier in `specifiers` or of a name in `names` (either kind of import). */
const importersOfAny = (index: ImportIndex, names: ReadonlySet<string>, specifiers: ReadonlySet<string>): Set<string> => {
  const out = new Set<string>();
  const add = (files: readonly string[] | undefined): void => {
    for (const f of files ?? []) out.add(f);
  };
  for (const s of specifiers) add(index.bySpecifier.get(s));
  for (const n of names) {
    add(index.byFromName.get(n));
    add(index.byOtherName.get(n));
  }
  return out;
};
const LOADER_WORDS = new Set([...LOADER_NAMES, 'reflect', 'importutils', 'imports']);

/** importsLoader's first test and importsOsloDb's, asked of every .py file in the scan's one walk of the imports (python-files importQuestion). */
const MAY_LOAD = importQuestion(LOADERS, LOADER_WORDS);
const MAY_OSLO_DB = importQuestion(['oslo_db.api', 'oslo_db'], []);

/** The imports bring in an importlib-like loader. */
const importsLoader = (path: string, imports: readonly ImportFact[]): boolean => {
  if (!importsAny(imports, LOADER_WORDS, LOADERS)) return false;
  for (let k = 0; k < imports.length; k++) {
    const i = imports[k];
    if (LOADERS.has(i.specifier)) return true;
    // A loader function by name, or a loader module by name (`from twisted.python import reflect`, `from oslo_utils import importutils`).
    for (let j = 0; j < i.names.length; j++) {
      const name = i.names[j].name;
      if (name === 'symbol_by_name' ? kombuLoader(path, i.specifier) : LOADER_NAMES.has(name) || LOADERS.has(fromName(i.specifier, name))) return true;
    }
  }
  return false;
};

/** Whether string-modules reads every dotted string of the file as a name its computed import may load (it imports an importlib-like loader). */
export const loadsByName = (ctx: FrameworkContext, path: string): boolean => {
  const facts = ctx.facts(path);
  return facts !== undefined && path.endsWith('.py') && importsLoader(path, facts.imports);
};

/** A module-level function of a repo file that imports a module named by one of its parameters. */
interface Loader {
  file: string;
  load: FunctionLoad;
}

/** Loaders found so far: by file and name, and the names an import binding one may use (`util`, `load_class`), to test imports against cheaply. */
interface Loaders {
  byFile: Map<string, Map<string, FunctionLoad>>;
  /** The loaders' own names and their modules' last names (`load_class`, `util`; a package's folder for `__init__.py`). */
  watch: Set<string>;
  /** Each module's last name with a dot before it (`.util`), for `import pkg.util`. */
  dottedStems: string[];
  /** The dotted names a loader's module may be imported by (`util`, `gunicorn.util`, `dist-packages.gunicorn.util`: each tail of its path). */
  modules: Set<string>;
  /** Stop 45: the file that defines a loader held by a module re-exporting it (`from zim.utils import get_module`). */
  origins: Map<FunctionLoad, string>;
}

/** Binds `prefix.name` for each loader of the module `dotted` names, when that is a loader's file. */
const bindModule = (ctx: FrameworkContext, path: string, loaders: Loaders, prefix: string, dotted: string, out: Map<string, Loader>): void => {
  const file = moduleFile(ctx, path, dotted);
  const held = file === null || file === path ? undefined : loaders.byFile.get(file);
  if (held) for (const [name, load] of held) out.set(`${prefix}.${name}`, { file: file!, load });
};

/**
 * Stop 66: a file's own module-level loaders are callees too (pygments/lexers/__init__.py:
 * `for module_name, … in LEXERS.values(): _load_lexers(module_name)`, where `_load_lexers` is
 * `__import__(module_name, …)` at line 33 and LEXERS is imported by name from lexers/_mapping.py).
 * Only a loader that imports what it is given counts (`whole`): one that adds a prefix is
 * loader-wrappers' (stop 47). From such a call only an UPPER_CASE setting imported by name counts:
 * loader-wrappers reads the literals of same-file calls already (stop 65).
 */
const withOwnLoaders = (imported: Map<string, Loader> | null, path: string, own: readonly FunctionLoad[] | undefined): Map<string, Loader> | null => {
  if (own === undefined) return imported;
  let out = imported;
  for (const load of own) {
    if (!load.topLevel || load.parameter === null || !load.whole || out?.has(load.name)) continue;
    (out ??= new Map()).set(load.name, { file: path, load });
  }
  return out;
};

/**
 * The loaders a file may call, by the name it calls them by (`util.load_class`, `load_class`), from
 * its imports; null for none. Every Python file of the scan is asked: plain loops, one set lookup
 * per imported name, and a module is resolved only when a name could be a loader's or its module's.
 */
const loaderCallees = (ctx: FrameworkContext, path: string, imports: readonly ImportFact[], loaders: Loaders): Map<string, Loader> | null => {
  let out: Map<string, Loader> | null = null;
  for (let k = 0; k < imports.length; k++) {
    const i = imports[k];
    const names = i.names;
    for (let j = 0; j < names.length; j++) {
      const n = names[j];
      if (!loaders.watch.has(n.name) || i.syntax !== 'from') continue;
      const local = n.alias ?? n.name;
      const file = moduleFile(ctx, path, i.specifier);
      const load = file === null || file === path ? undefined : loaders.byFile.get(file)?.get(n.name);
      if (load) (out ??= new Map()).set(local, { file: file!, load });
      bindModule(ctx, path, loaders, local, fromName(i.specifier, n.name), (out ??= new Map()));
    }
    if (names.length > 0 || i.syntax !== 'import') continue;
    const spec = i.specifier;
    for (let d = 0; d < loaders.dottedStems.length; d++) {
      const stem = loaders.dottedStems[d];
      if (spec.endsWith(stem) || spec === stem.slice(1)) {
        bindModule(ctx, path, loaders, i.alias ?? spec, spec, (out ??= new Map()));
        break;
      }
    }
  }
  return out === null || out.size === 0 ? null : out;
};

/** `from S import NAME` of an UPPER_CASE name: the repo module holding it, by the local name, when S is a repo module and S.NAME is none. */
const importedSettings = (ctx: FrameworkContext, path: string): Map<string, { holder: string; setting: string }> => {
  const out = new Map<string, { holder: string; setting: string }>();
  for (const i of ctx.facts(path)?.imports ?? []) {
    if (i.syntax !== 'from') continue;
    for (const n of i.names) {
      if (!SETTING_NAME.test(n.name)) continue;
      const holder = moduleFile(ctx, path, i.specifier);
      if (holder === null || holder === path || moduleFile(ctx, path, fromName(i.specifier, n.name)) !== null) continue;
      out.set(n.alias ?? n.name, { holder, setting: n.name });
    }
  }
  return out;
};

const dotted = (value: string): boolean => value.includes('.') && isDottedName(value);

/**
 * Stop 48: a loader handed a literal dotted path, whole or in adjacent pieces (cinder's
 * `importutils.import_object("cinder.zonemanager.drivers.brocade." "brcd_fc_zone_connector_factory."
 * "BrcdFCZoneFactory")`, Django's `import_string("app.backends.Mail")`, `resolve_name("pkg.mod:attr")`).
 * Read from tokens, so a call in a comment or a docstring (commented-out code is what dead code looks
 * like) is none. importlib's `import_module` and `__import__` of a literal are imports extraction
 * reads already; oslo's `importutils.import_module("a.b")` and `try_import("a.b")` are read here.
 */
const LITERAL_LOADERS: ReadonlySet<string> = new Set(BY_NAME_LOADS.filter((n) => !(IMPORTLIB_LOADS as readonly string[]).includes(n)));
/** oslo importutils' loaders of a module (not a class), read here only through `importutils.`. */
const OSLO_MODULE_LOADERS: ReadonlySet<string> = new Set(['import_module', ...OSLO_TRY_LOADS]);
const LITERAL_WORDS = callPattern([...LITERAL_LOADERS, ...OSLO_MODULE_LOADERS]);
/** Literal loads (and computed loads read for the modules beside them) per file: a hostile file of thousands costs no more than this many. */
const MAX_LITERAL_LOADS = 500;

/** The literal dotted paths a file's loader calls are handed, with their lines (`pkg.mod:attr` read as `pkg.mod.attr`). */
const literalLoads = (text: string): { value: string; line: number; call: string }[] => {
  if (!LITERAL_WORDS.test(text)) return [];
  const t = tokenize(text);
  const out: { value: string; line: number; call: string }[] = [];
  for (let i = 0; i + 1 < t.count && out.length < MAX_LITERAL_LOADS; i++) {
    if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen)) continue;
    const name = nameText(t, i);
    const oslo = OSLO_MODULE_LOADERS.has(name);
    if (!LITERAL_LOADERS.has(name) && !oslo) continue;
    // `importutils.import_module(…)`: another receiver's import_module is importlib's (extraction's) or none.
    if (oslo && !(i >= 2 && isOp(t, i - 1, Op.Dot) && t.kind[i - 2] === Kind.Name && nameText(t, i - 2) === 'importutils')) continue;
    const args = callArgs(t, i + 1, t.count);
    const first = args?.positional[0];
    if (first === undefined) continue;
    const [s, e] = unwrap(t, first[0], first[1]);
    const literal = stringValue(t, s, e);
    const value = literal === null ? null : /^[\w.]+:[\w.]+$/.test(literal) ? literal.replace(':', '.') : literal;
    if (value !== null && dotted(value)) out.push({ value, line: t.line[s], call: name });
  }
  return out;
};

/**
 * Stop 50: oslo.db's `DBAPI(name, backend_mapping={...})` and `DBAPI.from_config(conf, backend_mapping=…)`
 * import the module the mapping gives for the configured backend (oslo_db/api.py:
 * `importutils.import_module(self._backend_mapping.get(name, name))`); ironic's db/api.py:
 * `_BACKEND_MAPPING = {'sqlalchemy': 'ironic.db.sqlalchemy.api'}` then
 * `db_api.DBAPI.from_config(cfg.CONF, backend_mapping=_BACKEND_MAPPING, lazy=True)`. Each literal
 * dotted value of the mapping (a dict literal in the call, or a module-level dict literal the call
 * names) is a load from the file, at the value's line. Only a file importing oslo_db is read.
 */
const importsOsloDb = (imports: readonly ImportFact[]): boolean =>
  imports.some((i) => i.specifier === 'oslo_db.api' || (i.specifier === 'oslo_db' && i.names.some((n) => n.name === 'api')));

const backendMappingLoads = (text: string): { value: string; line: number; call: string }[] => {
  if (!text.includes('backend_mapping') || !text.includes('DBAPI')) return [];
  const t = tokenize(text);
  const out: { value: string; line: number; call: string }[] = [];
  /** Module-level `NAME = {…}` dict literals, by name, in file order: indexed once per file on the first call that names one. */
  let dicts: Map<string, { at: number; range: [number, number] }[]> | null = null;
  const indexDicts = (): Map<string, { at: number; range: [number, number] }[]> => {
    const byName = new Map<string, { at: number; range: [number, number] }[]>();
    for (let j = 0; j + 2 < t.count; j++) {
      if (t.kind[j] !== Kind.Name || t.depth[j] !== 0 || !isOp(t, j + 1, Op.Assign) || !isOp(t, j + 2, Op.LBrace)) continue;
      if (t.start[j] > 0 && text[t.start[j] - 1] !== '\n') continue; // a module-level statement starts its line
      const close = matchClose(t, j + 2, t.count);
      if (close <= 0) continue;
      const name = nameText(t, j);
      (byName.get(name) ?? byName.set(name, []).get(name)!).push({ at: j, range: [j + 2, close] });
    }
    return byName;
  };
  /** The dict literal [open, close] a module-level `NAME = {…}` assigns, the last one above `before`. */
  const moduleDict = (name: string, before: number): [number, number] | null => {
    dicts ??= indexDicts();
    // The last one above `before`, by binary search (a hostile file may assign the name thousands of times).
    const list = dicts.get(name) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].at + 2 < before) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1].range : null;
  };
  for (let i = 0; i + 1 < t.count && out.length < MAX_LITERAL_LOADS; i++) {
    if (t.kind[i] !== Kind.Name || nameText(t, i) !== 'DBAPI') continue;
    // `DBAPI(…)` or `DBAPI.from_config(…)`.
    const open = isOp(t, i + 1, Op.LParen) ? i + 1 : isOp(t, i + 1, Op.Dot) && i + 3 < t.count && t.kind[i + 2] === Kind.Name && nameText(t, i + 2) === 'from_config' && isOp(t, i + 3, Op.LParen) ? i + 3 : -1;
    if (open < 0) continue;
    const arg = callArgs(t, open, t.count)?.keywords.get('backend_mapping');
    if (arg === undefined) continue;
    const [s, e] = unwrap(t, arg[0], arg[1]);
    const dict = e - s === 1 && t.kind[s] === Kind.Name ? moduleDict(nameText(t, s), i) : isOp(t, s, Op.LBrace) && matchClose(t, s, e) === e - 1 ? ([s, e - 1] as [number, number]) : null;
    if (dict === null) continue;
    const call = open === i + 1 ? 'DBAPI' : 'DBAPI.from_config';
    for (const [a, b] of splitTop(t, dict[0] + 1, dict[1])) {
      const colon = findTop(t, a, b, Op.Colon);
      if (colon < 0) continue;
      const [vs, ve] = unwrap(t, colon + 1, b);
      const value = stringValue(t, vs, ve);
      if (value !== null && dotted(value)) out.push({ value, line: t.line[vs], call });
    }
  }
  return out;
};

/** `pkg.mod.Name` where pkg.mod is a repo module file, not a package's `__init__.py`. */
const inModule = (ctx: FrameworkContext, path: string, value: string): boolean => {
  const dot = value.lastIndexOf('.');
  const file = dot < 0 ? undefined : ctx.module(value.slice(0, dot), dirname(path))[0];
  return file !== undefined && basename(file) !== '__init__.py';
};

/**
 * Records that module `path` holds the loader `load` under `name` (its own def, or one it imports by
 * name): its stem and dotted names are watched, so callers writing `stem.name(…)` are found.
 */
const holdLoader = (loaders: Loaders, path: string, name: string, load: FunctionLoad): void => {
  const held = loaders.byFile.get(path) ?? loaders.byFile.set(path, new Map()).get(path)!;
  if (!held.has(name)) held.set(name, load);
  const stem = basename(path) === '__init__.py' ? basename(dirname(path)) : basename(path).slice(0, -3);
  loaders.watch.add(stem);
  if (!loaders.dottedStems.includes(`.${stem}`)) loaders.dottedStems.push(`.${stem}`);
  const parts = (basename(path) === '__init__.py' ? dirname(path) : path.slice(0, -3)).split('/');
  for (let p = parts.length - 1; p >= 0; p--) loaders.modules.add(parts.slice(p).join('.'));
};

export const collectStringModules = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  /** Python files with their facts, and whether they import an importlib-like loader: asked once each. */
  const files: { path: string; facts: FileFacts; byName: boolean; osloDb: boolean }[] = [];
  for (const path of sortedPaths(ctx.files)) {
    const facts = path.endsWith('.py') ? ctx.facts(path) : undefined;
    if (facts !== undefined) files.push({ path, facts, byName: asksImport(ctx, MAY_LOAD, path) && importsLoader(path, facts.imports), osloDb: asksImport(ctx, MAY_OSLO_DB, path) && importsOsloDb(facts.imports) });
  }
  // Functions that make a computed import: only files whose facts show one are read.
  const loadsIn = new Map<string, FunctionLoad[]>();
  const loaders: Loaders = { byFile: new Map(), watch: new Set(), dottedStems: [], modules: new Set(), origins: new Map() };
  for (const { path, facts, byName } of files) {
    if (facts.computedImportLines === undefined && !byName) continue;
    const text = ctx.readText(path);
    if (text === null) continue;
    const loads = moduleFunctionLoadsOf(ctx, path, text);
    if (loads.length === 0) continue;
    loadsIn.set(path, loads);
    for (const load of loads) {
      if (!load.topLevel || load.parameter === null) continue;
      loaders.watch.add(load.name);
      holdLoader(loaders, path, load.name, load);
    }
  }
  // Stop 45: a module that binds a loader by name from the loader's own module holds it too (zim's
  // zim/plugins/__init__.py: `from zim.utils import get_module`, called as `zim.plugins.get_module(…)` in formats).
  // Stop 46: followed through re-exports to the module that defines the loader (reexports.ts' nameOrigin), so a
  // chain of two hops or more holds it whatever order the files come in (it had looked the first hop up in the
  // map this loop fills, so the second hop held it only when the middle module's path sorted first).
  if (loaders.byFile.size > 0) {
    const defined = new Map([...loaders.byFile].map(([file, held]) => [file, new Map(held)]));
    const loaderNames = new Set<string>();
    for (const held of defined.values()) for (const name of held.keys()) loaderNames.add(name);
    // Issue 19: only the files a `from` import of which lists a loader's name, from the scan's import index.
    const byFromName = importIndex(ctx).byFromName;
    const naming = new Set<string>();
    for (const name of loaderNames) for (const file of byFromName.get(name) ?? []) naming.add(file);
    for (const { path, facts } of files) {
      if (!naming.has(path)) continue;
      for (const i of facts.imports) {
        if (i.syntax !== 'from') continue;
        for (const n of i.names) {
          if (!loaderNames.has(n.name)) continue;
          const file = moduleFile(ctx, path, i.specifier);
          if (file === null || file === path) continue;
          const origin = nameOrigin(ctx, file, n.name);
          const load = origin.file === path ? undefined : defined.get(origin.file)?.get(origin.name);
          if (load === undefined || load.parameter === null) continue;
          if (!loaders.origins.has(load)) loaders.origins.set(load, origin.file);
          holdLoader(loaders, path, n.alias ?? n.name, load);
        }
      }
    }
  }
  /** A module holding settings → the computed loads that read through it. */
  const readers = new Map<string, string[]>();
  /** A module holding settings → the settings a computed import reads by name, with where. */
  const readByName = new Map<string, Map<string, string[]>>();
  const readSetting = (path: string, reads: readonly { name: string; line: number }[], site: (line: number) => string): void => {
    let settings: ReturnType<typeof importedSettings> | undefined;
    for (const r of reads) {
      if (!SETTING_NAME.test(r.name)) continue;
      settings ??= importedSettings(ctx, path);
      const imported = settings.get(r.name);
      if (!imported) continue;
      const byName = readByName.get(imported.holder) ?? readByName.set(imported.holder, new Map()).get(imported.holder)!;
      const sites = byName.get(imported.setting) ?? byName.set(imported.setting, []).get(imported.setting)!;
      sites.push(site(r.line));
    }
  };
  /** Files whose own dotted strings all count: a computed import of a name from a module importlib-like loaders handle. */
  const direct = new Set<string>();
  // The files importsAny says yes for (an import of a module in loaders.modules, or one listing a name in loaders.watch),
  // from the scan's import index: a walk of every file's imports and names for them was most of this loop (issue 19).
  const mayCall = loaders.byFile.size === 0 ? null : importersOfAny(importIndex(ctx), loaders.watch, loaders.modules);
  for (const { path, facts, byName, osloDb } of files) {
    const imported = mayCall === null || !mayCall.has(path) ? null : loaderCallees(ctx, path, facts.imports, loaders);
    const callees = withOwnLoaders(imported, path, loadsIn.get(path));
    if (!byName && callees === null && !osloDb) continue;
    const text = ctx.readText(path);
    if (text === null) continue;
    if (osloDb) {
      for (const l of backendMappingLoads(text)) out.references.push({ from: path, target: l.value, targetKind: 'module-attr', line: l.line, label: `named in ${path}:${l.line} as "${l.value}", a backend_mapping the oslo.db ${l.call}() call there imports` });
    }
    if (byName) {
      for (const l of literalLoads(text)) out.references.push({ from: path, target: l.value, targetKind: 'module-attr', line: l.line, label: `named in ${path}:${l.line} as "${l.value}", imported by the ${l.call}() call there` });
    }
    const call = byName ? COMPUTED_LOAD.exec(text) : null;
    if (call) {
      direct.add(path);
      const callLine = lineAt(text, call.index);
      for (const s of settingStrings(text)) {
        // Stop 48: a rename map's old name (`{'pkg.old.Driver': 'pkg.new.Driver'}`, cinder's MAPPING) is no load: its value is.
        if (!dotted(s.value) || (s.mapsTo !== undefined && dotted(s.mapsTo))) continue;
        out.references.push({ from: path, target: s.value, targetKind: 'module-attr', line: s.line, label: `named in ${path}:${s.line} as "${s.value}", loaded by the computed import at line ${callLine}` });
      }
      const modules = importedModules(ctx, path);
      if (modules.size > 0) {
        const lines = text.split('\n');
        const lineOf = lineCounter(text);
        const locals = [...modules].map(([local, holder]) => ({ local, holder, read: new RegExp(`(?<![\\w.])${local}\\s*\\.`) }));
        let count = 0;
        for (const m of text.matchAll(COMPUTED_LOADS)) {
          if (++count > MAX_LITERAL_LOADS) break;
          const line = lineOf(m.index);
          const near = lines.slice(Math.max(0, line - 1 - LINES_ABOVE), line + 1).join('\n');
          for (const { local, holder, read } of locals) {
            if (!read.test(near)) continue;
            const sites = readers.get(holder) ?? readers.set(holder, []).get(holder)!;
            sites.push(`${path}:${line} (through ${local})`);
          }
        }
      }
    }
    if (callees === null) continue;
    // A call to a repo loader is a computed import in this file: what flows into it is a module name.
    const seen = new Set<string>();
    let starts: number[] | undefined;
    let constants: Map<string, string> | undefined;
    const wanted = new Map([...callees].map(([callee, l]) => [callee, { parameter: l.load.parameter!, index: l.load.parameterIndex }]));
    for (const c of fileLoads(text, wanted).calls) {
      const loader = callees.get(c.callee)!;
      const how = `loaded by ${c.callee}() at line ${c.line} (${loaders.origins.get(loader.load) ?? loader.file}:${loader.load.defLine} imports its ${loader.load.parameter} by a computed name at line ${loader.load.loadLine})`;
      // The file's own loader: its literals and templates are loader-wrappers' (stop 65, same-file calls); only a setting read by name is this reader's.
      if (loader.file === path) {
        readSetting(path, c.reads, (line) => `${path}:${line}, ${how}`);
        continue;
      }
      if (!call) {
        // The parameter's argument names the module; another argument counts only as `pkg.mod.Class` of a repo module (load_class's `default=`), not as a group name (`section="gunicorn.loggers"`).
        for (const s of [...c.strings, ...c.others.filter((o) => inModule(ctx, path, o.value))]) {
          if (!dotted(s.value) || seen.has(`${s.line}\0${s.value}`)) continue;
          seen.add(`${s.line}\0${s.value}`);
          out.references.push({ from: path, target: s.value, targetKind: 'module-attr', line: s.line, label: `named in ${path}:${s.line} as "${s.value}", ${how}` });
        }
      }
      readSetting(path, c.reads, (line) => `${path}:${line}, ${how}`);
      // Stop 45: a constant package path and a computed child (`get_module('zim.formats.' + canonical_name(name))`,
      // or a name assigned one just above): any module of that package may be the one loaded.
      // Only when the loader imports exactly what it is given: one that adds a prefix or suffix loads elsewhere.
      if (!loader.load.whole) continue;
      const assigned = /^[A-Za-z_]\w*$/.test(c.text) ? assignmentAbove(text, (starts ??= lineStarts(text)), c.line, c.text) : null;
      const expression = assigned !== null ? assigned.value : /^[A-Za-z_]\w*$/.test(c.text) ? null : c.text;
      const template = expression === null || expression.length > 300 ? null : childTemplateOf(expression, (constants ??= moduleConstants(text)));
      if (template !== null && isDottedName(template.prefix) && !seen.has(`tpl\0${template.prefix}\0${template.tail}`)) {
        seen.add(`tpl\0${template.prefix}\0${template.tail}`);
        const shownAt = assigned === null ? expression! : `${c.text} = ${expression} at line ${assigned.line}`;
        const origin = loaders.origins.get(loader.load) ?? loader.file;
        const detail = `(${shownAt.replace(/\s+/g, ' ')}), through ${c.callee}(), which ${origin}:${loader.load.defLine} defines to import its ${loader.load.parameter} by a computed name (line ${loader.load.loadLine})`;
        for (const child of templateChildren(ctx, template, path, c.line, detail, `${c.callee}() at ${path}:${c.line} loads by a computed name`)) if (child.target !== path) out.references.push({ from: path, target: child.target, targetKind: 'file', line: c.line, label: child.label });
      }
    }
  }
  for (const [path, loads] of loadsIn) {
    for (const load of loads) {
      readSetting(path, load.reads, (line) => `${load.name}() in ${path}:${line}, imported by a computed name at line ${load.loadLine}`);
      // A loader's own defaults, where its file's strings do not all count already (`__import__` needs no import).
      if (direct.has(path) || !load.topLevel || load.parameter === null) continue;
      for (const d of load.defaults) {
        if (!dotted(d.value)) continue;
        out.references.push({ from: path, target: d.value, targetKind: 'module-attr', line: d.line, label: `named in ${path}:${d.line} as "${d.value}", a default of ${load.name}() (line ${load.defLine}), which imports its ${load.parameter} by a computed name at line ${load.loadLine}` });
      }
    }
  }
  // Which call reads which of a holder's settings is data flow: every call that reads through it is named.
  for (const [holder, sites] of readers) {
    const held = ctx.readText(holder);
    if (held === null) continue;
    for (const h of settingStrings(held)) {
      if (h.setting === null || !SETTING_NAME.test(h.setting) || !dotted(h.value)) continue;
      out.references.push({ from: holder, target: h.value, targetKind: 'module-attr', line: h.line, label: `named in ${h.setting} in ${holder}:${h.line} as "${h.value}", read by the computed import at ${sites.join(', ')}` });
    }
  }
  // A setting read by name is followed alone: its holder's other settings are not.
  for (const [holder, byName] of readByName) {
    const held = ctx.readText(holder);
    if (held === null) continue;
    for (const h of settingStrings(held)) {
      const sites = h.setting === null ? undefined : byName.get(h.setting);
      if (sites === undefined || !dotted(h.value)) continue;
      out.references.push({ from: holder, target: h.value, targetKind: 'module-attr', line: h.line, label: `named in ${h.setting} in ${holder}:${h.line} as "${h.value}", read by ${[...new Set(sites)].join('; ')}` });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'string-modules',
  title: 'modules named by strings and loaded by a computed import',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const path = listed[at];
      if (loadsByName(ctx, path)) return `${path} loads modules by name`;
      if (path.endsWith('.py') && importsOsloDb(ctx.facts(path)?.imports ?? [])) return `${path} imports oslo.db's DBAPI loader`;
      // A builtin `__import__(name)` needs no import: extraction saw its computed name.
      if (path.endsWith('.py') && ctx.facts(path)?.computedImportLines !== undefined) return `${path} imports a computed name`;
    }
    return null;
  },
  collect: collectStringModules,
};

export default reader;
