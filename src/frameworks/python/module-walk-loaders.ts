/**
 * Stop 62: a repo function that walks the modules of a package object with twisted.python.modules and
 * loads each: Twisted's own plugin loader, twisted/plugin.py:
 *
 *     def getCache(module):
 *         mod = getModule(module.__name__)            # :131
 *         for plugmod in mod.iterModules(): …          # :133
 *             provider = pluginModule.load()           # :158
 *     def getPlugins(interface, package=None):
 *         if package is None:
 *             package = _pluginsPackage()              # :213, `import twisted.plugins as package; return package`
 *         allDropins = getCache(package)               # :214
 *
 * twistd finds its subcommands (`twistd web`, `twistd ftp`, …) and trial its reporters this way: every
 * module of twisted/plugins/ is loaded, whatever interface is asked for. The package is settled where
 * the walker is called: a name the calling def assigns from a repo function that imports a package and
 * returns it (`_pluginsPackage()`), a name the calling def imports (`import a.b as package`), or a
 * package the calling file imports at its top. A package handed in at run time settles to nothing.
 * Gate: only files whose imports take `getModule` from twisted.python.modules are read; callers in the
 * walker's own file or in files whose imports bind its module or name.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { basename, dirname } from '../../util/path.js';
import { callArguments } from './call-text.js';
import { importIndex, moduleFile, fromName } from './python-files.js';
import { childrenIn } from './prefixed-imports.js';
import { codeCallsOf, topLevelDefs } from './search-path-loaders.js';
import { escapeRegExp } from '../../util/regexp.js';

interface Walker {
  file: string;
  name: string;
  line: number;
  param: number;
  params: string[];
  /** Where the walk and the load stand, shown. */
  shown: string;
}

const takesGetModule = (ctx: FrameworkContext, file: string): boolean =>
  // The name first: a string compare per imported name, the specifier's pattern only for a `getModule`.
  (ctx.facts(file)?.imports ?? []).some((i) => i.names.some((n) => n.name === 'getModule') && /(?:^|\.)python\.modules$/.test(i.specifier));

/** The walkers a file defines: `M = getModule(P.__name__)`, `for x in M.iterModules():` (or walkModules), and a `.load()` in the def. */
export const moduleWalkers = (file: string, text: string): Walker[] => {
  const out: Walker[] = [];
  for (const d of topLevelDefs(text)) {
    const got = /^[ \t]+([A-Za-z_]\w*)[ \t]*=[ \t]*getModule\(\s*([A-Za-z_]\w*)\.__name__\s*\)/m.exec(d.body);
    if (got === null) continue;
    const param = d.params.indexOf(got[2]);
    if (param < 0) continue;
    const walk = new RegExp(String.raw`^[ \t]+for[ \t]+[A-Za-z_]\w*[ \t]+in[ \t]+${escapeRegExp(got[1])}\.(?:iterModules|walkModules)\(\s*\)`, 'm').exec(d.body);
    const load = /\.load\(\s*\)/.exec(d.body);
    if (walk === null || load === null) continue;
    const at = (i: number): number => lineAt(text, d.start + i);
    out.push({ file, name: d.name, line: d.line, param, params: d.params, shown: `${got[1]}.${walk[0].includes('walk') ? 'walkModules' : 'iterModules'}() over getModule(${got[2]}.__name__) at line ${at(walk.index)}, each loaded at line ${at(load.index)}` });
  }
  return out;
};

/** The package folder a repo function returns after importing it (`import twisted.plugins as package` then `return package`), or null. */
const returnedPackage = (ctx: FrameworkContext, file: string, text: string, name: string): { folder: string; module: string } | null => {
  const d = topLevelDefs(text).find((x) => x.name === name);
  if (d === undefined) return null;
  const imported = /^[ \t]+import[ \t]+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)[ \t]+as[ \t]+([A-Za-z_]\w*)[ \t]*$/m.exec(d.body) ?? /^[ \t]+from[ \t]+([A-Za-z_][\w.]*)[ \t]+import[ \t]+([A-Za-z_]\w*)[ \t]*$/m.exec(d.body);
  if (imported === null) return null;
  const module = imported[0].trimStart().startsWith('from') ? fromName(imported[1], imported[2]) : imported[1];
  if (!new RegExp(String.raw`^[ \t]+return[ \t]+${escapeRegExp(imported[2])}[ \t]*$`, 'm').test(d.body)) return null;
  const init = moduleFile(ctx, file, module);
  return init !== null && basename(init) === '__init__.py' ? { folder: dirname(init), module } : null;
};

/** The package a caller's argument names: assigned in the calling def from a function returning an imported package, or imported. */
const settleArgument = (ctx: FrameworkContext, caller: string, text: string, body: string, arg: string): { folder: string; shown: string } | null => {
  if (!/^[A-Za-z_]\w*$/.test(arg)) return null;
  const a = escapeRegExp(arg);
  const assigned = new RegExp(String.raw`^[ \t]+${a}[ \t]*=[ \t]*([A-Za-z_]\w*)\(\s*\)[ \t]*$`, 'm').exec(body);
  if (assigned !== null) {
    const r = returnedPackage(ctx, caller, text, assigned[1]);
    return r === null ? null : { folder: r.folder, shown: `${arg} = ${assigned[1]}(), which imports ${r.module}` };
  }
  const imported = new RegExp(String.raw`^[ \t]+import[ \t]+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)[ \t]+as[ \t]+${a}[ \t]*$`, 'm').exec(body);
  const module = imported?.[1] ?? null;
  if (module !== null) {
    const init = moduleFile(ctx, caller, module);
    return init !== null && basename(init) === '__init__.py' ? { folder: dirname(init), shown: `${arg}, ${module} as its def imports it` } : null;
  }
  return null;
};

/**
 * The .py files whose imports take `getModule` from twisted.python.modules, in the scan's file order: the
 * import index's files that list the name `getModule` (one map lookup; a walk of every file's imports cost
 * 6.6-7.4 ms on saleor), each then asked takesGetModule.
 */
const getModuleTakers = (ctx: FrameworkContext): string[] => {
  const { byFromName, byOtherName } = importIndex(ctx);
  const from = byFromName.get('getModule') ?? [];
  const other = byOtherName.get('getModule') ?? [];
  // Each list is in the scan's file order already; both at once (rare) are put back in it.
  const listed = other.length === 0 ? from : from.length === 0 ? other : listedPaths(ctx.files).filter((f) => from.includes(f) || other.includes(f));
  return listed.filter((f) => takesGetModule(ctx, f));
};

const collectModuleWalks = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const takers = getModuleTakers(ctx);
  if (takers.length === 0) return out;
  const python = listedPaths(ctx.files).filter((f) => f.endsWith('.py'));
  const walkers: Walker[] = [];
  for (const f of takers) {
    const text = ctx.readText(f);
    if (text !== null) walkers.push(...moduleWalkers(f, text));
  }
  const seen = new Set<string>();
  for (const w of walkers) {
    for (const { caller, text, calls } of codeCallsOf(ctx, python, w.file, w.name)) {
      const defs = topLevelDefs(text);
      for (const m of calls) {
        const args = callArguments(text, m.index + m[0].length - 1);
        const arg = args?.[w.param];
        const def = defs.find((d) => d.start <= m.index && m.index < d.end);
        if (arg === undefined || def === undefined) continue;
        const settled = settleArgument(ctx, caller, text, def.body, arg.trim());
        if (settled === null) continue;
        const line = lineAt(text, m.index);
        const where = `${settled.folder === '' ? '.' : settled.folder}/`;
        const label = `loaded by ${w.file}:${w.line} ${w.name} (${w.shown}) over the package ${caller}:${line} hands it (${settled.shown}): every module of ${where} is walked and loaded`;
        const initLabel = `run before the modules of ${where} that ${w.file}:${w.line} ${w.name} walks and loads (a package runs before its modules)`;
        for (const c of childrenIn(ctx, settled.folder, () => true)) {
          const key = `${caller}\0${c.target}`;
          if (c.target === caller || seen.has(key)) continue;
          seen.add(key);
          out.references.push({ from: caller, target: c.target, targetKind: 'file', line, label: c.init ? initLabel : label });
        }
      }
    }
  }
  return out;
};

/** On when a .py file takes `getModule` from twisted.python.modules. */
const enabledBy = (ctx: FrameworkContext): string | null => {
  const first = getModuleTakers(ctx)[0];
  return first === undefined ? null : `${first} imports getModule from twisted.python.modules`;
};

const reader: FrameworkReader = {
  id: 'module-walk-loaders',
  title: 'Python loaders that walk a package with twisted.python.modules and load each module',
  ecosystem: 'python',
  enabledBy,
  collect: collectModuleWalks,
};

export default reader;
