/**
 * Stop 65: listing-package-paths.ts reads a folder loader handed a package's folder in the loader's own
 * file. Another module may hand it one: neutron's tests/unit/api/test_extensions.py:52
 * `extensions_path = ':'.join(neutron.tests.unit.extensions.__path__)`, then at :944 and :1021
 * `extensions.PluginAwareExtensionManager(extensions_path, …)`, a subclass of api/extensions.py's
 * ExtensionManager, whose `_load_all_extensions_from_path(self, path)` lists the folder
 * (`os.listdir(path)`) and loads each `.py` there by its path (`spec_from_file_location` +
 * `exec_module`), after `self.path.split(':')`. The test extensions there (foxinsocks.py,
 * extensionattribute.py, v2attributes.py) are imported by nobody and were called dead.
 *
 * Read in a Python file F: a call `M.C(FOLDER, …)` whose module M (F's import binds it) holds a
 * listing loader as listing-package-paths finds one (a def that lists a folder named by its parameter,
 * loads each file by path and runs it), C that def's class or a class of M that derives from it,
 * and FOLDER the folder of a package P that F imports: `P.__path__[0]`, `list(P.__path__)[0]`, or
 * `':'.join(P.__path__)` (`os.pathsep.join`) when M splits its path on `':'` (`split(':')`,
 * `split(os.pathsep)`), written in the call or held by a module-level name of F assigned that
 * expression and nothing else. Every module directly in P's folder is an edge from F at the
 * call's line. A class of M that is not the loader's, a path built on the folder
 * (`os.path.join(P.__path__[0], 'x')`), a joined folder where M does not split, a name assigned
 * twice (in a def too), a call in a comment or a docstring give nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { basename, dirname } from '../../util/path.js';
import { firstPythonFile, pythonFiles } from './python-files.js';
import { boundModuleFile } from './folder-loaders.js';
import { listingLoaders, modulesIn } from './listing-package-paths.js';
import { callArguments } from './call-text.js';
import { mayHoldPythonMark } from '../../languages/python/text-marks.js';
import { perScan } from '../per-scan.js';
import { lineStarts } from '../../util/lines.js';
import { insideSpans, tripleQuotedSpans } from './triple-quoted.js';

/** A package's folder as a value: `':'.join(P.__path__)`, `os.pathsep.join(P.__path__)`, `list(P.__path__)[0]`, `P.__path__[0]`. */
const FOLDER = /^(?:(?:(['"]):\1|os\s*\.\s*pathsep)\s*\.\s*join\s*\(\s*([A-Za-z_][\w.]*)\.__path__\s*\)|list\(\s*([A-Za-z_][\w.]*)\.__path__\s*\)\s*\[\s*0\s*\]|([A-Za-z_][\w.]*)\.__path__\s*\[\s*0\s*\])$/;
/**
 * An assignment `NAME = value` up to its `=`: module-level when its indent is empty. The value is the
 * rest of the line trimmed (heldValue): a lazy `(.*?)\s*$` here was quadratic in a run of spaces
 * inside the value (review s65-rv4: a 200 KB line `X = a<spaces>b` took 40 s).
 */
const ASSIGNMENT = /^(\s*)([A-Za-z_]\w*)\s*=(?!=)/;
/** A line break `.` does not cross: a value holding one is no assignment's (as `\s*(.*?)\s*$` read it). */
const BREAK = /[\n\r\u2028\u2029]/;
/** `M.C(`: a class of a module the file imports, called. */
const MODULE_CALL = /(?<![\w.])([A-Za-z_]\w*)\s*\.\s*([A-Za-z_]\w*)\s*\(/g;
/** A loader that splits its path on `:` (so a joined folder list reaches the listing one by one). */
const SPLITS = /\.split\(\s*(?:(['"]):\1|os\s*\.\s*pathsep)\s*\)/;
/** At most this many calls are read in one file: a hostile line of thousands costs no more. */
const MAX_CALLS = 256;
/** How far past a call's bracket its first argument is looked for before it is read. */
const WINDOW = 400;
/** At most this many module-level names holding a folder are kept in one file. */
const MAX_HELD = 32;

export interface Folder {
  pkg: string;
  joined: boolean;
  text: string;
}

const folderOf = (value: string): Folder | null => {
  const m = FOLDER.exec(value.trim());
  if (m === null) return null;
  return { pkg: m[2] ?? m[3] ?? m[4], joined: m[2] !== undefined, text: value.trim().replace(/\s+/g, '') };
};

interface LoaderClasses {
  /** Each class whose instances run the listing: the listing def's own class, and classes of the module that derive from it. */
  classes: Map<string, { line: number; call: string; loadLine: number }>;
  splits: boolean;
}

/** The classes of a module that hold (or inherit) a listing loader; read once per scan and module. */
const loaderClassesMemo = perScan(() => new Map<string, LoaderClasses | null>());

const loaderClassesOf = (ctx: FrameworkContext, module: string): LoaderClasses | null => {
  const memo = loaderClassesMemo(ctx);
  if (memo.has(module)) return memo.get(module)!;
  let found: LoaderClasses | null = null;
  const text = ctx.manifests.transientText(module);
  if (text !== null && /\b(?:listdir|scandir)\s*\(/.test(text)) {
    const lines = text.split('\n');
    const classes = new Map<string, { line: number; call: string; loadLine: number }>();
    for (const loader of listingLoaders(lines)) {
      // The class around the def: the nearest `class` line above it, indented less than the def.
      const indent = /^\s*/.exec(lines[loader.span.from])![0].length;
      for (let k = loader.span.from - 1; k >= 0; k--) {
        const own = /^(\s*)class\s+([A-Za-z_]\w*)/.exec(lines[k]);
        if (own !== null && own[1].length < indent) {
          classes.set(own[2], loader);
          break;
        }
        if (lines[k].trim() !== '' && /^\S/.test(lines[k]) && own === null) break;
      }
    }
    // Classes of the module that derive from one (`class PluginAwareExtensionManager(ExtensionManager):`), to a fixpoint.
    const bases: [string, string[]][] = [];
    for (const line of lines) {
      const m = /^class\s+([A-Za-z_]\w*)\s*\(([^)]*)\)/.exec(line);
      if (m !== null) bases.push([m[1], m[2].split(',').map((b) => b.trim())]);
    }
    for (let changed = classes.size > 0; changed; ) {
      changed = false;
      for (const [name, of] of bases) {
        if (classes.has(name)) continue;
        const base = of.find((b) => classes.has(b));
        if (base !== undefined) {
          classes.set(name, classes.get(base)!);
          changed = true;
        }
      }
    }
    if (classes.size > 0) found = { classes, splits: SPLITS.test(text) };
  }
  memo.set(module, found);
  return found;
};

/**
 * The module-level names of the file that hold a package's folder, assigned that once and never again
 * anywhere in the file: a def that assigns the name too (`OTHER = '/srv/x'` before
 * `M.C(OTHER)`) holds its own value there, so the name is not read as the folder.
 */
export const heldFolders = (lines: readonly string[]): Map<string, Folder> => {
  const assigned = new Map<string, number>();
  const held = new Map<string, Folder>();
  for (const line of lines) {
    const m = ASSIGNMENT.exec(line);
    if (m === null) continue;
    const value = line.slice(m[0].length).trim();
    if (BREAK.test(value)) continue;
    assigned.set(m[2], (assigned.get(m[2]) ?? 0) + 1);
    const folder = m[1] === '' && line.includes('__path__') ? folderOf(value) : null;
    if (folder !== null && held.size < MAX_HELD) held.set(m[2], folder);
  }
  for (const name of [...held.keys()]) if (assigned.get(name) !== 1) held.delete(name);
  return held;
};

/** A call `M.C(FIRST, …)` whose first argument may hold a folder: its 0-based line, M, C and FIRST as written. */
export interface FolderCall {
  line: number;
  module: string;
  cls: string;
  first: string;
}

/** Where any of `needles` starts in `text`, ascending (a zero-width look ahead, so overlapping ones count too). */
const needleStarts = (text: string, needles: readonly string[]): number[] => {
  const pattern = new RegExp(`(?=${needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  const out: number[] = [];
  for (const m of text.matchAll(pattern)) out.push(m.index);
  return out;
};

/**
 * The calls `M.C(` of a Python text whose first argument may be a folder: `__path__` or a held name
 * starts within WINDOW characters of the bracket (a test module makes thousands of `self.assertX(`
 * calls), at most MAX_CALLS of those a text. A call after a `#` on its line, or inside a
 * triple-quoted string (a docstring's example runs nothing), is not read. Linear in the text: the
 * line's comment is looked for once, and the needles' places once for the text, walked in step with
 * the calls (looking in each call's window, or the line per call, took 2.7 s on a 1 MB line of calls).
 */
export const folderCalls = (text: string, heldNames: readonly string[]): FolderCall[] => {
  const out: FolderCall[] = [];
  const lines = text.split('\n');
  const marks = needleStarts(text, ['__path__', ...heldNames]);
  let next = 0;
  let calls = 0;
  let starts: readonly number[] | undefined;
  let docs: [number, number][] | undefined;
  for (let l = 0; l < lines.length && calls < MAX_CALLS && next < marks.length; l++) {
    const line = lines[l];
    if (/^\s*#/.test(line) || !line.includes('(')) continue;
    const commentAt = line.indexOf('#');
    for (const m of line.matchAll(MODULE_CALL)) {
      if (commentAt >= 0 && commentAt < m.index) break;
      starts ??= lineStarts(text);
      const offset = starts[l] + m.index + m[0].length - 1;
      while (next < marks.length && marks[next] < offset) next++;
      if (next === marks.length || marks[next] >= offset + WINDOW) continue;
      if (++calls > MAX_CALLS) break;
      docs ??= tripleQuotedSpans(text);
      if (insideSpans(docs, offset)) continue;
      const first = callArguments(text, offset)?.[0]?.trim();
      if (first === undefined || first === '') continue;
      out.push({ line: l, module: m[1], cls: m[2], first });
    }
  }
  return out;
};

export const collectHandedPackagePaths = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const file of pythonFiles(ctx)) {
    // Issue 19: only a file whose text may hold `__path__` is read, and not kept.
    const facts = ctx.facts(file);
    if (facts === undefined || !mayHoldPythonMark(facts.textMarks, '__path__')) continue;
    const text = ctx.manifests.transientText(file);
    if (text === null || !text.includes('__path__')) continue;
    const held = heldFolders(text.split('\n'));
    const seen = new Set<string>();
    for (const { line: l, module: bound, cls, first } of folderCalls(text, [...held.keys()])) {
      const folder = held.get(first) ?? (first.includes('__path__') ? folderOf(first) : null);
      if (folder === null) continue;
      const module = boundModuleFile(ctx, file, facts, bound, true);
      const loaders = module === null ? null : loaderClassesOf(ctx, module);
      const loader = loaders?.classes.get(cls);
      if (module === null || loaders === null || loader === undefined || (folder.joined && !loaders.splits)) continue;
      const init = boundModuleFile(ctx, file, facts, folder.pkg, true);
      if (init === null || basename(init) !== '__init__.py') continue;
      const key = `${init}\0${l}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const via = held.has(first) ? `${first}, ${folder.text}` : folder.text;
      const label = `loaded by ${module}:${loader.line + 1} (${loader.call}, each file loaded by its path at line ${loader.loadLine + 1}), handed the folder of the package ${folder.pkg} by ${bound}.${cls}(${via}) at ${file}:${l + 1}`;
      for (const target of modulesIn(ctx, dirname(init))) if (target !== file) out.references.push({ from: file, target, targetKind: 'file', line: l + 1, label });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'listing-package-paths-handed',
  title: 'Python folder loaders handed a package\'s folder by another module',
  ecosystem: 'python',
  enabledBy: firstPythonFile,
  collect: collectHandedPackagePaths,
};

export default reader;
