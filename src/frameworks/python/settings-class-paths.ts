/**
 * Dotted class paths in a settings module: scrapy's settings/default_settings.py lists its
 * components as `DOWNLOADER_MIDDLEWARES_BASE = {"scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": 100, …}`,
 * `DUPEFILTER_CLASS = "scrapy.dupefilters.RFPDupeFilter"`; the Settings object reads the module
 * (`setmodule(default_settings)`) and the components are built by the repo's own loader
 * (utils/misc.py `load_object(path)`: `import_module(path[:dot])`). No file both imports the
 * settings module and calls the loader beside it, so string-modules sees no link, and every
 * middleware, extension and download handler was dead.
 *
 * The rule: in a settings module (a file named like `settings.py`, `default_settings.py`, or in a
 * `settings/` folder), a whole string literal in an UPPER_CASE setting's statement (value or dict
 * key) of the form `pkg.mod.Name`, where `pkg.mod` is a repo module and `Name` is defined at its
 * top level (`class`, `def`, an assignment), is loaded, when the same top-level package (or the
 * repo, outside any) has a loader function: a module-level function that imports a module named
 * by its parameter (loader-functions.ts). Docstrings and comments are never read; a string that
 * names no definition (a deprecation message, an attribute the module lacks) gives nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { sortedPaths } from '../../util/file-index.js';
import { basename, dirname } from '../../util/path.js';
import { isDottedName } from '../strings.js';
import { settingStrings } from './setting-strings.js';
import { moduleFunctionLoadsOf } from './loader-functions.js';
import { topPackageFolder } from './python-files.js';
import { TEST_TIER_SETTINGS } from './django-settings.js';

/** A setting's name as Django, scrapy and their kin write them. */
const SETTING_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * A settings module by its name (`settings.py`, one word then `_settings.py`: `default_settings.py`,
 * `global_settings.py`) or its folder (`settings/base.py`); not a migration or a test module
 * (`0032_gift_card_settings.py`, `test_settings.py`, whose strings are data, not configuration).
 */
export const isSettingsModule = (path: string): boolean => {
  if (!path.endsWith('.py')) return false;
  const stem = basename(path).slice(0, -3);
  const folder = basename(dirname(path));
  if (folder === 'migrations' || stem.startsWith('test')) return false;
  return /^(?:[a-z]+_)?settings$/.test(stem) || folder === 'settings';
};

const DEF_OR_CLASS = /^(?:(?:async[ \t]+)?def|class)[ \t]+$/;
const AFTER_DEF = /^[ \t]*\(/;
const AFTER_CLASS = /^(?![\w])/;
const AFTER_ASSIGNED = /^[ \t]*(?::[^=\n]*)?=(?!=)/;

/**
 * Whether `name` is defined at the top level of a module's text: `class Name`, `def Name`, `Name = …`,
 * `Name: T = …`. Only the name's occurrences are looked at: a multiline `^…` pattern is tried at
 * every character of the module, and saleor's settings ask of large modules a hundred times.
 */
export const definesTopLevel = (text: string, name: string): boolean => {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const after = text.slice(at + name.length, at + name.length + 120);
    if (start === at) {
      if (AFTER_ASSIGNED.test(after)) return true;
      continue;
    }
    const before = text.slice(start, at);
    if (!DEF_OR_CLASS.test(before)) continue;
    if (before.startsWith('class') ? AFTER_CLASS.test(after) : AFTER_DEF.test(after)) return true;
  }
  return false;
};

interface Loader {
  path: string;
  name: string;
  defLine: number;
  loadLine: number;
}

export const collectSettingsClassPaths = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const all = sortedPaths(ctx.files);
  const settings = all.filter((p) => isSettingsModule(p) && ctx.facts(p) !== undefined);
  if (settings.length === 0) return out;
  // Loaders by scope, found once and only when a settings module wants one.
  let loaders: Map<string, Loader> | null = null;
  const loaderFor = (scope: string): Loader | undefined => {
    if (loaders === null) {
      loaders = new Map();
      for (const path of all) {
        if (!path.endsWith('.py') || ctx.facts(path)?.computedImportLines === undefined) continue;
        const text = ctx.readText(path);
        if (text === null) continue;
        const load = moduleFunctionLoadsOf(ctx, path, text).find((l) => l.topLevel && l.parameter !== null);
        if (load === undefined) continue;
        const at = topPackageFolder(ctx.files, path) ?? '';
        if (!loaders.has(at)) loaders.set(at, { path, name: load.name, defLine: load.defLine, loadLine: load.loadLine });
      }
    }
    return loaders.get(scope);
  };
  const defined = new Map<string, boolean>();
  const definedIn = (file: string, name: string): boolean => {
    const key = `${file}\0${name}`;
    let yes = defined.get(key);
    if (yes === undefined) {
      const text = ctx.readText(file);
      yes = text !== null && definesTopLevel(text, name);
      defined.set(key, yes);
    }
    return yes;
  };
  for (const path of settings) {
    const text = ctx.readText(path);
    if (text === null) continue;
    let loader: Loader | undefined | null = null;
    for (const s of settingStrings(text)) {
      // A setting only the test command reads loads nothing in the app (the Django reader gives it a test entry).
      if (s.setting === null || !SETTING_NAME.test(s.setting) || TEST_TIER_SETTINGS.has(s.setting)) continue;
      const dot = s.value.lastIndexOf('.');
      if (dot <= 0 || !isDottedName(s.value)) continue;
      const name = s.value.slice(dot + 1);
      const file = ctx.module(s.value.slice(0, dot))[0];
      if (file === undefined || file === path || !definedIn(file, name)) continue;
      if (loader === null) loader = loaderFor(topPackageFolder(ctx.files, path) ?? '');
      if (loader === undefined) break;
      out.references.push({
        from: path,
        target: s.value,
        targetKind: 'module-attr',
        line: s.line,
        label: `named in ${s.setting} in ${path}:${s.line} as "${s.value}", a class path the repo's loader ${loader.name}() (${loader.path}:${loader.defLine}) imports by a computed name at line ${loader.loadLine}`,
      });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'settings-class-paths',
  title: 'dotted class paths in settings modules, built by a repo loader (scrapy)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (const path of sortedPaths(ctx.files)) if (isSettingsModule(path)) return `${path} is a settings module`;
    return null;
  },
  collect: collectSettingsClassPaths,
};

export default reader;
