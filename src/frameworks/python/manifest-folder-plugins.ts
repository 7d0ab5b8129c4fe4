/**
 * Plugin packages a host finds by the manifest file inside each folder: Uranium (Cura's framework)
 * walks its plugin locations for folders holding a `plugin.json` (UM/PluginRegistry.py:729,
 * `if "plugin.json" in files`) and imports each such folder as a package by path
 * (`imp.find_module(plugin_id, [location])`, then `imp.load_module`, :687/:708). No file imports
 * `usr/lib/cura/plugins/3MFReader` by name, and its location is an install prefix the launcher
 * computes, so census saw all 78 plugins of Cura 4.13 (289 files) dead or manual.
 *
 * The rule: a file name (`plugin.json`) that sits beside `__init__.py` in at least two folders (a
 * plugin system loads many; one config file beside one package is more likely data that package
 * reads) is a plugin manifest when a Python file holds it as a quoted literal and also lists
 * folders (os.walk, listdir, scandir, iterdir, glob) and imports by a computed name or path
 * (find_module, load_module, import_module, __import__, spec_from_file_location, exec_module), all in
 * code, not comments (review s62-rv1: a loader kept as a comment made data folders' __init__.py
 * production). That
 * host loads each such folder's `__init__.py`; its own relative imports carry the rest. A plugin
 * folder nested inside a package takes a host of the same top-level package only (like
 * plugin-manifests' rule); one outside any package (a plugins/ folder of an install) takes a host
 * anywhere in the repo. A host without the listing or the computed import draws nothing: reading a
 * `config.json` is not loading a plugin.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import type { FileFacts } from '../../model/facts.js';
import { emptyFrameworkOutput } from '../types.js';
import { sortedPaths, pathsNamedLike } from '../../util/file-index.js';
import { lineOfOffset, lineStarts } from '../../util/lines.js';
import { blankComments } from './package-paths.js';
import { basename, dirname } from '../../util/path.js';
import { topPackageFolder } from './python-files.js';
import { perScan } from '../per-scan.js';

/** A data file that can be a plugin's manifest (not Python, not a package marker). */
const MANIFEST_FILE = /^[A-Za-z0-9_][\w.-]*\.(json|ya?ml|toml|ini|cfg|info|xml)$/;
/** The fewest plugin folders that make a manifest name a plugin system's rather than one package's data. */
const MIN_FOLDERS = 2;
const LISTING_CALL = /\b(?:os\.walk|listdir|scandir|iterdir|r?glob|iglob)\s*\(/;
const COMPUTED_IMPORT_CALL = /\b(?:find_module|load_module|import_module|__import__|spec_from_file_location|exec_module)\s*\(/;

/** Manifest file name → the plugin folders (holding it and `__init__.py`), when at least MIN_FOLDERS. */
export const manifestFolders = (files: ReadonlySet<string>): Map<string, string[]> => {
  const byName = new Map<string, string[]>();
  for (const path of pathsNamedLike(files, { extensions: ['json', 'yml', 'yaml', 'toml', 'ini', 'cfg', 'info', 'xml'] })) {
    const name = basename(path);
    if (!MANIFEST_FILE.test(name)) continue;
    const folder = dirname(path);
    if (folder === '' || !files.has(`${folder}/__init__.py`)) continue;
    const list = byName.get(name) ?? [];
    list.push(folder);
    byName.set(name, list);
  }
  for (const [name, folders] of byName) {
    if (folders.length < MIN_FOLDERS) byName.delete(name);
    else folders.sort();
  }
  return byName;
};

/** Once per scan: enabledBy and collect both ask. */
const scanFolders = perScan((ctx: FrameworkContext): Map<string, string[]> => manifestFolders(ctx.files));

/**
 * Stop 62: the plugin folder a host names by its plugin id, the folder's own name (Uranium's
 * `_locatePlugin` matches `folder_name == plugin_id`, UM/PluginRegistry.py:731, and getPluginPath
 * answers that folder, :926). The folder holding `file` wins; else the only one of that name; else null.
 */
export const pluginFolderNamed = (ctx: FrameworkContext, file: string, id: string): string | null => {
  const named: string[] = [];
  for (const folders of scanFolders(ctx).values()) for (const f of folders) if (basename(f) === id && !named.includes(f)) named.push(f);
  return named.find((f) => file.startsWith(`${f}/`)) ?? (named.length === 1 ? named[0] : null);
};

interface Host {
  path: string;
  /** Line of the quoted manifest name. */
  nameLine: number;
  /** Line of the first computed import call. */
  importLine: number;
  importCall: string;
}

/** A quoted literal that may be a manifest's name (MANIFEST_FILE's shape between quotes). */
const QUOTED_MANIFEST = /(["'])([A-Za-z0-9_][\w.-]*\.(?:json|ya?ml|toml|ini|cfg|info|xml))\1/g;

/**
 * The manifest names (of `names`) one file hosts: each quoted in a file that lists folders and
 * imports by a computed name. Comments are blanked first: a loader kept as a note loads nothing.
 * The name need not stand near the listing: tryton's trytond/modules/__init__.py reads each
 * module's 'tryton.cfg' at :85 and lists MODULES_PATH at :313. One pass over the text whatever
 * the number of names (a loop of `includes` per name was names x files: 3,000 names and 1,000
 * files of 50 KB took 60 s).
 */
export const hostsIn = (path: string, text: string, names: ReadonlySet<string> | ReadonlyMap<string, unknown>): Map<string, Host> => {
  const found = new Map<string, Host>();
  if (!text.includes('(')) return found;
  const code = blankComments(text);
  const imported = COMPUTED_IMPORT_CALL.exec(code);
  if (imported === null || !LISTING_CALL.test(code)) return found;
  const starts = lineStarts(code);
  const importLine = lineOfOffset(starts, imported.index);
  const importCall = imported[0].replace(/\s*\($/, '');
  for (const quoted of code.matchAll(QUOTED_MANIFEST)) {
    const name = quoted[2];
    if (!found.has(name) && names.has(name)) found.set(name, { path, nameLine: lineOfOffset(starts, quoted.index), importLine, importCall });
  }
  return found;
};

/** The modules whose loaders COMPUTED_IMPORT_CALL names (find_module, load_module, spec_from_file_location, exec_module, import_module). */
const LOADER_MODULES = new Set(['imp', 'importlib', 'pkgutil', 'zipimport']);

/**
 * Whether a file's facts leave room for a computed import, before its text is read: a computed
 * `__import__`/`import_module` (computedImportLines), or an import of a module that holds the other
 * loader calls. Without facts (a file census could not extract) the text decides. At saleor x22 the
 * sweep read and blanked all 95,000 .py texts (4.7 s) once a manifest name repeated.
 */
export const mayImportByComputedName = (facts: FileFacts | undefined): boolean => {
  if (facts === undefined || facts.computedImportLines !== undefined) return true;
  for (const i of facts.imports) {
    const dot = i.specifier.indexOf('.');
    if (LOADER_MODULES.has(dot === -1 ? i.specifier : i.specifier.slice(0, dot))) return true;
  }
  return false;
};

export const collectManifestFolderPlugins = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const byName = scanFolders(ctx);
  if (byName.size === 0) return out;
  const names = [...byName.keys()].sort();
  // One pass over the Python files: which of them host which manifest name.
  const hosts = new Map<string, Host[]>();
  for (const path of sortedPaths(ctx.files)) {
    if (!path.endsWith('.py') || !mayImportByComputedName(ctx.facts(path))) continue;
    // Read and let go: ctx.readText keeps every text it reads for the rest of the scan, and this
    // sweep reads every Python file once a manifest name repeats (saleor x22: 95,000 texts held,
    // peak RSS 1.43 -> 2.15 GB).
    const text = ctx.manifests.transientText(path);
    if (text === null) continue;
    for (const [name, host] of hostsIn(path, text, byName)) {
      const list = hosts.get(name) ?? [];
      list.push(host);
      hosts.set(name, list);
    }
  }
  for (const name of names) {
    const found = hosts.get(name);
    if (found === undefined) continue;
    for (const folder of byName.get(name)!) {
      const target = `${folder}/__init__.py`;
      // Nested in a package: only a host of that top-level package loads it (import machinery of its own).
      const outer = topPackageFolder(ctx.files, folder);
      for (const host of found) {
        if (host.path.startsWith(`${folder}/`) || (outer !== null && !host.path.startsWith(`${outer}/`))) continue;
        out.references.push({
          from: host.path,
          target,
          targetKind: 'file',
          line: host.importLine,
          label: `loaded as a plugin package by ${host.path}:${host.importLine} (${host.importCall}), which imports each folder holding a "${name}" (named at line ${host.nameLine}): ${folder}/${name}`,
        });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'manifest-folder-plugins',
  title: 'plugin packages found by a manifest file in each folder (Uranium/Cura plugin.json)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (const [name, folders] of scanFolders(ctx)) return `${folders.length} packages hold a ${name} (${folders[0]}/${name})`;
    return null;
  },
  collect: collectManifestFolderPlugins,
};

export default reader;
