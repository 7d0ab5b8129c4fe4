/**
 * Plugins an installed distribution registers in its metadata: `entry_points.txt` in an
 * `<name>-<version>.egg-info/` or `.dist-info/` folder of a site-packages folder, or in an egg's
 * `EGG-INFO/` (deluge's `deluge/plugins/Label-0.3.egg/EGG-INFO/`). Each group other than the
 * console and GUI scripts (which a launcher runs: entry-point-scripts.ts) is what a host
 * application loads by the group's name (`importlib.metadata.entry_points(group=…)`,
 * `pkg_resources.iter_entry_points(…)`): `[certbot.plugins] nginx = certbot_nginx._internal.
 * configurator:NginxConfigurator`, buildbot's `[buildbot.steps]`, mkdocs' `[mkdocs.themes]`. The
 * module each names is a production entry, found from the folder the distribution is installed
 * in (the egg's own folder for EGG-INFO). A name that no repo module answers gives nothing.
 */
import { CONFIGPARSER } from '../../manifests/ini.js';
import { basename, dirname } from '../../util/path.js';
import { listedPaths, pathsInDir, pathsNamedLike } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { packageInits } from './python-files.js';
import { pathAssignments, pathValue, repoPathOf, splitCommas } from '../../languages/python/sys-path.js';
import { topLevelDefAround } from './loader-functions.js';
import { escapeRegExp } from '../../util/regexp.js';

/**
 * Run by a launcher script the installer writes, not loaded by a host. When the tree holds the
 * launcher, its import (or entry-point-scripts.ts, for easy_install's) carries the module; when it
 * does not (a Debian package whose commands ship in another .deb: python3-barbican's
 * `barbican-status = barbican.cmd.status:main`, whose /usr/bin/barbican-status is in
 * barbican-common), the metadata is the only record of the command, and the module it names is a
 * production entry. Only for metadata in a site-packages folder (SITE_PACKAGES).
 */
const SCRIPT_GROUPS = new Set(['console_scripts', 'gui_scripts']);
/** The folders installers write launchers to (Debian's usr/bin, a virtualenv's bin/, Windows' Scripts/). */
const LAUNCHER_FOLDER = /(?:^|\/)(?:s?bin|Scripts)$/;
/** The launchers the tree holds by command name: files in a bin/, sbin/ or Scripts/ folder, without a Windows launcher's `.exe` or `-script.py`. */
const launcherFiles = (ctx: FrameworkContext): Map<string, string[]> => {
  const names = new Map<string, string[]>();
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const f = listed[at];
    if (!LAUNCHER_FOLDER.test(dirname(f))) continue;
    const name = basename(f).replace(/(?:\.exe|-script\.pyw?)$/, '');
    const list = names.get(name);
    if (list === undefined) names.set(name, [f]);
    else list.push(f);
  }
  return names;
};

/**
 * Whether a launcher of the command carries its module: its text imports the module (pip's and
 * Debian's `from svc.cmd.api import main`) or looks the command up by `load_entry_point`. A file of
 * the same name that does neither (a shell wrapper that execs `svc-status.real`, another
 * package's `bin/status`) is not the launcher; an unreadable one (a Windows `.exe`) is taken as one.
 */
const launcherCarries = (ctx: FrameworkContext, launchers: string[], command: string, module: string): boolean => {
  const named = new RegExp(`(?:^|[^\\w.])${escapeRegExp(module)}(?![\\w.])`);
  return launchers.some((f) => {
    const text = ctx.readText(f);
    return text === null || named.test(text) || (text.includes('load_entry_point') && text.includes(command));
  });
};
/**
 * Where an installer puts a distribution whose commands it also installs: a site-packages or
 * dist-packages folder. Metadata elsewhere (a Lambda bundle's `pip install -t lambda/vendor`, a
 * vendored copy) came with no launcher: its commands are never on a PATH.
 */
const SITE_PACKAGES = /(?:^|\/)(?:site|dist)-packages$/;
/**
 * A module that imports one of these at top level runs only on Windows (pywin32's win32api and
 * pywintypes, servicemanager; the standard library's winreg, msvcrt, _winapi): a command of it
 * that the metadata alone records (buildbot's `buildbot_windows_service`) has no launcher on the
 * system the tree was built for. An import inside a try or a function is indented, not matched.
 */
const WINDOWS_ONLY = /^(?:import|from)[ \t]+(?:win32\w*|pywintypes|servicemanager|winreg|msvcrt|_winapi)\b/m;
const METADATA_FOLDER = /(?:^|\/)(?:[^/]+\.(?:egg-info|dist-info)|EGG-INFO)$/;
/** `module.path:attr [extra]` → `module.path`. */
const MODULE = /^\s*([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)\s*(?::|\[|$)/;

const isEntryPointsFile = (path: string): boolean => path.endsWith('/entry_points.txt') && METADATA_FOLDER.test(dirname(path));

/** The nearest package above a dotted module that resolves to a package `__init__.py` from `dir`, or null. */
const nearestPackage = (ctx: FrameworkContext, module: string, dir: string): { name: string; init: string } | null => {
  for (let name = module; name.includes('.'); ) {
    name = name.slice(0, name.lastIndexOf('.'));
    const init = ctx.module(name, dir)[0];
    if (init !== undefined && init.endsWith('/__init__.py')) return { name, init };
  }
  return null;
};

/** At most this many items of a hook-dirs function's returned list are settled. */
const MAX_HOOK_DIRS = 8;

/**
 * Stop 47: the folders a PyInstaller `[pyinstaller40] hook-dirs = mod:fn` function returns: its one
 * `return [...]` of path expressions PyInstaller reads `hook-<module>.py` files from (mitmproxy's
 * `here = Path(__file__).parent.absolute()` then `return [str(here)]`), each settled from `__file__`
 * and the module's path assignments; the return's line with each folder.
 */
export const hookDirsOf = (text: string, file: string, fn: string): { folder: string; line: number }[] => {
  const def = new RegExp(`^def[ \\t]+${fn}[ \\t]*\\(`, 'm').exec(text);
  if (def === null) return [];
  // The def's extent as loader-functions reads one (a column-0 comment inside the body does not end it).
  const block = topLevelDefAround(text, def.index);
  if (block === null) return [];
  const scope = text.slice(def.index, block.end);
  const ret = /^[ \t]+return[ \t]+\[([^\]\n]*)\]/m.exec(scope);
  if (ret === null) return [];
  const line = text.slice(0, def.index + ret.index).split('\n').length;
  const vars = new Map<string, string>();
  for (const a of pathAssignments(text, file)) if (a.value !== null && a.line < line) vars.set(a.name, a.value);
  const out: { folder: string; line: number }[] = [];
  // Split at the list's own commas, not those inside a call (`os.path.join(os.path.dirname(__file__), "hooks")`).
  for (const item of (splitCommas(ret[1]) ?? []).slice(0, MAX_HOOK_DIRS)) {
    const expr = item.trim().replace(/^(?:str|os\.fspath)\((.*)\)$/, '$1');
    if (expr === '') continue;
    const folder = repoPathOf(pathValue(expr, file, vars));
    if (folder !== null) out.push({ folder, line });
  }
  return out;
};

interface Named {
  /** The entry_points.txt and the entry's line. */
  file: string;
  line: number;
  module: string;
  /** The module's file, found from installedIn; undefined when the tree does not hold it. */
  target: string | undefined;
  installedIn: string;
}

/**
 * Production entries on the module an entry names and on the package `__init__.py` files above it,
 * which importing it runs first (mkdocs.themes.mkdocs runs mkdocs/themes/__init__.py). A module the
 * tree does not hold (Debian moved mkdocs' themes to /usr/share): with `missing`, the nearest
 * package above it that the tree does hold, which importing it still runs.
 */
const importChain = (ctx: FrameworkContext, out: FrameworkOutput, at: Named, why: string, initWhy: string, missing?: string, standsIn?: true): void => {
  const entry = (target: string, evidence: string) => out.entries.push({ source: at.file, target, targetKind: 'file', kind: 'production', line: at.line, evidence, ...(standsIn ? { standsIn, startedBy: 'declared-command' as const } : {}) });
  if (at.target === undefined) {
    const parent = missing === undefined ? null : nearestPackage(ctx, at.module, at.installedIn);
    if (parent !== null) entry(parent.init, `${missing}: ${at.module} is not in the tree, and importing it runs ${parent.name} first`);
    return;
  }
  entry(at.target, why);
  for (const init of packageInits(ctx.files, dirname(at.target))) if (init !== at.target) entry(init, initWhy);
};

export const collectInstalledEntryPoints = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  let launchers: Map<string, string[]> | null = null;
  for (const file of pathsNamedLike(ctx.files, { stems: ['entry_points'] }, 'sorted')) {
    if (!isEntryPointsFile(file)) continue;
    const doc = ctx.manifests.get(file, CONFIGPARSER);
    if (!doc) continue;
    // What the distribution installs sits beside its metadata folder; an egg's modules inside the egg.
    const metadata = dirname(file);
    const installedIn = dirname(metadata);
    for (const section of doc.sections) {
      const script = SCRIPT_GROUPS.has(section.name);
      if (script && !SITE_PACKAGES.test(basename(metadata) === 'EGG-INFO' ? dirname(installedIn) : installedIn)) continue;
      for (const entry of section.entries) {
        const module = MODULE.exec(entry.value)?.[1];
        if (!module) continue;
        const launcher = script ? (launchers ??= launcherFiles(ctx)).get(entry.key) : undefined;
        if (launcher !== undefined && launcherCarries(ctx, launcher, entry.key, module)) continue;
        const evidence = `entry point [${section.name}] ${entry.key} = ${entry.value.trim()} in ${file}:${entry.line} (${basename(metadata)})`;
        const target = ctx.module(module, installedIn)[0];
        if (script) {
          if (target !== undefined && WINDOWS_ONLY.test(ctx.readText(target) ?? '')) continue;
          const command = `${evidence}: the command ${entry.key} the distribution installs, whose launcher (${launcher === undefined ? 'not in the tree' : `not ${launcher.join(', ')}, which does not import it`}) imports ${module}`;
          // The metadata stands for the launcher: a chain from a launcher the tree holds (Debian's heat-all imports heat.cmd.all, which imports heat.cmd.api) is shown instead.
          importChain(ctx, out, { file, line: entry.line, module, target, installedIn }, command, `${command}: importing it runs this package first`, undefined, true);
          continue;
        }
        importChain(ctx, out, { file, line: entry.line, module, target, installedIn }, `${evidence}: the plugin a host application loads by its group`, `${evidence}: importing ${module} runs this package first`, evidence);
        if (target !== undefined) {
          // Stop 47: PyInstaller runs the hook-<module>.py files of the folders the hook-dirs function returns while it bundles an app.
          const fn = section.name === 'pyinstaller40' && entry.key === 'hook-dirs' ? /:\s*([A-Za-z_]\w*)\s*$/.exec(entry.value)?.[1] : undefined;
          const text = fn === undefined ? null : ctx.readText(target);
          if (fn !== undefined && text !== null) {
            for (const dir of hookDirsOf(text, target, fn)) {
              for (const hook of pathsInDir(ctx.files, dir.folder)) {
                if (!/^hook-[\w.-]+\.py$/.test(basename(hook))) continue;
                out.entries.push({ source: target, target: hook, targetKind: 'file', kind: 'tooling', line: dir.line, evidence: `${evidence}: ${fn}() returns ${dir.folder === '' ? '.' : dir.folder}/ at ${target}:${dir.line}, the folder PyInstaller reads its hook-<module>.py files from while it bundles an app that imports that module` });
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
  id: 'installed-entry-points',
  title: "installed distributions' plugin entry points (entry_points.txt)",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    // By index over the set's own order, as every walk of all paths asked once (file-index.ts listedPaths).
    for (let at = 0, listed = pathsNamedLike(ctx.files, { stems: ['entry_points'] }); at < listed.length; at++) if (isEntryPointsFile(listed[at])) return `${listed[at]} registers entry points`;
    return null;
  },
  collect: collectInstalledEntryPoints,
};

export default reader;
