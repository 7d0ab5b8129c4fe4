/**
 * Module-name files: a folder of small extensionless files, each holding one dotted module name,
 * that the package's own loader globs, reads and imports. FreedomBox enables an app by shipping
 * `/etc/plinth/modules-enabled/ssh` (one line: `plinth.modules.ssh`); plinth/module_loader.py:70
 * globs `cfg.config_dir / 'modules-enabled'`, reads each file's first name (line 100) and
 * `importlib.import_module(module_import_path)` at line 40, then includes `module_import_path +
 * '.urls'` at line 52. Nothing imports an app by a literal name, so census saw 60 apps' urls, views
 * and forms dead (their __init__.py reached only through the apps' own tests).
 *
 * A file counts when its name has no dot, it sits outside test, docs and dot folders, and its text
 * (at most 512 characters, `#` comments dropped) is exactly one dotted name `P.a.b` where P is a
 * top-level package of the tree. Its loader is a Python file of package P that imports a computed
 * module name (extraction's computedImportLines) and names the name file's folder in a string
 * (`'modules-enabled'`, or as a path part `…/modules-enabled/*`): the folder a loader names is
 * the folder it reads. The edge goes from the loader's computed import to the module and its
 * package `__init__.py` files, so they take the loader's class. A `+ '.urls'` (a string literal
 * of one dotted part, appended) in the same loader loads that submodule of each named package, when
 * the name it is appended to is one the loader's computed imports take (`module_import_path`):
 * `getLogger(__name__ + '.setup')` names no submodule of an app. Comments are no part of the
 * loader's text (a comment that names the folder is no read of it).
 * Stops: a package with no such loader, a loader that never names the folder (plinth/actions.py
 * imports an exception's module by a computed name), a name of another package, a file of two
 * names or of prose, a name no module of the package answers.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { sortedPaths, pathsNamedLike } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { firstComputedImport, packageInits, topPackageFolder } from './python-files.js';
import { blankComments } from './package-paths.js';

const MAX_NAME_FILE = 512;
/** Test, docs and example folders ship names nothing loads; a dot folder or dotfile configures tools. */
const NOT_SHIPPED = /(?:^|\/)(?:tests?|testing|fixtures?|examples?|samples?|docs?)\/|(?:^|\/)\./;
const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/;
/** `name + '.urls'`: a one-part submodule name appended to a name. */
const SUFFIX = /\b([A-Za-z_]\w*)\s*\+\s*(['"])\.([A-Za-z_]\w*)\2/g;
/** `import_module(name)`, `__import__(name, …)`: the plain name a computed import takes. */
const IMPORTED_NAME = /\b(?:import_module|__import__)\s*\(\s*([A-Za-z_]\w*)\s*[,)]/g;

interface NameFile {
  path: string;
  name: string;
  line: number;
}

/** Whether a path can be a name file: extensionless, shipped. */
const mayName = (path: string): boolean => !basename(path).includes('.') && !NOT_SHIPPED.test(path);

/** The one dotted name a name file holds, with its line; null for anything else. */
export const heldModuleName = (text: string): { name: string; line: number } | null => {
  if (text.length > MAX_NAME_FILE) return null;
  let held: { name: string; line: number } | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].replace(/#.*/, '').trim();
    if (l === '') continue;
    if (held !== null || !DOTTED.test(l)) return null;
    held = { name: l, line: i + 1 };
  }
  return held;
};

/** The module file `P.a.b` names below P's folder (`P/a/b.py` or `P/a/b/__init__.py`), or null. */
const moduleFile = (files: ReadonlySet<string>, folder: string, parts: readonly string[]): string | null => {
  const base = joinRepo(folder, parts.join('/'));
  if (base === null) return null;
  for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (files.has(candidate)) return candidate;
  return null;
};

export const collectModuleNameFiles = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const byFolder = new Map<string, NameFile[]>();
  for (const path of pathsNamedLike(ctx.files, { extensions: [''] }, 'sorted')) {
    if (!mayName(path)) continue;
    // Read and let go: most extensionless files are scripts and licences, never read again.
    const text = ctx.manifests.transientText(path);
    if (text === null) continue;
    const held = heldModuleName(text);
    if (held === null) continue;
    const folder = basename(dirname(path));
    if (folder === '') continue;
    const list = byFolder.get(folder);
    if (list === undefined) byFolder.set(folder, [{ path, ...held }]);
    else list.push({ path, ...held });
  }
  if (byFolder.size === 0) return out;
  // A folder is named by a string of its own (`'modules-enabled'`) or as a path part (`…/modules-enabled/*`).
  const folderNames = [...byFolder].map(([folder, nameFiles]) => ({ folder, nameFiles, named: new RegExp(`['"/]${escapeRegExp(folder)}['"/]`) }));
  for (const path of sortedPaths(ctx.files)) {
    if (!path.endsWith('.py')) continue;
    const computed = ctx.facts(path)?.computedImportLines;
    if (computed === undefined || computed.length === 0) continue;
    const top = topPackageFolder(ctx.files, path);
    if (top === null) continue;
    const read = ctx.readText(path);
    if (read === null) continue;
    const text = blankComments(read);
    const pkg = basename(top);
    const imported = new Set([...text.matchAll(IMPORTED_NAME)].map((m) => m[1]));
    const suffixes = [...text.matchAll(SUFFIX)].filter((m) => imported.has(m[1])).map((m) => ({ part: m[3], line: lineAt(text, m.index) }));
    for (const { folder, nameFiles, named: folderPattern } of folderNames) {
      const named = folderPattern.exec(text);
      if (named === null) continue;
      const folderLine = lineAt(text, named.index);
      const importLine = computed[0];
      for (const nf of nameFiles) {
        const parts = nf.name.split('.');
        if (parts[0] !== pkg) continue;
        const target = moduleFile(ctx.files, top, parts.slice(1));
        if (target === null || target === path) continue;
        const held = `${nf.path}:${nf.line} holds "${nf.name}"`;
        const inits = packageInits(ctx.files, dirname(target)).filter((i) => i !== target);
        for (const t of [target, ...inits]) {
          out.references.push({
            from: path,
            target: t,
            targetKind: 'file',
            line: importLine,
            label: `loaded by name: ${held}, and ${path}:${importLine} imports a computed name, read from the files of the "${folder}" folder it names at line ${folderLine}`,
          });
        }
        if (!target.endsWith('/__init__.py')) continue;
        for (const s of suffixes) {
          const sub = moduleFile(ctx.files, top, [...parts.slice(1), s.part]);
          if (sub === null || sub === path) continue;
          out.references.push({
            from: path,
            target: sub,
            targetKind: 'file',
            line: s.line,
            label: `loaded by name: ${held}, and ${path}:${s.line} loads that name + ".${s.part}"`,
          });
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'module-name-files',
  title: 'files that each hold one dotted module name, read and imported by the package (FreedomBox modules-enabled)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    let nameFile = false;
    for (let at = 0, listed = pathsNamedLike(ctx.files, { extensions: [''] }); at < listed.length && !nameFile; at++) nameFile = mayName(listed[at]);
    return nameFile ? firstComputedImport(ctx) : null;
  },
  collect: collectModuleNameFiles,
};

export default reader;
