/**
 * Stop 59: a path finder searching a package's own folder by a computed name. poezio's theming.py
 * appends `list(poezio_themes.__path__)[0]` to `load_path` (line 540), then `reload_theme()` runs
 * `finder.find_spec(theme_name, path=load_path)` (line 577, `finder = machinery.PathFinder()`) and
 * `spec.loader.load_module(theme_name)`: the theme a user's config names is any module of
 * poezio_themes/ (clean, dark, irssi). `imp.find_module(name, dirs)` searches the same way.
 *
 * Read in a Python file that calls `find_spec(NAME, …)`/`find_module(NAME, …)` with a computed
 * name and a folder list (the second argument or `path=`), and loads what it finds
 * (`load_module(`, `exec_module(`, `module_from_spec(`): the list, a name, holds the folder of
 * package P when the file appends or inserts `P.__path__[0]` / `list(P.__path__)[0]` to it, or
 * assigns it a list holding one (or `P.__path__` / `list(P.__path__)` itself), P a repo package the
 * file imports. Every module (not `_private`, not `__init__`) and subpackage `__init__.py` in that
 * folder is an edge from the file. A literal name, a list of user folders only, a finder whose def
 * loads nothing (a probe, even beside another def that loads a file by its path), a commented-out
 * line, a package the file does not import give nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths, sortedPaths } from '../../util/file-index.js';
import { basename, dirname } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { splitCommas } from '../../languages/python/sys-path.js';
import { defSpan, moduleFile } from './python-files.js';
import { childrenIn } from './prefixed-imports.js';
import { mayHoldPythonMark } from '../../languages/python/text-marks.js';

/** A finder call with its arguments (one level of nested parentheses). */
const FINDER_CALL = /\b(find_spec|find_module)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g;
/** At most this many finder lines are read in one file (each looks over its def and the file's lines). */
const MAX_FINDERS = 64;
/** What loads a found spec or module. */
const LOADS = /\b(?:load_module|exec_module|module_from_spec)\s*\(/;
/** `P.__path__[0]`, `list(P.__path__)[0]`, `P.__path__`, `list(P.__path__)`: the package P. */
const PACKAGE_PATH = String.raw`(?:list\(\s*([A-Za-z_][\w.]*)\.__path__\s*\)|([A-Za-z_][\w.]*)\.__path__)(?:\s*\[\s*0\s*\])?`;

const comment = (line: string): boolean => /^\s*#/.test(line);

/** Whether what the finder at 0-based line `at` finds is loaded: a load call in the same def (the whole file at module level), not in a comment. */
const loadsFound = (lines: readonly string[], at: number): boolean => {
  const span = defSpan(lines, at) ?? { from: 0, end: lines.length };
  for (let l = span.from; l < span.end; l++) if (!comment(lines[l]) && LOADS.test(lines[l])) return true;
  return false;
};

/** The lines (1-based) at which the file puts a package's folder in `list`, with the package's dotted name. */
const packagesIn = (lines: readonly string[], list: string): { pkg: string; line: number }[] => {
  const name = escapeRegExp(list);
  const added = new RegExp(String.raw`\b${name}\s*\.\s*(?:append|insert\s*\(\s*\d+\s*,)\s*\(?\s*${PACKAGE_PATH}\s*\)`);
  const assigned = new RegExp(String.raw`^\s*${name}\s*(?::[^=]*)?=(?!=)\s*(.*)$`);
  const item = new RegExp(String.raw`^${PACKAGE_PATH}$`);
  const out: { pkg: string; line: number }[] = [];
  for (let l = 0; l < lines.length; l++) {
    if (comment(lines[l])) continue;
    const a = added.exec(lines[l]);
    if (a !== null) {
      out.push({ pkg: a[1] ?? a[2], line: l + 1 });
      continue;
    }
    const m = assigned.exec(lines[l]);
    if (m === null) continue;
    const value = m[1].replace(/\s*#.*$/, '').trim();
    const whole = item.exec(value);
    const items = whole !== null ? [value] : /^\[.*\]$/.test(value) ? splitCommas(value.slice(1, -1)) ?? [] : [];
    for (const i of items) {
      const p = item.exec(i.trim());
      if (p !== null) out.push({ pkg: p[1] ?? p[2], line: l + 1 });
    }
  }
  return out;
};

/** The modules and subpackages directly in a folder (not `_private` ones, not its own `__init__.py`): prefixed-imports' childrenIn less the package inits. */
const modulesIn = (ctx: FrameworkContext, folder: string): string[] =>
  childrenIn(ctx, folder, () => true).flatMap((c) => (c.init ? [] : [c.target]));

export const collectFinderPackagePaths = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const file of sortedPaths(ctx.files)) {
    // Issue 19: only a file whose text may hold `__path__` is read, and not kept.
    if (!file.endsWith('.py') || !mayHoldPythonMark(ctx.facts(file)?.textMarks, '__path__')) continue;
    const text = ctx.manifests.transientText(file);
    if (text === null || !text.includes('__path__') || !/\bfind_(?:spec|module)\s*\(/.test(text) || !LOADS.test(text)) continue;
    const lines = text.split('\n');
    const seen = new Set<string>();
    const lists = new Map<string, { pkg: string; line: number }[]>();
    let finders = 0;
    for (let l = 0; l < lines.length; l++) {
      // A commented-out finder finds nothing; one whose def loads nothing is a probe (a load elsewhere in the file loads something else).
      if (comment(lines[l]) || !/\bfind_(?:spec|module)\s*\(/.test(lines[l])) continue;
      if (++finders > MAX_FINDERS) break;
      if (!loadsFound(lines, l)) continue;
      for (const call of lines[l].matchAll(FINDER_CALL)) {
        const args = splitCommas(call[2]);
        if (args === null || args.length < 2) continue;
        const name = args[0].trim();
        // A literal name finds one known module: the import readers' business, not a folder's.
        if (!/^[A-Za-z_][\w.]*(?:\([^()]*\))?$/.test(name)) continue;
        const keyword = args.map((a) => /^path\s*=\s*([A-Za-z_]\w*)$/.exec(a.trim())?.[1]).find((a) => a !== undefined);
        const list = keyword ?? (/^[A-Za-z_]\w*$/.test(args[1].trim()) ? args[1].trim() : undefined);
        if (list === undefined) continue;
        if (!lists.has(list)) lists.set(list, packagesIn(lines, list));
        for (const { pkg, line } of lists.get(list)!) {
          // The package as the file's own import binds it.
          if (!new RegExp(String.raw`^\s*(?:import\s+${escapeRegExp(pkg)}\b|from\s+[\w.]+\s+import\s+(?:.*,\s*)?${escapeRegExp(pkg)}\b)`, 'm').test(text)) continue;
          const init = moduleFile(ctx, file, pkg);
          if (init === null || basename(init) !== '__init__.py' || seen.has(init)) continue;
          seen.add(init);
          const folder = dirname(init);
          const label = `loaded by a path finder in ${file}:${l + 1} (${call[0].replace(/\s+/g, ' ')}), over the folder of the package ${pkg} that line ${line} puts in ${list}: any module there may be the one loaded`;
          for (const target of modulesIn(ctx, folder)) if (target !== file) out.references.push({ from: file, target, targetKind: 'file', line: l + 1, label });
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'finder-package-paths',
  title: 'Python path finders over a package\'s own folder',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const f = listed[at];
      if (f.endsWith('.py') && ctx.facts(f) !== undefined) return `${f} is Python`;
    }
    return null;
  },
  collect: collectFinderPackagePaths,
};

export default reader;
