/**
 * Stop 44: the package a resource API call is anchored at is imported by the call:
 * `importlib.resources.files('pkg.data')`, `path('pkg.data', 'x')`, `read_text(…)`,
 * `pkg_resources.resource_filename('pkg.data', 'x')`, `pkgutil.get_data('pkg.data', 'x')` all import
 * `pkg.data` (its `__init__.py`, often empty, kept only to be an anchor) before they read. The
 * anchor is a literal (package-paths' resourceReads), or an f-string over a module constant
 * (linkchecker's `importlib.resources.path(f"{PACKAGE_NAME}.data", "linkcheckerrc")`, where
 * `from .. import PACKAGE_NAME` and the package's `__init__.py` says `PACKAGE_NAME = __package__`):
 * the constant is the file's own or one it imports by name from a repo module, assigned a string
 * literal, or `__package__`/`__name__` in a package's `__init__.py` (the package itself).
 *
 * Only files that import a resource API are read; an anchor that names no repo package gives nothing.
 * package-configs gives the same edge for a config it reads: framework edges keep one.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { basename, dirname } from '../../util/path.js';
import { firstResourceApiImporter, importsResourceApi, lookText, packageDir, resourceReads } from './package-paths.js';
import { fromName, moduleFile } from './python-files.js';
import { literalFirst, resourceApiCalls } from './resource-wrappers.js';

/** A resource call whose anchor is an f-string of one module constant and a dotted tail: `path(f"{PACKAGE_NAME}.data", …)`, `files(f"{PKG}")`. */
const FSTRING_ANCHOR = /\b(read_text|read_binary|open_text|open_binary|path|is_resource|contents|files|resource_filename|resource_string|resource_stream|resource_exists|resource_isdir|resource_listdir|get_data)\s*\(\s*[fF](['"])\{([A-Za-z_]\w*)\}((?:\.[A-Za-z_]\w*)*)\2/g;

/** `NAME = …` at the top of a module: a string literal, or the package `__package__`/`__name__` stand for in an `__init__.py`, as a package folder. */
const constantIn = (ctx: FrameworkContext, holder: string, name: string): { dir: string; line: number; as: string } | null => {
  const text = lookText(ctx, holder);
  if (text === null) return null;
  const m = new RegExp(`^${name}[ \\t]*=[ \\t]*(?:(['"])([\\w.]+)\\1|(__package__|__name__))[ \\t]*(?:#.*)?$`, 'm').exec(text);
  if (m === null) return null;
  const line = lineAt(text, m.index);
  if (m[2] !== undefined) {
    const dir = packageDir(ctx, m[2]);
    return dir === null ? null : { dir, line, as: `'${m[2]}'` };
  }
  return basename(holder) === '__init__.py' ? { dir: dirname(holder), line, as: m[3] } : null;
};

/** The package folder an f-string anchor's constant stands for, and where it is set; null when the file neither sets nor imports it. */
const constantPackage = (ctx: FrameworkContext, path: string, name: string): { dir: string; where: string } | null => {
  const own = constantIn(ctx, path, name);
  if (own !== null) return { dir: own.dir, where: `${name} = ${own.as} at line ${own.line}` };
  for (const i of ctx.facts(path)?.imports ?? []) {
    if (i.syntax !== 'from') continue;
    const n = i.names.find((x) => (x.alias ?? x.name) === name);
    if (n === undefined || moduleFile(ctx, path, fromName(i.specifier, n.name)) !== null) continue;
    const holder = moduleFile(ctx, path, i.specifier);
    const held = holder === null || holder === path ? null : constantIn(ctx, holder, n.name);
    if (held !== null) return { dir: held.dir, where: `${n.name} = ${held.as} in ${holder}:${held.line}` };
  }
  return null;
};

export const collectResourceAnchors = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const path = listed[at];
    if (!path.endsWith('.py') || !importsResourceApi(ctx, path)) continue;
    const text = lookText(ctx, path);
    if (text === null) continue;
    const seen = new Set<string>();
    for (const r of resourceReads(ctx, path, text, () => true)) {
      // The package's own __init__.py: a module target would also give `python -m pkg`'s __main__.py.
      const dir = r.anchor === undefined ? null : packageDir(ctx, r.anchor);
      const init = dir === null ? null : `${dir}/__init__.py`;
      if (init === null || seen.has(init)) continue;
      seen.add(init);
      const line = lineAt(text, r.index);
      out.references.push({ from: path, target: init, targetKind: 'file', line, label: `the package ${r.anchor}, imported by ${r.how} in ${path}:${line}, which reads from it` });
    }
    // Stop 55: the API's own call with a literal anchor and a computed name (meson's
    // `importlib.resources.read_text('mesonbuild.dependencies.data', cmake_file, …)`).
    for (const c of resourceApiCalls(ctx, path, text)) {
      const name = literalFirst(c);
      const dir = name === null ? null : packageDir(ctx, name);
      const init = dir === null ? null : `${dir}/__init__.py`;
      if (init === null || seen.has(init)) continue;
      seen.add(init);
      const line = c.line;
      out.references.push({ from: path, target: init, targetKind: 'file', line, label: `the package ${name}, imported by ${c.api}('${name}', …) in ${path}:${line}, which reads from it` });
    }
    if (!text.includes('{')) continue;
    for (const m of text.matchAll(FSTRING_ANCHOR)) {
      const constant = constantPackage(ctx, path, m[3]);
      if (constant === null) continue;
      const dir = m[4] === '' ? constant.dir : `${constant.dir}/${m[4].slice(1).replace(/\./g, '/')}`;
      const init = `${dir}/__init__.py`;
      if (!ctx.files.has(init) || seen.has(init)) continue;
      seen.add(init);
      const line = lineAt(text, m.index);
      out.references.push({ from: path, target: init, targetKind: 'file', line, label: `the package that ${m[1]}(f"{${m[3]}}${m[4]}", …) in ${path}:${line} imports to read from (${constant.where})` });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'resource-anchors',
  title: 'packages a resource API call is anchored at (importlib.resources, pkg_resources, pkgutil)',
  ecosystem: 'python',
  enabledBy: firstResourceApiImporter,
  collect: collectResourceAnchors,
};

export default reader;
