/**
 * Stop 55: a module imported from one of its package's subpackages, the subpackage chosen at run
 * time (mercurial's module policy: policy.py's `def _importfrom(pkgname, modname)` runs
 * `__import__(pkgname, globals(), fakelocals, [modname], level=1)`, and `def importmod(modname)`
 * hands it `'cext'`, `'cffi'` or `'pure'` by HGMODULEPOLICY; util.py's `policy.importmod('osutil')`
 * then loads cext/osutil, cffi/osutil or pure/osutil).
 *
 * The rule, read from text: a def F whose body runs `__import__(A, …, […, B, …], level=1)` (or
 * `importlib.import_module('.' + …)`-free: only this form) with A and B both its parameters imports
 * module B of subpackage A of its own package. A is the literal a caller of F hands for it, or,
 * when that is computed (and for callers of G below), any string literal of F's file that names
 * such a subpackage (a folder beside the file with an `__init__.py`); B is a literal a caller hands:
 * F's own callers in other modules (`policy._importfrom('pure', 'x')`), or callers of a def G of the
 * same file whose one parameter reaches F's B (G calls F with it, or with a name assigned on a line
 * that uses it: `pn, mn = _modredirects.get((purepkg, modname), …)`). Callers are read as
 * resource-wrappers reads them (the module bound by import). The subpackage's `__init__.py` is
 * imported too. A subpackage without the module named gives nothing; nothing is run.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths } from '../../util/file-index.js';
import { dirname } from '../../util/path.js';
import { lookText } from './package-paths.js';
import { calledModuleFile, importedStem, importsAnyOf } from './python-files.js';
import { callingFlows, type ArgShape, type CallFlow, type FunctionFlows } from './loader-roles.js';

/**
 * `__import__(a, globals(), locals, [b], level=1)` (the fromlist one name, level by keyword or
 * position) with `a` and `b` both parameters of the def it is in: their names, else null.
 */
const relativeImport = (fn: FunctionFlows, c: CallFlow): { pkg: string; mod: string } | null => {
  const [a, , , list, level] = c.positional;
  const levelOne = c.positional.length === 5 ? c.keywords.size === 0 && level.text === '1' : c.positional.length === 4 && c.keywords.size === 1 && c.keywords.get('level')?.text === '1';
  if (!levelOne || !/^[A-Za-z_]\w*$/.test(a.text)) return null;
  const mod = /^\[\s*([A-Za-z_]\w*)\s*\]$/.exec(list.text)?.[1];
  return mod !== undefined && fn.params.includes(a.text) && fn.params.includes(mod) ? { pkg: a.text, mod } : null;
};

/** A whole literal argument, str or bytes: `"osutil"`, `b'pure'`. */
const LITERAL_ARGUMENT = /^\s*[bB]?(['"])([A-Za-z_]\w*)\1\s*$/;

/** A def that imports its parameter `module` from its parameter `pkg` subpackage, and the defs that feed it a module name. */
interface Chooser {
  file: string;
  /** Subpackages of the file's package its literals name: name → folder. */
  subpackages: Map<string, string>;
  /** The def name callers call, which argument is the module, and (F's own callers) which is the subpackage. */
  entries: { name: string; arg: number; pkgArg?: number; line: number; how: string }[];
}

/** An argument that is `p` or a name assigned from it (`mn` of `pn, mn = redirects.get((pkg, p), …)`); a computed one (`p.upper()`) is not p's name. */
const handsOn = (arg: ArgShape, p: string): boolean => /^[A-Za-z_]\w*$/.test(arg.text) && arg.params.includes(p);

/** The choosers a file defines: F, and any G of the file that hands F its parameter as the module (read from loader-roles' per-def facts). */
const choosersIn = (ctx: FrameworkContext, path: string, text: string): Chooser | null => {
  const entries: Chooser['entries'] = [];
  const found: { f: FunctionFlows; line: number; pkg: string; mod: string }[] = [];
  for (const fn of callingFlows(text, (w) => w === '__import__')) {
    if (fn.name === '') continue;
    for (const c of fn.calls) {
      const r = relativeImport(fn, c);
      // A closure's call is its own def's and the def around it's too: the innermost (the later header) is F.
      const other = found.findIndex((x) => x.line === c.line);
      if (r === null || (other >= 0 && found[other].f.defLine > fn.defLine)) continue;
      if (other >= 0) found.splice(other, 1);
      found.push({ f: fn, line: c.line, ...r });
    }
  }
  if (found.length === 0) return null;
  found.sort((x, y) => x.line - y.line);
  const fileFns = callingFlows(text, (w) => found.some((x) => x.f.name === w)).sort((x, y) => x.defLine - y.defLine);
  for (const { f, line, pkg, mod } of found) {
    const how = `${f.name}(${f.params.join(', ')}), whose __import__(${pkg}, …, [${mod}], level=1) at ${path}:${line} imports module ${mod} of the subpackage ${pkg}`;
    const modAt = f.params.indexOf(mod);
    entries.push({ name: f.name, arg: modAt, pkgArg: f.params.indexOf(pkg), line, how });
    // G: a def of the same file with one parameter that reaches F's module argument, as is or through its assignments (`pn, mn = _modredirects.get((purepkg, modname), …)`).
    for (const g of fileFns) {
      if (g.name === '' || g.name === f.name || g.params.length !== 1 || g.params[0] === 'self') continue;
      const p = g.params[0];
      const hands = g.calls.some((c) => c.word === f.name && !c.attribute && c.keywords.size === 0 && c.positional.length === f.params.length && handsOn(c.positional[modAt], p));
      if (hands) entries.push({ name: g.name, arg: 0, line: g.defLine, how: `${g.name}(${p}), which hands ${p} to ${how}` });
    }
  }
  if (entries.length === 0) return null;
  const dir = dirname(path);
  const subpackages = new Map<string, string>();
  for (const s of text.matchAll(/[bB]?(['"])([A-Za-z_]\w*)\1/g)) {
    const folder = dir === '' ? s[2] : `${dir}/${s[2]}`;
    if (ctx.files.has(`${folder}/__init__.py`)) subpackages.set(s[2], folder);
  }
  return { file: path, subpackages, entries };
};

export const collectChosenPackageImports = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const choosers: Chooser[] = [];
  const pythonFiles: string[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const path = listed[at];
    if (!path.endsWith('.py')) continue;
    pythonFiles.push(path);
    if ((ctx.facts(path)?.computedImportLines?.length ?? 0) === 0) continue;
    const text = lookText(ctx, path);
    const c = text === null || !text.includes('__import__') ? null : choosersIn(ctx, path, text);
    if (c !== null) choosers.push(c);
  }
  if (choosers.length === 0) return out;
  const names = new Set(choosers.flatMap((c) => c.entries.map((e) => e.name)));
  const words = new Set([...names, ...choosers.map((c) => importedStem(c.file))]);
  for (const path of pythonFiles) {
    if (!importsAnyOf(ctx.facts(path), words)) continue;
    const text = lookText(ctx, path);
    if (text === null || ![...names].some((n) => text.includes(n))) continue;
    const calls = callingFlows(text, (w) => names.has(w)).flatMap((fn) => fn.calls);
    calls.sort((x, y) => x.line - y.line);
    // A closure's call is read for its def and the def around it: once here.
    const done = new Set<string>();
    for (const c of calls) {
      const shownCall = `${c.callee}(${[...c.positional.map((a) => a.text), ...[...c.keywords].map(([k, a]) => `${k}=${a.text}`)].join(', ')})`;
      if (c.callee === '' || done.has(`${c.line} ${shownCall}`)) continue;
      done.add(`${c.line} ${shownCall}`);
      const dot = c.callee.lastIndexOf('.');
      const file = calledModuleFile(ctx, path, dot < 0 ? undefined : c.callee.slice(0, dot), c.word);
      const chooser = choosers.find((x) => x.file === file);
      const entry = chooser?.entries.find((e) => e.name === c.word);
      if (chooser === undefined || entry === undefined || file === path) continue;
      const arg = LITERAL_ARGUMENT.exec(c.positional[entry.arg]?.text ?? '');
      if (arg === null) continue;
      const line = c.line;
      // Review s55-rm4: a caller that names the subpackage itself chooses it; the file's literals
      // stand only for a computed one (`load("fast", "codec")` loads no slow/codec.py).
      const named = entry.pkgArg === undefined ? null : LITERAL_ARGUMENT.exec(c.positional[entry.pkgArg]?.text ?? '')?.[2] ?? null;
      const dir = dirname(chooser.file);
      const subpackages = named === null ? chooser.subpackages : new Map([[named, dir === '' ? named : `${dir}/${named}`]]);
      const shown = [...subpackages.keys()].sort().join(', ');
      for (const [sub, folder] of subpackages) {
        const module = `${folder}/${arg[2]}.py`;
        if (!ctx.files.has(`${folder}/__init__.py`) || !ctx.files.has(module)) continue;
        const label = named !== null
          ? `imported by ${shownCall} in ${path}:${line}, which names the subpackage ${sub}: ${entry.how}`
          : `imported by ${shownCall} in ${path}:${line} when ${sub} is the subpackage chosen at run time (${chooser.file} names ${shown}): ${entry.how}`;
        out.references.push({ from: path, target: module, targetKind: 'file', line, label: `a module ${label}` });
        out.references.push({ from: path, target: `${folder}/__init__.py`, targetKind: 'file', line, label: `the package of a module ${label}` });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'chosen-package-imports',
  title: "modules imported from a subpackage chosen at run time (mercurial's module policy)",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const path = listed[at];
      if (path.endsWith('.py') && (ctx.facts(path)?.computedImportLines?.length ?? 0) > 0) return `${path} has a computed __import__`;
    }
    return null;
  },
  collect: collectChosenPackageImports,
};

export default reader;
