/**
 * Dotted names in shipped data files, loaded by the package's own computed import: powerline's
 * themes (`/usr/share/powerline/config_files/themes/shell/default.json`: `"function":
 * "powerline.segments.common.net.hostname"`) reach `__import__(module, fromlist=(attr,))` at
 * powerline/__init__.py:392, which imports whatever name the config gives. Nothing imports those
 * segment modules by a literal name, so census saw them dead.
 *
 * A JSON, YAML or TOML file's string value that is a whole dotted name `P.a.b` counts when P is a
 * top-level package of the tree holding a file whose `__import__`/`import_module` takes a computed
 * first argument (extraction's computedImportLines, checked on the line). The name is looked up
 * inside that package's own folder, as a module or as a module's attribute (`…net.hostname`: the
 * module `…net`). The edge goes from each such loader file, so the module takes the loader's class.
 * Stops: a package with no computed import (a data file alone says nothing loads it), a name of
 * another package, a dotted word inside a longer string or in prose (README, .md, .rst are not read),
 * data files under test, docs or example folders, or in a dot folder or dotfile (`.github/workflows/ci.yml`'s
 * `DJANGO_SETTINGS_MODULE: app.settings_ci` configures CI, not the package).
 *
 * Read as a module's attribute (`P.a.b` with no module `P/a/b`), the name counts only when `P/a` defines
 * `b` at its top level (or star-imports): an i18n key `"app.views.heading"` names no attribute of
 * app/views.py. A key counts only in that form: powerline's keys name functions (`…gundo.gundo`,
 * `…bat.battery`), while a logging config's `"loggers": {"app.legacy": …}` keys a logger by the module
 * name `getLogger(__name__)` gives, which loads nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { sortedPaths, pathsNamedLike } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { firstComputedImport, packageInits, topPackageFolder } from './python-files.js';

const DATA = /\.(json|ya?ml|toml)$/;
const DATA_EXTENSIONS = { extensions: ['json', 'yml', 'yaml', 'toml'] };
/**
 * Fixtures, samples and documentation ship names nothing loads; pyproject.toml configures tools
 * (saleor's `[tool.pytest.ini_options] DJANGO_SETTINGS_MODULE = "saleor.settings"`, which Django loads, not saleor's loaders).
 */
const NOT_SHIPPED = /(?:^|\/)(?:tests?|testing|fixtures?|examples?|samples?|docs?)\/|(?:^|\/)pyproject\.toml$|(?:^|\/)\.[^/.]/;
const MAX_TEXT = 1_000_000;
/** `__import__(` or `import_module(` whose first argument does not open a string literal. */
const COMPUTED_CALL = /\b(?:__import__|import_module)\(\s*(?![rbuf]*['"])[^)\s]/;
/**
 * A quoted string that is a whole dotted name, or a YAML plain value after `key: ` or `- `. Keys
 * count: vim's `local_themes` maps matcher functions (`"powerline.matchers.vim.plugin.commandt.commandt":
 * "plugin_commandt"`) that powerline imports; its `segment_data` keys give a segment's arguments
 * for any theme that lists it.
 */
const QUOTED = /["']([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)["']/g;
const YAML_PLAIN = /(?:^|:\s|-\s)\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\s*$/;

interface Loader {
  path: string;
  line: number;
}

/** Top-level package name → its folder and the files in it that import a computed name. */
const loaderPackages = (ctx: FrameworkContext): Map<string, { folder: string; loaders: Loader[] }> => {
  const out = new Map<string, { folder: string; loaders: Loader[] }>();
  for (const path of sortedPaths(ctx.files)) {
    if (!path.endsWith('.py')) continue;
    const lines = ctx.facts(path)?.computedImportLines;
    if (lines === undefined || lines.length === 0) continue;
    const folder = topPackageFolder(ctx.files, path);
    if (folder === null) continue;
    const text = ctx.readText(path);
    if (text === null) continue;
    const source = text.split('\n');
    const line = lines.find((l) => COMPUTED_CALL.test(source[l - 1] ?? ''));
    if (line === undefined) continue;
    const name = basename(folder);
    const entry = out.get(name) ?? { folder, loaders: [] };
    // Two installed copies of one package name: the first folder in path order is read.
    if (entry.folder !== folder) continue;
    entry.loaders.push({ path, line });
    out.set(name, entry);
  }
  return out;
};

/**
 * The module file `name` (below its top package `folder`) or, failing that, the module its last part
 * is a top-level name of; a key only in the second form.
 */
const moduleIn = (ctx: FrameworkContext, folder: string, name: string, key: boolean): string | null => {
  const parts = name.split('.').slice(1);
  for (const take of key ? [parts.length - 1] : [parts.length, parts.length - 1]) {
    if (take < 1) continue;
    const base = joinRepo(folder, parts.slice(0, take).join('/'));
    if (base === null) continue;
    for (const candidate of [`${base}.py`, `${base}/__init__.py`]) {
      if (!ctx.files.has(candidate)) continue;
      if (take === parts.length) return candidate;
      const facts = ctx.facts(candidate);
      return facts !== undefined && (facts.hasStarImport === true || facts.definitions.includes(parts[take])) ? candidate : null;
    }
  }
  return null;
};

/** A key: the quoted string is followed by `:` (JSON, YAML) or `=` (TOML). */
const KEY_AFTER = /^\s*(?::|=(?!=))/;

/**
 * The dotted names a data file's lines hold as whole strings, with their 1-based lines and whether each
 * is a key; with `heads`, only lines that hold `HEAD.` for one of them are read (saleor's 250 kB
 * populatedb_data.json has 10,417 lines of quoted strings and names no module).
 */
export const dataDottedNames = (text: string, yaml: boolean, heads?: readonly string[]): { name: string; line: number; key: boolean }[] => {
  const out: { name: string; line: number; key: boolean }[] = [];
  const lines = text.split('\n');
  const wanted = heads?.map((h) => `${h}.`);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (wanted !== undefined && !wanted.some((w) => l.includes(w))) continue;
    for (const m of l.matchAll(QUOTED)) out.push({ name: m[1], line: i + 1, key: KEY_AFTER.test(l.slice(m.index + m[0].length, m.index + m[0].length + 64)) });
    const plain = yaml && !l.trimStart().startsWith('#') ? YAML_PLAIN.exec(l) : null;
    if (plain) out.push({ name: plain[1], line: i + 1, key: false });
  }
  return out;
};

export const collectDataDottedNames = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const packages = loaderPackages(ctx);
  if (packages.size === 0) return out;
  const named = new Set<string>();
  const heads = [...packages.keys()];
  for (const path of pathsNamedLike(ctx.files, DATA_EXTENSIONS, 'sorted')) {
    const ext = DATA.exec(path)?.[1];
    if (ext === undefined || NOT_SHIPPED.test(path)) continue;
    const text = ctx.readText(path);
    if (text === null || text.length > MAX_TEXT) continue;
    if (!heads.some((p) => text.includes(`${p}.`))) continue;
    for (const { name, line, key } of dataDottedNames(text, ext !== 'json' && ext !== 'toml', heads)) {
      const pkg = packages.get(name.slice(0, name.indexOf('.')));
      if (pkg === undefined) continue;
      const target = moduleIn(ctx, pkg.folder, name, key);
      if (target === null || named.has(target)) continue;
      named.add(target);
      const inits = packageInits(ctx.files, dirname(target)).filter((i) => i !== target);
      for (const loader of pkg.loaders) {
        if (loader.path === target) continue;
        for (const t of [target, ...inits]) {
          out.references.push({
            from: loader.path,
            target: t,
            targetKind: 'file',
            line: loader.line,
            label: `loaded by name: ${path}:${line} names "${name}", and ${loader.path}:${loader.line} imports a computed module name of its package`,
          });
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'data-dotted-names',
  title: 'dotted names in data files, loaded by a computed import (powerline themes)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    let data = false;
    for (let at = 0, listed = pathsNamedLike(ctx.files, DATA_EXTENSIONS); at < listed.length && !data; at++) data = DATA.test(listed[at]);
    return data ? firstComputedImport(ctx) : null;
  },
  collect: collectDataDottedNames,
};

export default reader;
