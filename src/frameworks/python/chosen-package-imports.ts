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
import { lineAt, lineCounter } from '../../util/lines.js';
import { dirname } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { lookText } from './package-paths.js';
import { calledModuleFile, codeNames, defsOf, importedStem, importsAnyOf } from './python-files.js';

/** `__import__(a, globals(), locals, [b], level=1)`, the fromlist one name, level by keyword or position. */
// An argument is `[^,()]*(?:\(\s*\)[^,()]*)?`: no `\s*` beside a class that holds spaces too, so a long run of them is read once, not split every way (review s55-rm4: 40,000 spaces took 1.7 s).
const RELATIVE_IMPORT = /\b__import__\s*\(\s*([A-Za-z_]\w*)\s*,[^,()]*(?:\(\s*\)[^,()]*)?,[^,()]*(?:\(\s*\)[^,()]*)?,\s*\[\s*([A-Za-z_]\w*)\s*\]\s*,\s*(?:level\s*=\s*)?1\s*\)/g;

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

/** The choosers a file defines: F, and any G of the file that hands F its parameter as the module. */
const choosersIn = (ctx: FrameworkContext, path: string, text: string): Chooser | null => {
  const defs = defsOf(text);
  const entries: Chooser['entries'] = [];
  const isCode = codeNames(text);
  for (const m of text.matchAll(RELATIVE_IMPORT)) {
    const f = defs.filter((d) => d.index < m.index! && m.index! < d.end).pop();
    if (!isCode(m.index!) || f === undefined || !f.params.includes(m[1]) || !f.params.includes(m[2])) continue;
    const line = lineAt(text, m.index!);
    const how = `${f.name}(${f.params.join(', ')}), whose __import__(${m[1]}, …, [${m[2]}], level=1) at ${path}:${line} imports module ${m[2]} of the subpackage ${m[1]}`;
    const modAt = f.params.indexOf(m[2]);
    entries.push({ name: f.name, arg: modAt, pkgArg: f.params.indexOf(m[1]), line, how });
    // G: a def of the same file with one parameter that reaches F's module argument.
    const call = new RegExp(String.raw`(?<![\w.])${escapeRegExp(f.name)}\s*\(([^()]*)\)`, 'g');
    for (const g of defs) {
      if (g === f || g.params.length !== 1 || g.params[0] === '' || g.params[0] === 'self') continue;
      const body = text.slice(g.index, g.end);
      for (const c of body.matchAll(call)) {
        const args = c[1].split(',').map((a) => a.trim());
        if (args.length !== f.params.length) continue;
        const mod = args[modAt];
        const p = g.params[0];
        const word = (name: string) => new RegExp(String.raw`(?<![\w.])${escapeRegExp(name)}(?!\w)`);
        const assignedFromP = body.split('\n').some((l) => /=(?!=)/.test(l) && word(mod).test(l.split('=')[0]) && word(p).test(l.slice(l.indexOf('=') + 1)));
        if (mod !== p && !assignedFromP) continue;
        entries.push({ name: g.name, arg: 0, line: lineAt(text, g.index), how: `${g.name}(${p}), which hands ${p} to ${how}` });
        break;
      }
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
  const names = [...new Set(choosers.flatMap((c) => c.entries.map((e) => e.name)))];
  const call = new RegExp(String.raw`(?<![\w.])(?:([A-Za-z_][\w.]*)\.)?(${names.map(escapeRegExp).join('|')})\s*\(([^()]*)\)`, 'g');
  const words = new Set([...names, ...choosers.map((c) => importedStem(c.file))]);
  for (const path of pythonFiles) {
    if (!importsAnyOf(ctx.facts(path), words)) continue;
    const text = lookText(ctx, path);
    if (text === null || !names.some((n) => text.includes(n))) continue;
    const lineOf = lineCounter(text);
    const isCode = codeNames(text);
    for (const m of text.matchAll(call)) {
      const file = calledModuleFile(ctx, path, m[1], m[2]);
      const chooser = choosers.find((c) => c.file === file);
      const entry = chooser?.entries.find((e) => e.name === m[2]);
      if (chooser === undefined || entry === undefined || file === path || !isCode(m.index!)) continue;
      const args = m[3].split(',');
      const arg = LITERAL_ARGUMENT.exec(args[entry.arg] ?? '');
      if (arg === null) continue;
      const line = lineOf(m.index!);
      // Review s55-rm4: a caller that names the subpackage itself chooses it; the file's literals
      // stand only for a computed one (`load("fast", "codec")` loads no slow/codec.py).
      const named = entry.pkgArg === undefined ? null : LITERAL_ARGUMENT.exec(args[entry.pkgArg] ?? '')?.[2] ?? null;
      const dir = dirname(chooser.file);
      const subpackages = named === null ? chooser.subpackages : new Map([[named, dir === '' ? named : `${dir}/${named}`]]);
      const shown = [...subpackages.keys()].sort().join(', ');
      for (const [sub, folder] of subpackages) {
        const module = `${folder}/${arg[2]}.py`;
        if (!ctx.files.has(`${folder}/__init__.py`) || !ctx.files.has(module)) continue;
        const label = named !== null
          ? `imported by ${m[0].trim()} in ${path}:${line}, which names the subpackage ${sub}: ${entry.how}`
          : `imported by ${m[0].trim()} in ${path}:${line} when ${sub} is the subpackage chosen at run time (${chooser.file} names ${shown}): ${entry.how}`;
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
