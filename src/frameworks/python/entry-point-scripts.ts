/**
 * Console scripts that setuptools' easy_install wrote (`# EASY-INSTALL-ENTRY-SCRIPT`, still in
 * Debian packages and old virtualenvs) name their code only through the installed metadata:
 * `load_entry_point('Glances==3.3.1.1', 'console_scripts', 'glances')` looks up `glances` in the
 * `[console_scripts]` section of the distribution's `entry_points.txt` (in `Glances-3.3.1.1.egg-info/`
 * or a `.dist-info/`) and imports what it names (`glances = glances:main`). When the repo holds that
 * metadata, the script has an edge to the module, found from the metadata's folder (the
 * site-packages the distribution is installed in, or the script's own folder: Python puts it first
 * on sys.path, and Debian installs some applications there, `usr/share/beets/beet` beside
 * `beets-1.6.0.egg-info/` and the `beets` package). A script run through a symlink has the folder
 * of the file the link leads to (Python resolves the link first): `usr/bin/alot` →
 * `../share/alot/alot.bin` finds `usr/share/alot/alot-0.10.egg-info/`.
 */
import { CONFIGPARSER, iniValue } from '../../manifests/ini.js';
import { lineAt } from '../../util/lines.js';
import { basename, dirname } from '../../util/path.js';
import { sortedPaths, listedPaths } from '../../util/file-index.js';
import { importIndex, packageInits } from './python-files.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';

const CALL = /\bload_entry_point\(\s*['"]([A-Za-z0-9][\w.-]*)(?:==([^'"]*))?['"]\s*,\s*['"]([^'"\n]+)['"]\s*,\s*['"]([^'"\n]+)['"]\s*\)/g;
/** Where installed distributions live in a filesystem tree or a virtualenv. */
const SITE = /(?:^|\/)(?:dist|site)-packages$/;

/** The repo's site-packages folders: where installed distributions and their metadata live. */
const siteFolders = (ctx: FrameworkContext): string[] => {
  const sites = new Set<string>();
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const f = listed[at];
    const dir = dirname(f);
    if (SITE.test(dir)) sites.add(dir);
    else if (SITE.test(dirname(dir))) sites.add(dirname(dir));
  }
  return [...sites].sort();
};

/**
 * The entry_points.txt files that may be the distribution's: in each site-packages folder,
 * `<Name>-<version>.egg-info/` (as Debian installs it) or `<name>-<version>.dist-info/` (pip).
 * Discovery leaves metadata folders out of the census, so they are asked for by name, not listed.
 */
const metadataFiles = (sites: readonly string[], dist: string, version: string | undefined): string[] => {
  if (version === undefined) return [];
  const names = [...new Set([dist, dist.replace(/-/g, '_'), dist.toLowerCase().replace(/[-.]+/g, '_')])];
  return sites.flatMap((site) => names.flatMap((n) => ['egg-info', 'dist-info'].map((kind) => `${site}/${n}-${version}.${kind}/entry_points.txt`)));
};

/** Python files (scripts without an extension included) that call load_entry_point with literals. */
/** A module a launcher takes its entry points from. */
const isMetadataModule = (s: string): boolean => s === 'pkg_resources' || s.startsWith('importlib.metadata') || s === 'importlib_metadata';

const callers = (ctx: FrameworkContext): string[] => {
  // Every Python file's imports are looked at once: loops by index over the paths already sorted,
  // where a copy of the set, a closure per file and a for-of loop's object per step (the loop is not
  // optimized) were most of the cost. Stop 62: only the files read as Python (a JavaScript file's
  // import of `pkg_resources` is no Python script's); payload walked its 7,383 paths for none.
  const files = ctx.filesOfLanguage?.('python') ?? sortedPaths(ctx.files);
  // Stop 63 (issue 19): a listed .py file's answer comes from the scan's import index, whose
  // specifiers are asked once, not every import of every file (saleor: 4,337 files); a script
  // without the suffix (`bin/tool`, a Python shebang) is not in the index and is walked as before.
  const index = importIndex(ctx);
  const importers = new Set<string>();
  for (const [specifier, importing] of index.bySpecifier) if (isMetadataModule(specifier)) for (const f of importing) importers.add(f);
  const out: string[] = [];
  for (let f = 0; f < files.length; f++) {
    const file = files[f];
    if (file.endsWith('.py') && ctx.files.has(file)) {
      if (importers.has(file)) out.push(file);
      continue;
    }
    const imports = ctx.facts(file)?.imports;
    if (imports === undefined) continue;
    for (let i = 0; i < imports.length; i++) {
      if (isMetadataModule(imports[i].specifier)) {
        out.push(file);
        break;
      }
    }
  }
  return out;
};

export const collectEntryPointScripts = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  let sites: string[] | undefined;
  for (const script of callers(ctx)) {
    // A link to a file census does not read as Python (`usr/bin/alot` → `usr/share/alot/alot.bin`)
    // is read for it, from that file's folder. A link to one it reads (`usr/bin/beet` →
    // `usr/share/beets/beet`) has that file's own call read from its own folder already; the link's
    // is read as before, from the site-packages folders.
    const linked = ctx.fileLinks?.get(script);
    const runsFrom = linked !== undefined && ctx.facts(linked) === undefined ? linked : script;
    const text = ctx.readText(script);
    if (text === null || !text.includes('load_entry_point(')) continue;
    for (const m of text.matchAll(CALL)) {
      const [, dist, version, group, name] = m;
      const line = lineAt(text, m.index);
      sites ??= siteFolders(ctx);
      // sys.path[0] is the folder of the file Python runs, links resolved: `usr/bin/alot` links to
      // `usr/share/alot/alot.bin`, beside `alot-0.10.egg-info/` and the `alot` package.
      const own = dirname(runsFrom);
      const folders = sites.includes(own) ? sites : [own, ...sites];
      for (const file of metadataFiles(folders, dist, version)) {
        const doc = ctx.manifests.get(file, CONFIGPARSER);
        const value = doc ? iniValue(doc, group, name)?.value.trim() : undefined;
        const module = value?.split(':')[0].replace(/\[.*$/, '').trim();
        if (!module) continue;
        const target = ctx.module(module, dirname(dirname(file)))[0];
        if (target === undefined) continue;
        const label = `load_entry_point("${dist}==${version}", "${group}", "${name}") in ${script}:${line}: [${group}] ${name} = ${value} in ${file} (${basename(dirname(file))})`;
        out.references.push({ from: script, target, targetKind: 'file', line, label });
        // Importing it runs the packages above it first (pelican.tools.pelican_import runs pelican/tools/__init__.py).
        for (const init of packageInits(ctx.files, dirname(target))) {
          if (init !== target) out.references.push({ from: script, target: init, targetKind: 'file', line, label: `${label}: importing ${module} runs this package first` });
        }
        break;
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'entry-point-scripts',
  title: "easy_install's console scripts (load_entry_point through installed entry_points.txt)",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = callers(ctx).find((f) => ctx.readText(f)?.includes('load_entry_point(') ?? false);
    return first === undefined ? null : `${first} calls load_entry_point`;
  },
  collect: collectEntryPointScripts,
};

export default reader;
