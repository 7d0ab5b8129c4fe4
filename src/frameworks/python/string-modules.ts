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
 */
import { listedPaths } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName } from '../strings.js';
import { settingStrings } from './setting-strings.js';
import { relativeModuleFile } from './python-files.js';
import { lineAt } from '../../util/lines.js';

const LOADERS = new Set(['importlib', 'importlib.metadata', 'django.utils.module_loading', 'pkg_resources', 'werkzeug.utils', 'twisted.python.reflect']);
/** Loader functions imported by name (`from importlib import import_module`, `from twisted.python.reflect import namedObject`). */
const LOADER_NAMES = new Set(['import_module', 'import_string', 'namedAny', 'namedObject', 'namedModule', 'namedClass', 'resolve_name']);
/**
 * A call that loads a module by a name computed at run time (its first argument is not a literal):
 * importlib's, Django's and werkzeug's, pkg_resources', Twisted's `reflect.namedAny`/`namedObject`/
 * `namedModule`/`namedClass` (buildbot loads its subcommands, data and mq classes so), pkgutil's `resolve_name`.
 */
const COMPUTED_LOAD = /\b(?:import_module|__import__|import_string|load_entry_point|named(?:Any|Object|Module|Class)|resolve_name)\(\s*(?!['")\s])/;

const COMPUTED_LOADS = new RegExp(COMPUTED_LOAD.source, 'g');
/** A setting as Django and its apps name them: UPPER_CASE. */
const SETTING_NAME = /^[A-Z][A-Z0-9_]*$/;
/** How far above a computed load a name it reads through may stand (`x = dt_settings.get_config()[…]` then the call). */
const LINES_ABOVE = 3;

/** Repo modules the file imports, by the local name they are bound to (`settings as dt_settings` → dt_settings). */
const importedModules = (ctx: FrameworkContext, path: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const i of ctx.facts(path)?.imports ?? []) {
    const bind = (local: string, dotted: string): void => {
      // `from pkg import NAME` names an attribute: no module file, nothing bound.
      const file = dotted.startsWith('.') ? relativeModuleFile(ctx.files, path, dotted) : (ctx.module(dotted)[0] ?? null);
      if (file !== null && file !== path) out.set(local, file);
    };
    if (i.syntax === 'from') for (const n of i.names) if (n.name !== '*') bind(n.alias ?? n.name, i.specifier.endsWith('.') ? `${i.specifier}${n.name}` : `${i.specifier}.${n.name}`);
    if (i.syntax === 'import' && i.alias) bind(i.alias, i.specifier);
  }
  return out;
};

const loadsByName = (ctx: FrameworkContext, path: string): boolean => {
  const facts = ctx.facts(path);
  if (!facts || !path.endsWith('.py')) return false;
  return facts.imports.some((i) => LOADERS.has(i.specifier) || (i.specifier === 'twisted.python' && i.names.some((n) => n.name === 'reflect')) || i.names.some((n) => LOADER_NAMES.has(n.name)));
};

export const collectStringModules = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  /** A module holding settings → the computed loads that read through it. */
  const readers = new Map<string, string[]>();
  for (const path of [...ctx.files].sort()) {
    if (!loadsByName(ctx, path)) continue;
    const text = ctx.readText(path);
    if (text === null) continue;
    const call = COMPUTED_LOAD.exec(text);
    if (!call) continue;
    const callLine = lineAt(text, call.index);
    for (const s of settingStrings(text)) {
      if (!s.value.includes('.') || !isDottedName(s.value)) continue;
      out.references.push({ from: path, target: s.value, targetKind: 'module-attr', line: s.line, label: `named in ${path}:${s.line} as "${s.value}", loaded by the computed import at line ${callLine}` });
    }
    const modules = importedModules(ctx, path);
    if (modules.size === 0) continue;
    const lines = text.split('\n');
    for (const m of text.matchAll(COMPUTED_LOADS)) {
      const line = lineAt(text, m.index);
      const near = lines.slice(Math.max(0, line - 1 - LINES_ABOVE), line + 1).join('\n');
      for (const [local, holder] of modules) {
        if (!new RegExp(`(?<![\\w.])${local}\\s*\\.`).test(near)) continue;
        const sites = readers.get(holder) ?? readers.set(holder, []).get(holder)!;
        sites.push(`${path}:${line} (through ${local})`);
      }
    }
  }
  // Which call reads which of a holder's settings is data flow: every call that reads through it is named.
  for (const [holder, sites] of readers) {
    const held = ctx.readText(holder);
    if (held === null) continue;
    for (const h of settingStrings(held)) {
      if (h.setting === null || !SETTING_NAME.test(h.setting) || !h.value.includes('.') || !isDottedName(h.value)) continue;
      out.references.push({ from: holder, target: h.value, targetKind: 'module-attr', line: h.line, label: `named in ${h.setting} in ${holder}:${h.line} as "${h.value}", read by the computed import at ${sites.join(', ')}` });
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
    }
    return null;
  },
  collect: collectStringModules,
};

export default reader;
