/**
 * A Python library's import packages. A distribution (pyproject.toml with [project] or
 * [tool.poetry], setup.cfg with [metadata] name, or a setup.py) is what its users install, and
 * what they run is `import <package>`: the package's __init__.py and whatever it imports. When
 * nothing in the repo's own config runs the shipped packages' code (`runByTheRepo`), the repo is a
 * library, and each import package's __init__.py (or a single-module distribution's module) is a
 * production root, as a package.json's `main` is.
 *
 * The packages are the ones the build backend ships: setuptools' `packages` list or
 * `packages.find` (where/include/exclude), Poetry's `packages` (include/from), Hatch's wheel
 * `packages`, Flit's module, setup.cfg's `packages`; else what setuptools' automatic discovery
 * finds, the top-level packages of `src/`, or of the distribution's folder without the names
 * FlatLayoutPackageFinder leaves out (tests, docs, examples, scripts…).
 *
 * A tree of what a package manager installed (a Debian package, a root filesystem) has no
 * manifest: its system site-packages folder (`usr/lib/python3/dist-packages`) says the packages and
 * top-level modules in it are installed for whoever imports them, and they count the same way.
 *
 * Only the packages are roots, not every public module: a submodule the package never imports
 * stays dead unless something else reaches it. Users may still import it by name
 * (`rest_framework.generics`); that is what docs mentions and the user's census config are for.
 */
import { listedPaths, pathsNamedLike } from '../../util/file-index.js';
import { CONFIGPARSER, iniValue } from '../../manifests/ini.js';
import { TOML, tomlStrings as strings, tomlTable as table } from '../../manifests/toml.js';
import { setupCfgPackageRoot } from '../../languages/python/resolve/search-roots.js';
import { compileGlob } from '../../util/glob.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { byString } from '../../util/compare.js';


/** setuptools' FlatLayoutPackageFinder.DEFAULT_EXCLUDE, top-level names. */
const FLAT_EXCLUDE = new Set([
  'ci', 'bin', 'debian', 'doc', 'docs', 'documentation', 'manpages', 'news', 'newsfragments', 'changelog', 'test', 'tests', 'unit_test',
  'unit_tests', 'example', 'examples', 'scripts', 'tools', 'util', 'utils', 'python', 'build', 'dist', 'venv', 'env', 'requirements',
  'tasks', 'fabfile', 'site_scons', 'benchmark', 'benchmarks', 'exercise', 'exercises', 'htmlcov',
]);

interface Shipped {
  /** The package's folder or the module's file, repo-relative. */
  path: string;
  /** `flask_login`. */
  name: string;
  /** Which setting chose it, for the evidence. */
  how: string;
}

interface Distribution {
  manifest: string;
  name: string;
  shipped: Shipped[];
  /** Installed in a system site-packages folder (no manifest: the folder says it is installed). */
  installed?: true;
}

/** A PEP 503 name as an import name: `Flask-Login` → `flask_login`. */
const importName = (name: string): string => name.toLowerCase().replace(/[-.]+/g, '_');

const isPackage = (ctx: FrameworkContext, dir: string): boolean => ctx.files.has(dir === '' ? '__init__.py' : `${dir}/__init__.py`);

/** The top-level packages of folder `where` (repo-relative), filtered by include/exclude globs on their names. */
const topLevelPackages = (ctx: FrameworkContext, where: string, include: string[], exclude: (name: string) => boolean): string[] => {
  const matchers = include.map((g) => compileGlob(g));
  const out = new Set<string>();
  const prefix = where === '' ? '' : `${where}/`;
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const f = listed[at];
    if (!f.startsWith(prefix) || !f.endsWith('/__init__.py')) continue;
    const rest = f.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) continue;
    const name = rest.slice(0, slash);
    if (name.startsWith('.') || exclude(name) || (matchers.length > 0 && !matchers.some((m) => m(name)))) continue;
    out.add(`${prefix}${name}`);
  }
  return [...out].sort();
};

/** setuptools' automatic discovery: src/'s packages, else the flat layout's, less the usual non-package folders. */
const discovered = (ctx: FrameworkContext, dir: string, root: string | null): Shipped[] => {
  const base = root === null ? dir : (joinRepo(dir, root) ?? dir);
  const src = joinRepo(dir, 'src');
  if (root === null && src !== null) {
    const inSrc = topLevelPackages(ctx, src, [], () => false);
    if (inSrc.length > 0) return inSrc.map((p) => ({ path: p, name: basename(p), how: 'the src/ layout (automatic discovery)' }));
  }
  return topLevelPackages(ctx, base, [], (name) => FLAT_EXCLUDE.has(name) || name.startsWith('_') || name.includes('-')).map((p) => ({ path: p, name: basename(p), how: 'automatic discovery' }));
};

/** Dotted package names under a base folder, as files: `a.b` → `<base>/a/b`. */
const dottedPackages = (ctx: FrameworkContext, base: string, names: string[], how: string): Shipped[] =>
  names.flatMap((n) => {
    const path = joinRepo(base, n.replace(/\./g, '/'));
    return path !== null && isPackage(ctx, path) ? [{ path, name: n, how }] : [];
  });

const fromPyproject = (ctx: FrameworkContext, manifest: string): Distribution | null => {
  const doc = ctx.manifests.get(manifest, TOML)?.value;
  if (!doc) return null;
  const dir = dirname(manifest);
  const project = table(doc.project);
  const tool = table(doc.tool);
  const poetry = table(tool.poetry);
  const name = typeof project.name === 'string' ? project.name : typeof poetry.name === 'string' ? poetry.name : null;
  if (name === null) return null;
  const setuptools = table(tool.setuptools);
  const packageDir = table(setuptools['package-dir']);
  const root = typeof packageDir[''] === 'string' ? (packageDir[''] as string) : null;
  const base = root === null ? dir : (joinRepo(dir, root) ?? dir);
  const packages = setuptools.packages;
  if (Array.isArray(packages)) return { manifest, name, shipped: dottedPackages(ctx, base, strings(packages), '[tool.setuptools] packages') };
  const find = table(table(packages).find);
  if (Object.keys(find).length > 0) {
    const wheres = strings(find.where);
    const exclude = strings(find.exclude).map((g) => compileGlob(g));
    const shipped = (wheres.length > 0 ? wheres : ['.']).flatMap((w) => {
      const where = joinRepo(dir, w) ?? dir;
      return topLevelPackages(ctx, where, strings(find.include), (n) => exclude.some((m) => m(n))).map((p) => ({ path: p, name: basename(p), how: '[tool.setuptools.packages.find]' }));
    });
    return { manifest, name, shipped };
  }
  if (Array.isArray(poetry.packages)) {
    const shipped = (poetry.packages as unknown[]).flatMap((p) => {
      const include = table(p).include;
      const from = table(p).from;
      if (typeof include !== 'string' || include.includes('*')) return [];
      const path = joinRepo(dir, typeof from === 'string' ? `${from}/${include}` : include);
      if (path === null) return [];
      if (isPackage(ctx, path)) return [{ path, name: basename(path), how: '[tool.poetry] packages' }];
      return ctx.files.has(path) && path.endsWith('.py') ? [{ path, name: basename(path).replace(/\.py$/, ''), how: '[tool.poetry] packages' }] : [];
    });
    return { manifest, name, shipped };
  }
  const wheel = strings(table(table(table(table(tool.hatch).build).targets).wheel).packages);
  if (wheel.length > 0) {
    const shipped = wheel.flatMap((w) => {
      const path = joinRepo(dir, w);
      return path !== null && isPackage(ctx, path) ? [{ path, name: basename(path), how: '[tool.hatch.build.targets.wheel] packages' }] : [];
    });
    return { manifest, name, shipped };
  }
  // Flit (and Poetry, Hatch by default) ship the module named like the project: a package or a single module, flat or under src/.
  const flitName = table(table(tool.flit).module).name;
  const own = importName(typeof flitName === 'string' ? flitName : name);
  for (const where of [dir, joinRepo(dir, 'src')]) {
    if (where === null) continue;
    const path = joinRepo(where, own);
    if (path !== null && isPackage(ctx, path)) return { manifest, name, shipped: [{ path, name: own, how: 'the package named like the project' }] };
    if (path !== null && ctx.files.has(`${path}.py`)) return { manifest, name, shipped: [{ path: `${path}.py`, name: own, how: 'the module named like the project' }] };
  }
  return { manifest, name, shipped: discovered(ctx, dir, root) };
};

const fromSetupCfg = (ctx: FrameworkContext, manifest: string): Distribution | null => {
  const doc = ctx.manifests.get(manifest, CONFIGPARSER);
  const name = doc ? iniValue(doc, 'metadata', 'name')?.value.trim() : undefined;
  if (!doc || !name) return null;
  const dir = dirname(manifest);
  const root = setupCfgPackageRoot(doc);
  const listed = (iniValue(doc, 'options', 'packages')?.parts ?? []).flatMap((p) => p.text.split(/[\s,]+/)).filter((p) => p !== '');
  if (listed.length > 0 && !listed[0].startsWith('find')) {
    return { manifest, name, shipped: dottedPackages(ctx, root === null ? dir : (joinRepo(dir, root) ?? dir), listed, '[options] packages') };
  }
  return { manifest, name, shipped: discovered(ctx, dir, root) };
};

/** A setup.py's literal `name=` and `packages=[...]`; anything computed falls back to automatic discovery. */
const fromSetupPy = (ctx: FrameworkContext, manifest: string): Distribution | null => {
  const text = ctx.readText(manifest);
  if (text === null || !/\bsetup\s*\(/.test(text)) return null;
  const dir = dirname(manifest);
  const name = /\bname\s*=\s*['"]([^'"]+)['"]/.exec(text)?.[1] ?? basename(dir === '' ? '.' : dir);
  const list = /\bpackages\s*=\s*\[([^\]]*)\]/.exec(text);
  if (list) {
    const names = [...list[1].matchAll(/['"]([\w.]+)['"]/g)].map((m) => m[1]);
    return { manifest, name, shipped: dottedPackages(ctx, dir, names, 'setup.py packages') };
  }
  return { manifest, name, shipped: discovered(ctx, dir, null) };
};

const MANIFESTS = ['pyproject.toml', 'setup.cfg', 'setup.py'];
/** A Python distribution's manifest (asked of every file: a suffix test, not a pattern). */
const isManifest = (path: string): boolean => MANIFESTS.some((name) => path === name || path.endsWith(`/${name}`));

const distributions = (ctx: FrameworkContext): Distribution[] => {
  const out: Distribution[] = [];
  for (const f of [...ctx.files].filter(isManifest).sort()) {
    const name = basename(f);
    const dir = dirname(f);
    // One distribution per folder: pyproject.toml, then setup.cfg, then setup.py.
    if (name !== 'pyproject.toml' && out.some((d) => dirname(d.manifest) === dir)) continue;
    const d = name === 'pyproject.toml' ? fromPyproject(ctx, f) : name === 'setup.cfg' ? fromSetupCfg(ctx, f) : fromSetupPy(ctx, f);
    if (d !== null && d.shipped.length > 0) out.push(d);
  }
  return out;
};

/** A system Python's package folder, as an installed tree (a Debian package, a root filesystem) holds it. */
const SYSTEM_SITE = /^(?:.*\/)?usr\/(?:local\/)?lib\/python3(?:\.\d+)?\/(?:dist|site)-packages$/;

/**
 * The import packages (and top-level modules) installed in a system site-packages folder
 * (`usr/lib/python3/dist-packages/django_filters/`): a tree of what a package manager installs
 * ships them for whoever imports them, as a manifest's packages are shipped. One distribution per
 * folder, as its metadata (often an `.egg-info/` discovery leaves out) may not be in the census.
 */
// Once per scan: enabledBy asks it of a repo without a manifest, and collect again.
const installedPackages = perScan((ctx: FrameworkContext): Distribution[] => {
  const bySite = new Map<string, Shipped[]>();
  for (let at = 0, listed = pathsNamedLike(ctx.files, { extensions: ['py'] }); at < listed.length; at++) {
    const f = listed[at];
    if (!f.endsWith('.py')) continue;
    const init = f.endsWith('/__init__.py');
    const item = init ? dirname(f) : f;
    const site = dirname(item);
    if (!SITE_TAIL.test(site) || !SYSTEM_SITE.test(site)) continue;
    const name = basename(item).replace(/\.py$/, '');
    if (name.startsWith('_') || !/^[A-Za-z]\w*$/.test(name)) continue;
    let list = bySite.get(site);
    if (!list) bySite.set(site, (list = []));
    list.push({ path: item, name, how: `installed in ${site}` });
  }
  return [...bySite].sort(([a], [b]) => byString(a, b)).map(([site, shipped]) => ({
    manifest: site,
    name: site,
    shipped: shipped.sort((a, b) => byString(a.path, b.path)),
    installed: true,
  }));
});

/** The cheap first test of SYSTEM_SITE: the folder ends in dist-packages or site-packages. */
const SITE_TAIL = /-packages$/;

const LAUNCHER_IMPORTS = new Set(['pkg_resources', 'importlib.metadata', 'importlib_metadata']);

/**
 * Whether the installed tree runs its packages itself: a Python file outside the site-packages
 * folders (a `usr/bin` script, a service's code) imports one of them, or is a console-script
 * launcher (`load_entry_point(…)` through pkg_resources or importlib.metadata). glances'
 * `usr/bin/glances`, run by its systemd unit, is such a launcher: the tree is an application.
 */
const treeRunsInstalled = (ctx: FrameworkContext, installed: readonly Distribution[]): boolean => {
  const sites = installed.map((d) => `${d.manifest}/`);
  const names = new Set(installed.flatMap((d) => d.shipped.map((s) => s.name)));
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const f = listed[at];
    const facts = ctx.facts(f);
    if (facts === undefined || facts.imports.length === 0 || sites.some((s) => f.startsWith(s))) continue;
    if (facts.imports.some((i) => LAUNCHER_IMPORTS.has(i.specifier) || names.has(i.specifier.split('.')[0]))) return true;
  }
  return false;
};

/** A word of a command line that names a repo Python file or module (`saleor.asgi:application`, `app/main.py`). */
const repoPythonIn = (ctx: FrameworkContext, word: string): string | null => {
  if (word.endsWith('.py')) {
    const path = word.replace(/^\.\//, '');
    return ctx.files.has(path) ? path : null;
  }
  const m = /^([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)(?::[\w.]+)?$/.exec(word);
  return m && (m[1].includes('.') || word.includes(':')) ? (ctx.module(m[1])[0] ?? null) : null;
};

/**
 * Whether the repo's own config runs the shipped packages' code: a production or
 * tooling entry naming a file or module inside them, or such a command line with a word that does
 * (`uvicorn saleor.asgi:application` in a Dockerfile CMD, `celery --app shop.celeryconf:app` in a
 * poe task). Such a repo is an application, and its config says how its code runs. A publish job
 * (`python -m build`, `python setup.py sdist`) names nothing inside them; tests do not count.
 */
const runByTheRepo = (ctx: FrameworkContext, shipped: readonly Shipped[]): boolean => {
  const inside = (file: string | null): boolean => file !== null && shipped.some((s) => file === s.path || file.startsWith(`${s.path}/`));
  const runs = (kind: string): boolean => kind === 'production' || kind === 'tooling';
  return (
    ctx.entries.some((e) => runs(e.kind) && inside(e.targetKind === 'file' ? e.target : (ctx.module(e.target.split(':')[0])[0] ?? null))) ||
    ctx.commands.some((c) => runs(c.kind) && c.command.split(/[\s'"=]+/).some((word) => word !== '' && inside(repoPythonIn(ctx, word))))
  );
};

/** A shipped package (or module) that is a library root, with the distribution that ships it. */
export interface LibraryPackage extends Shipped {
  distribution: Distribution;
}

/**
 * The import packages (and single modules) of the repo's distributions, and of a system
 * site-packages folder, that nothing in the repo runs: what whoever installs them imports. None
 * when the repo's own config runs any of them (an application); a distribution beside a Django
 * project's manage.py is left out. Once per scan: the Django reader asks it too.
 */
export const libraryPackages = perScan((ctx: FrameworkContext): LibraryPackage[] => {
  const declared = distributions(ctx);
  const shippedByManifest = new Set(declared.flatMap((d) => d.shipped.map((s) => s.path)));
  const installed = installedPackages(ctx)
    .map((d) => ({ ...d, shipped: d.shipped.filter((s) => !shippedByManifest.has(s.path)) }))
    .filter((d) => d.shipped.length > 0);
  const found = [...declared, ...(installed.length > 0 && !treeRunsInstalled(ctx, installed) ? installed : [])];
  if (runByTheRepo(ctx, found.flatMap((d) => d.shipped))) return [];
  const out: LibraryPackage[] = [];
  for (const d of found) {
    // A Django project beside its manage.py is an application that `python manage.py` runs, whatever its packaging says.
    const dir = dirname(d.manifest);
    if (!d.installed && ctx.files.has(dir === '' ? 'manage.py' : `${dir}/manage.py`)) continue;
    for (const s of d.shipped) out.push({ ...s, distribution: d });
  }
  return out;
});

export const collectPythonLibrary = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const s of libraryPackages(ctx)) {
    const d = s.distribution;
    const target = s.path.endsWith('.py') ? s.path : joinRepo(s.path, '__init__.py');
    if (target === null || !ctx.files.has(target)) continue;
    out.entries.push({
      source: d.installed ? target : d.manifest,
      target,
      targetKind: 'file',
      kind: 'production',
      evidence: d.installed
        ? `the import ${s.path.endsWith('.py') ? 'module' : 'package'} ${s.name}, ${s.how}: what \`import ${s.name}\` runs for whoever uses it; nothing in the tree runs it, so it is a library`
        : `the import package ${s.name} of the Python distribution "${d.name}" (${d.manifest}, ${s.how}): what \`import ${s.name}\` runs for whoever installs it; nothing in the repo runs it, so it is a library`,
    });
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'python-library',
  title: 'a Python library: its import packages',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = pathsNamedLike(ctx.files, { stems: ['pyproject', 'setup'] }); at < listed.length; at++) {
      const f = listed[at];
      if (isManifest(f)) return `${f} declares a Python distribution`;
    }
    for (const d of installedPackages(ctx)) return `${d.manifest} holds installed Python packages`;
    return null;
  },
  collect: collectPythonLibrary,
};

export default reader;
