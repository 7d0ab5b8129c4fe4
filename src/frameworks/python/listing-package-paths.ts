/**
 * Stop 64: a folder loader handed a package's own folder from elsewhere in its file. neutron's
 * api/extensions.py:448 `_load_all_extensions_from_path(self, path)` runs `os.listdir(path)` and loads
 * each `.py` there by `spec_from_file_location(mod_name, ext_path)` + `exec_module` (line 454); the
 * folder reaches it as a parameter, through `ExtensionManager(path)` and `path.split(':')`, from
 * `get_extensions_path()` in the same file, which puts `core_extensions.__path__[0]` in its
 * `paths` (line 625, `from neutron import extensions as core_extensions`). Every API extension in
 * neutron/extensions/ (75 modules) is loaded so, and nothing imports them by name.
 *
 * Read in a Python file that lists a folder held in a bare name (`os.listdir(NAME)`,
 * `os.scandir(NAME)`) that is a parameter of the listing's def (the folder comes from a caller
 * census does not follow), in a def that also loads a file by its path (`spec_from_file_location`,
 * `load_source`, `SourceFileLoader`) and runs it (`exec_module(`, `load_module(`, or load_source
 * itself): the file's own `P.__path__[0]` (or `list(P.__path__)[0]`) standing alone as a value,
 * outside that def, is a folder it may be handed. Alone means assigned (`d = P.__path__[0]`, `paths[
 * P.__path__[0]] = 1`), appended or inserted, or an item of a list or tuple literal; a path built on
 * it (`os.path.join(P.__path__[0], 'templates')`, `P.__path__[0] + '/x'`) names another folder and
 * gives nothing. The file must not show the folder put only to another use (listing-folder-flow.ts: its
 * holders used, none in a call that runs the loader). P is a repo package the file imports. Every module directly in P's folder (not
 * `_private`, not `__init__`, not subpackages: a listing of `.py` files by path) is an edge from the
 * file. A listing of a literal or settled folder is folder-loaders' business; a def that lists but
 * loads nothing by path, a listed name that is not a parameter, a commented-out line, a package the
 * file does not import give nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { basename, dirname } from '../../util/path.js';
import { defSpan, firstPythonFile, pythonFiles } from './python-files.js';
import { boundModuleFile } from './folder-loaders.js';
import { folderFlow, type FolderFlow } from './listing-folder-flow.js';
import { childrenIn } from './prefixed-imports.js';
import { mayHoldPythonMark } from '../../languages/python/text-marks.js';

/** A listing of a folder held in a bare name: `os.listdir(path)`, `scandir(path)`. */
const LISTING = /(?<![\w.])(?:os\s*\.\s*)?(listdir|scandir)\s*\(\s*([A-Za-z_]\w*)\s*\)/;
/** A load of a file by its path. */
const PATH_LOAD = /\b(spec_from_file_location|load_source|SourceFileLoader)\s*\(/;
/** What runs a module loaded by path (load_source runs it itself). */
const RUNS = /\b(?:exec_module|load_module|load_source)\s*\(/;
/** `P.__path__[0]`, `list(P.__path__)[0]`: the folder of the package P, with what stands before and after it. */
// A name starts where no name character or dot stands before it: without that each start inside a long run of name
// characters scanned the rest of the run (a 200 KB line took 41 s), and `f().pkg.__path__[0]` read `pkg` as a bound name.
const PACKAGE_FOLDER = /(list\(\s*([A-Za-z_][\w.]*)\.__path__\s*\)|(?<![\w.])([A-Za-z_][\w.]*)\.__path__)\s*\[\s*0\s*\]/g;
/** At most this many listings, and package folders, are read in one file: a hostile line of thousands costs no more. */
const MAX_LISTINGS = 32;
const MAX_FOLDERS = 64;

const comment = (line: string): boolean => /^\s*#/.test(line);

/** The parameter names of the def whose first line is `lines[from]` (its signature may run over a few lines). */
const paramsOf = (lines: readonly string[], from: number): Set<string> => {
  const head = lines.slice(from, from + 8).join(' ');
  // Anchored at the def line's start: unanchored, each `def x(` of a hostile unclosed line scanned the rest of it.
  const sig = /^\s*(?:async\s+)?def\s+\w+\s*\(([^)]*)\)/.exec(head);
  const out = new Set<string>();
  if (sig === null) return out;
  for (const p of sig[1].split(',')) {
    const name = /^\s*\**\s*([A-Za-z_]\w*)/.exec(p)?.[1];
    if (name !== undefined) out.add(name);
  }
  return out;
};

/**
 * Whether `P.__path__[0]` at `[at, end)` of `line` stands alone as a value: the right side of an
 * assignment, a subscript key assigned to, an append/insert argument, or a list/tuple item; not a
 * join's part, a concatenation's or a call's argument that builds another path.
 */
const standsAlone = (line: string, at: number, end: number): boolean => {
  const before = line.slice(0, at).trimEnd();
  const after = line.slice(end).trimStart();
  if (/^[+/%*]/.test(after) || /[+/%*]$/.test(before)) return false;
  if (/(?<![=!<>])=$/.test(before)) return after === '' || after.startsWith('#') || after.startsWith(')');
  // `paths[P.__path__[0]] = 1`: a key of a mapping the file fills.
  if (/[\w\])]\s*\[$/.test(before)) return /^\]\s*=(?!=)/.test(after);
  if (/\.\s*(?:append|add)\s*\($/.test(before) || /\.\s*insert\s*\(\s*\d+\s*,$/.test(before)) return after.startsWith(')');
  // An item of a list or tuple literal on the line: `[P.__path__[0], other]`, `(a, P.__path__[0])`; not a call's argument.
  if (!/^[,\])]/.test(after)) return false;
  const opener = openerBefore(before);
  return opener >= 0 && !/[\w\])]\s*$/.test(before.slice(0, opener));
};

/** The index of the bracket left open at the end of `text` (`[` or `(`), or -1. */
const openerBefore = (text: string): number => {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
};

/** The line (0-based) of a listing of a parameter, in a def that loads a file by its path and runs it; with that def's span. */
export const listingLoaders = (lines: readonly string[]): { line: number; call: string; loadLine: number; span: { from: number; end: number } }[] => {
  const out: { line: number; call: string; loadLine: number; span: { from: number; end: number } }[] = [];
  for (let l = 0; l < lines.length && out.length < MAX_LISTINGS; l++) {
    if (comment(lines[l])) continue;
    const m = LISTING.exec(lines[l]);
    if (m === null) continue;
    const span = defSpan(lines, l);
    if (span === null || !paramsOf(lines, span.from).has(m[2])) continue;
    let loadLine = -1;
    let runs = false;
    for (let k = span.from; k < span.end; k++) {
      if (comment(lines[k])) continue;
      if (loadLine < 0 && PATH_LOAD.test(lines[k])) loadLine = k;
      if (RUNS.test(lines[k])) runs = true;
    }
    if (loadLine >= 0 && runs) out.push({ line: l, call: m[0].replace(/\s+/g, ''), loadLine, span });
  }
  return out;
};

/** The modules directly in a folder: prefixed-imports' childrenIn less package inits and subpackages (a listing of `.py` files by path). */
export const modulesIn = (ctx: FrameworkContext, folder: string): string[] =>
  childrenIn(ctx, folder, () => true).flatMap((c) => (c.init || basename(c.target) === '__init__.py' ? [] : [c.target]));

export const collectListingPackagePaths = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const file of pythonFiles(ctx)) {
    // Issue 19: only a file whose text may hold `__path__` is read, and not kept.
    const facts = ctx.facts(file);
    if (facts === undefined || !mayHoldPythonMark(facts.textMarks, '__path__')) continue;
    const text = ctx.manifests.transientText(file);
    if (text === null || !text.includes('__path__') || !/\b(?:listdir|scandir)\s*\(/.test(text) || !PATH_LOAD.test(text)) continue;
    const lines = text.split('\n');
    const loaders = listingLoaders(lines);
    if (loaders.length === 0) continue;
    const seen = new Set<string>();
    let folders = 0;
    let flow: FolderFlow | undefined;
    for (let l = 0; l < lines.length && folders < MAX_FOLDERS; l++) {
      if (comment(lines[l]) || !lines[l].includes('__path__')) continue;
      for (const m of lines[l].matchAll(PACKAGE_FOLDER)) {
        if (++folders > MAX_FOLDERS) break;
        const pkg = m[2] ?? m[3];
        if (!standsAlone(lines[l], m.index, m.index + m[0].length)) continue;
        // The listing's own def hands its folder on: a folder named there is listed by that def's own listing, not handed in.
        // …and the folder may reach it: a folder the file puts only to another use (a template folder it joins
        // onto, a loader of its own) is not the one listed (listing-folder-flow.ts).
        flow ??= folderFlow(lines);
        const loader = loaders.find((x) => (l < x.span.from || l >= x.span.end) && flow!.mayReach(l, x.span.from));
        if (loader === undefined) continue;
        // The package as the file's own import binds it (`from neutron import extensions as core_extensions`).
        const init = boundModuleFile(ctx, file, facts, pkg, true);
        if (init === null || basename(init) !== '__init__.py' || seen.has(init)) continue;
        seen.add(init);
        const label = `loaded by ${file}:${loader.line + 1} (${loader.call}, each file loaded by its path at line ${loader.loadLine + 1}), handed the folder of the package ${pkg} that line ${l + 1} names (${m[0].replace(/\s+/g, '')})`;
        for (const target of modulesIn(ctx, dirname(init))) if (target !== file) out.references.push({ from: file, target, targetKind: 'file', line: loader.line + 1, label });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'listing-package-paths',
  title: 'Python folder listings handed a package\'s own folder',
  ecosystem: 'python',
  enabledBy: firstPythonFile,
  collect: collectListingPackagePaths,
};

export default reader;
