/**
 * Files a Python package reads or runs by a path built from its own folder: beets'
 * `os.path.join(os.path.dirname(__file__), 'completion_base.sh')`, `Path(__file__).parent / 'x.js'`,
 * `importlib.resources.files(__package__) / 'x.css'`, `pkgutil.get_data(__name__, 'data/x.sh')`,
 * `pkg_resources.resource_filename('pkg', 'x')` (the path forms package-paths reads). No import
 * names such a file (a script a web page is injected with, a shell script a command prints or runs,
 * a template), so it looked dead; it is used by the module that names it, and takes its kind.
 *
 * Also through the repo's own wrapper functions: a function whose parameter is the last part of
 * such a path (qutebrowser's `def _path(filename): return importlib_resources.files(qutebrowser) /
 * filename`, `def read_file(filename): … _path(filename)`; ranger's `def relpath(*paths): return
 * os.path.join(ranger.RANGERDIR, *paths)`), found by a fixpoint as loader-wrappers finds loaders:
 * each call with a literal argument (`resources.read_file('javascript/scroll.js')`,
 * `self.fm.relpath('data/scope.sh')`) is an edge from the calling module to that file under the
 * wrapper's folder; an f-string argument (`f'javascript/quirks/{name}.user.js'`) to every file its
 * pattern matches there. A folder named by such a path and listed on the same line or through the
 * name it is assigned to (`os.listdir(os.path.join(HERE, 'static'))`, `DIR.glob('*.css')`) makes each
 * file in it the listing can yield used, Python modules aside (listing them is no import: the
 * folder-loader readers decide those).
 *
 * A path that does not settle to a repo file (built from a runtime value, outside the repo) gives
 * nothing. Calls are matched as loader-wrappers matches them (loader-calls' callTarget): a
 * module-level function by the name the file binds (`mod.f` through folder-loaders' boundModuleFile:
 * `import a.b` binds `a`), a method by `self.m` in its class or by name when one class alone defines it.
 */
import type { FileFacts } from '../../model/facts.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader, ReferenceInput } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isFolder, pathsInDir, pathsWithPrefix, sortedPaths, pathsNamedLike } from '../../util/file-index.js';
import { lineAt, lineStarts } from '../../util/lines.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { compileRepoGlob } from '../../util/glob.js';
import { tokenize, type PythonTokens } from '../../languages/python/tokenize.js';
import { stringValue } from '../../languages/python/literals.js';
import { moduleStrings } from '../../languages/python/assignment-lines.js';
import { callArgs, isOp, nameText, splitTop } from '../../languages/python/ranges.js';
import { Kind, Op, StringFlag } from '../../languages/python/tokens.js';
import { perScan } from '../per-scan.js';
import { calleeAt, fileDefs, type OpenDef } from './loader-functions.js';
import { defSpan, importIndex, moduleFile, specifiersByPart } from './python-files.js';
import { argumentsFor, callTarget, type CallSite } from './loader-calls.js';
import { defReading, handedTo, whichNamed } from './handed-paths.js';
import { boundModuleFile } from './folder-loaders.js';
import { anchorPlaces, blankComments, fileAnchoredPath, fileVariables, importsResourceApi, lookText, MAX_PATH_LINE, PATH_VIEW_REACH, pathConstants, resourceReads, resourceTemplates, spannedPathLine, withConstants } from './package-paths.js';

/** How many string constants of a module are read as literals. */
const MAX_NAME_CONSTANTS = 50;
const UPPER_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * A module's string constants by name (an UPPER_CASE name assigned one literal once, at module
 * level: assignment-lines' moduleStrings), with the pattern that finds them in a line; null when there are none.
 */
const nameConstants = (text: string): { values: Map<string, string>; find: RegExp } | null => {
  // Annotated or not (`DATA_DIR: str = 'data'`), as moduleStrings reads them.
  if (!/^[A-Z][A-Z0-9_]*(?:[ \t]*:[^=\n]*)?[ \t]*=[ \t]*[rRuU]?['"]/m.test(text)) return null;
  const values = new Map<string, string>();
  let named = 0;
  for (const [name, all] of moduleStrings(text)) {
    const literals = all.filter((v) => v.length > 0 && v.length <= 200);
    if (!UPPER_NAME.test(name) || literals.length === 0 || named++ >= MAX_NAME_CONSTANTS) continue;
    // Assigned twice: which value a line reads depends on the order they ran in.
    if (literals.length === 1) values.set(name, literals[0]);
  }
  if (values.size === 0) return null;
  // A read of the name, not its assignment nor an attribute (`x.NAME`) nor a part of a longer name.
  return { values, find: new RegExp(`(?<![\\w.'"])(${[...values.keys()].join('|')})(?![\\w'"])(?!\\s*=(?!=))`, 'g') };
};

/** A line with each string constant it reads written as its literal. */
const withNameConstants = (line: string, named: { values: Map<string, string>; find: RegExp }): string =>
  line.includes('(') ? line.replace(named.find, (n: string) => `'${named.values.get(n)!}'`) : line;

/** A repo function whose parameter is the last part of a path into a repo folder. */
interface Wrapper {
  file: string;
  name: string;
  className: string | null;
  defLine: number;
  params: string[];
  /** The parameter's position; `varargs`: `*paths`, the rest of the positional arguments joined. */
  index: number;
  varargs: boolean;
  /** The repo folder it joins onto. */
  base: string;
  /** Where it joins (or hands on to another wrapper), for the label. */
  line: number;
  how: string;
}

/** Stands for a wrapper's parameter in a path, so the path reader settles the folder around it. */
const SENTINEL = '@census-param@';
const LISTING = /\b(?:listdir|scandir|iterdir|glob|iglob|rglob|walk)\s*\(/;
const RECURSIVE = /\b(?:walk|rglob)\s*\(|\*\*/;
/** A string literal on a line (prefixed ones included: the prefix letter is outside the match). */
const LITERAL = /(['"])([^'"\n]{1,200})\1/g;
/** The argument right before a literal that is a name or attribute, not a literal (`SANITY_ROOT, self.name, ` before `'x.py'`): one computed folder. */
const COMPUTED_BEFORE = /(,\s*)((?:self\.)?[A-Za-z_]\w*)(\s*,\s*)$/;
/**
 * A literal that brackets close right after (`'x.json')`), or that ends its line (`"x.json",`: Black
 * closes on the next line): where a call split over lines may end.
 */
const CLOSED_LITERAL = /((['"])[^'"\n]{1,200}\2)(?=\s*\)|\s*,?\s*$)/;
/** Literals tried per file: a hostile file of thousands costs no more. */
const MAX_TRIES = 400;

/** A folder of the repo that holds files (not the root: package data is never the whole repo). */
const holdsFiles = (ctx: FrameworkContext, p: string): boolean => p !== '' && isFolder(ctx.files, p);

/**
 * The stubs of a folder that holds .pyi files directly (none when it holds none): every .pyi under it,
 * and its .py files when it is no package (no __init__.py or __init__.pyi), as a stub root mixes them
 * (thonny's microbit api_stubs: builtins.py beside microbit.pyi).
 */
const stubFiles = (ctx: FrameworkContext, folder: string): string[] => {
  const direct = pathsInDir(ctx.files, folder);
  if (!direct.some((f) => f.endsWith('.pyi'))) return [];
  const root = !direct.some((f) => basename(f) === '__init__.py' || basename(f) === '__init__.pyi');
  return pathsWithPrefix(ctx.files, `${folder}/`).filter((f) => f.endsWith('.pyi') || (root && f.endsWith('.py') && dirname(f) === folder));
};

/**
 * The files a listing of `folder` yields, by the listing's text: the literal glob patterns in it
 * (`CORE.glob("*.plug")`, `glob(os.path.join(d, '*.js'))`, a leading `**` for any folders; `[ab]` and `{a,b}` as globs have them), else every file in the folder (below it
 * too for `walk`/`rglob`). Python modules are left out: a folder of modules is loaded, or not, by
 * a computed import, which the folder-loader readers settle.
 */
const listedFiles = (ctx: FrameworkContext, folder: string, listing: string, scripts = false): string[] => {
  const patterns = [...listing.matchAll(LITERAL)].map((m) => m[2]).filter((v) => /[*?]/.test(v));
  const recursive = RECURSIVE.test(listing);
  const below = recursive || patterns.length > 0 ? pathsWithPrefix(ctx.files, `${folder}/`) : pathsInDir(ctx.files, folder);
  // rglob: the pattern at any depth below the folder.
  const matchers = patterns.map((p) => compileRepoGlob(`${/\brglob\s*\(/.test(listing) ? '**/' : ''}${p.replace(/^\.?\//, '')}`));
  return below.filter((f) => f.endsWith('.py') === scripts && (matchers.length === 0 || matchers.some((match) => match(f.slice(folder.length + 1)))));
};

/** The folder part of a globbed path: the parts before the first with a wildcard. */
const globFolder = (path: string): string => {
  const parts = path.split('/');
  const at = parts.findIndex((p) => /[*?]/.test(p));
  return at <= 0 ? '' : parts.slice(0, at).join('/');
};

interface Analysis {
  refs: ReferenceInput[];
}

/** How many tokens before a path the command list it stands in may open. */
const COMMAND_LOOK_BACK = 120;
/**
 * A command list's first element that runs a Python script it is handed: the interpreter, by the
 * last part of a dotted name (`sys.executable`, `python.path`, `python_path`, `self._executable`,
 * `python3`; not `python_version` or `PYTHON_SOURCES`).
 */
const INTERPRETER = /^(?:[A-Za-z_]\w*\.)*(?:\w*[._])?(?:python[\d.]*|executable|interpreter)(?:[._]path)?$/i;
/** Interpreter options that take the next argument as their value (commandline/launchers/python.ts). */
const OPTION_VALUES: ReadonlySet<string> = new Set(['-W', '-X', '-Q', '--check-hash-based-pycs']);
/**
 * A command list or tuple: group 1 its first element (a dotted name, tested against INTERPRETER by
 * the caller), then `second` (a regex source) as its second. With `notImported`, not the names of
 * `from m import (intercept_python, …)`. One source for commandLine's lists and commandHolding's.
 */
const commandListPattern = (second: string, notImported: boolean): RegExp =>
  new RegExp(`(?<![\\w\\])]${notImported ? '|\\bimport\\s*' : ''})[[(]\\s*([A-Za-z_][\\w.]*)\\s*,\\s*${second}\\s*[,\\])]`, 'g');
/**
 * A command list or tuple whose first element is the interpreter and second a name (the script
 * variable: `[python.path, self.path]`, `cmd = [python, path]`), not a literal or a flag; not the
 * names of `from m import (intercept_python, …)`.
 */
const COMMAND_LIST = commandListPattern('[A-Za-z_][\\w.]*', true);
/** A call that runs a command: `subprocess.run(`, `Popen(`, `os.execv(`, `run_command(`, `intercept_python(`. */
const RUN_CALL = /(?<![\w.])(?:\w+\.)*\w*(?:run|call|exec|spawn|popen|command|python)\w*\s*\(/i;

/** How many interpreter command lists commandLine tries in one file. */
const MAX_COMMAND_LISTS = 8;

/** The lines of the def around 0-based line `at` (the whole file at module level), joined, and its first line (0-based). */
const defAround = (lines: string[], at: number): { from: number; text: string } => {
  const span = defSpan(lines, at);
  return span === null ? { from: 0, text: lines.join('\n') } : { from: span.from, text: lines.slice(span.from, span.end).join('\n') };
};

/**
 * The line of the first command list in `text` that starts with the interpreter and holds a script
 * variable, in a def that runs a command (0: none). Residual risk: a file with an unrelated real
 * `[sys.executable, script]` and a header-check glob of scripts still passes.
 */
export const commandLine = (text: string, lines: string[]): number => {
  // At most 8 interpreter lists are tried (as readHolding): each may scope the whole file (module level).
  let tries = 0;
  for (const m of text.matchAll(COMMAND_LIST)) {
    if (!INTERPRETER.test(m[1])) continue;
    if (++tries > MAX_COMMAND_LISTS) break;
    const line = lineAt(text, m.index!);
    if (RUN_CALL.test(defAround(lines, line - 1).text.replace(m[0], ''))) return line;
  }
  return 0;
};

/**
 * The line of a command list or tuple in `text` whose first element is the interpreter and second the name `name` (0 line: none → null).
 * Unlike commandLine, neither an import's names are left out nor a call that runs a command is asked for: kept as stop 45 measured it.
 */
const commandHolding = (text: string, name: string): number | null => {
  const re = commandListPattern(escapeRegExp(name), false);
  for (const m of text.matchAll(re)) if (INTERPRETER.test(m[1])) return lineAt(text, m.index!);
  return null;
};

/**
 * A call reading a file's text by its first argument: `open(`, `read_text_file(`, `_read_file(`,
 * `readlines(` (not `Thread(`, `ready(`, `readlink(`).
 */
const READ_CALL = /(?:(?<![\w.])open|(?<![A-Za-z])read(?:_\w+|lines?|s)?)\s*\(/g;
/** A receiver read: `(HERE / 'x.py').read_text()`, `.open()`, `.open('rb')`. */
const RECEIVER_READ = /^[\s)]*\.\s*(?:read_text|read_bytes|open)\s*\(\s*(?:\)|['"]r)/;

/** Whether the call whose arguments start at `from` of `line` (after its `(`) writes: `open(p, 'w')`, `'a'`, `'x'` without `+`. */
const writes = (line: string, from: number): boolean => {
  let depth = 0;
  let comma = -1;
  let k = from;
  for (; k < line.length; k++) {
    const c = line[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth-- === 0) break;
    } else if (c === ',' && depth === 0 && comma === -1) comma = k;
  }
  if (comma === -1) return false;
  const mode = /^\s*(?:mode\s*=\s*)?[rRbB]?(['"])([^'"]{0,8})\1/.exec(line.slice(comma + 1, k))?.[2];
  return mode !== undefined && /[wax]/.test(mode) && !mode.includes('+');
};

/**
 * Whether the literal at [at, end) of `line` is in the first argument of a read call (`open(` not
 * in a write mode), or ends a path that is read as the receiver (`(ROOT / 'x.py').read_text()`).
 */
const readAt = (line: string, at: number, end: number): boolean => {
  for (const m of line.matchAll(READ_CALL)) {
    const from = m.index! + m[0].length;
    if (from > at) break;
    let depth = 0;
    let first = true;
    for (let k = from; k < at && first; k++) {
      const c = line[k];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') first = depth-- > 0;
      else if (c === ',' && depth === 0) first = false;
    }
    if (first && !(m[0].startsWith('open') && writes(line, from))) return true;
  }
  return RECEIVER_READ.test(line.slice(end));
};

/** How many lines below `alias = NAME` a read of the alias is looked for. */
const ALIAS_SPAN = 12;

/**
 * The line of a read (READ_CALL) whose first argument is the name `name`, or a name assigned it
 * alone (`path = SCRIPT_PATH`) read within ALIAS_SPAN lines below, or null.
 */
const readHolding = (text: string, name: string): number | null => {
  const reads = (n: string): RegExp => new RegExp(`${READ_CALL.source}\\s*${escapeRegExp(n)}\\s*[,)]`, 'g');
  /** The first read of `n` in `span` that is not a write-mode open. */
  const readIn = (n: string, span: string): number | null => {
    let tries = 0;
    for (const r of span.matchAll(reads(n))) {
      if (++tries > 8) break;
      const from = span.indexOf('(', r.index!) + 1;
      const eol = span.indexOf('\n', from);
      if (!(r[0].startsWith('open') && writes(span.slice(0, eol === -1 ? span.length : eol), from))) return r.index!;
    }
    return null;
  };
  const direct = readIn(name, text);
  if (direct !== null) return lineAt(text, direct);
  let tries = 0;
  for (const m of text.matchAll(new RegExp(`^[ \\t]*([A-Za-z_]\\w*)[ \\t]*=[ \\t]*${escapeRegExp(name)}[ \\t]*$`, 'gm'))) {
    if (++tries > 4) break;
    let stop = m.index!;
    for (let k = 0; k <= ALIAS_SPAN && stop !== -1; k++) stop = text.indexOf('\n', stop + 1);
    const read = readIn(m[1], text.slice(m.index!, stop === -1 ? text.length : stop));
    if (read !== null) return lineAt(text, m.index! + read);
  }
  return null;
};

/** Resource calls that answer a file's content, not a path to it. */
const TEXT_READS = /^(?:read_text|read_binary|open_text|open_binary|resource_string|resource_stream|get_data)\(/;

/**
 * A Python path for a child process: the environment variable, or a name for one (`python_path`,
 * `append_python_path`). Not `sys.path`: imports after `sys.path.insert` are the resolver's (languages/python/sys-path.ts).
 */
const PYTHON_PATH = /PYTHONPATH|python_?path/i;

/**
 * The line where a folder goes on the Python path: `line` itself when it names one, else a line
 * that names one and holds `name`, the name the folder is assigned to on `line`; null for none.
 */
const pythonPathLine = (lines: readonly string[], raw: string, line: number, name: string | undefined): number | null => {
  if (PYTHON_PATH.test(raw)) return line;
  if (name === undefined) return null;
  // Line by line with plain tests (a hostile one-line file costs its length, not its square).
  const word = new RegExp(`(?<![\\w.])${escapeRegExp(name)}(?!\\w)`);
  for (let k = 0; k < lines.length; k++) {
    const code = lines[k].split('#')[0];
    if (code.length <= MAX_PATH_LINE && code.includes(name) && PYTHON_PATH.test(code) && word.test(code)) return k + 1;
  }
  return null;
};

/** Calls that hand on the path they are given as their first argument. */
const PATH_KEEPING: ReadonlySet<string> = new Set(['join', 'abspath', 'realpath', 'normpath', 'expanduser', 'str', 'Path', 'fspath']);

/**
 * Whether the path expression whose last literal starts at `offset` of `text` is an element of a
 * list display that is a command running it: `[python.path, os.path.join(ROOT, 'x.py'), …]`,
 * `[sys.executable, path]`: the list's first element is the interpreter (a list whose first element is
 * the path itself may be a list of paths, `SKIPPED = [os.path.join(ROOT, 'x.py')]`, and gives nothing).
 * The calls the expression is built of (`os.path.join(…)`, `abspath(…)`) are stepped out of; a
 * subscript (`x[…]`) or a call argument is no command list; a tuple display is one too. `t`: the tokens of `text`.
 */
const inCommandList = (t: PythonTokens, text: string, offset: number): boolean => {
  let i = 0;
  for (let lo = 0, hi = t.count - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (t.start[mid] < offset) lo = mid + 1;
    else {
      i = mid;
      hi = mid - 1;
    }
  }
  if (t.kind[i] !== Kind.String || t.start[i] !== offset) return false;
  let depth = 0;
  let elementStart = i;
  for (let j = i - 1; j >= 0 && i - j <= COMMAND_LOOK_BACK; j--) {
    if (t.kind[j] !== Kind.Op) continue;
    const op = t.value[j];
    if (op === Op.RParen || op === Op.RBracket || op === Op.RBrace) depth++;
    else if (op === Op.LParen || op === Op.LBracket || op === Op.LBrace) {
      if (depth > 0) {
        depth--;
        continue;
      }
      // A call the path is built by: step out of it to the callee's first name.
      if (op === Op.LParen && j > 0 && t.kind[j - 1] === Kind.Name) {
        let k = j - 1;
        while (k >= 2 && isOp(t, k - 1, Op.Dot) && t.kind[k - 2] === Kind.Name) k -= 2;
        elementStart = k;
        // The built path must be a whole element: a comma or the list's bracket before it, or
        // the opening of a call that keeps a path (`os.path.join(os.path.join(ROOT, 'x.py'))`, `abspath(…)`).
        if (k === 0 || !(isOp(t, k - 1, Op.Comma) || isOp(t, k - 1, Op.LBracket) || (isOp(t, k - 1, Op.LParen) && k >= 2 && t.kind[k - 2] === Kind.Name && PATH_KEEPING.has(nameText(t, k - 2))))) return false;
        j = k;
        continue;
      }
      // A list or tuple display (a call's parenthesis was stepped out of above); not a subscript.
      if (op === Op.LBrace || elementStart === i || (j > 0 && (t.kind[j - 1] === Kind.Name || isOp(t, j - 1, Op.RParen) || isOp(t, j - 1, Op.RBracket)))) return false;
      // The elements before the path: the interpreter, then only its options (the script is the first
      // positional after them, as the python launcher reads argv; `-m`/`-c` run something else).
      const before = splitTop(t, j + 1, elementStart).filter(([s, e]) => e > s);
      if (before.length === 0 || !INTERPRETER.test(text.slice(t.start[before[0][0]], t.end[before[0][1] - 1]))) return false;
      for (let k = 1; k < before.length; k++) {
        const option = stringValue(t, before[k][0], before[k][1]);
        if (option === null || !/^-[^-mc]|^--./.test(option)) return false;
        // An option's value is the next element: the path itself when nothing is between.
        if (OPTION_VALUES.has(option) && ++k >= before.length) return false;
      }
      return true;
    }
  }
  return false;
};


/** The module file a name imported by `from m import name` comes from, or null. */
const importedFrom = (ctx: FrameworkContext, path: string, facts: FileFacts | undefined, name: string): { file: string; name: string } | null => {
  for (const i of facts?.imports ?? []) {
    if (i.syntax !== 'from') continue;
    const n = i.names.find((x) => (x.alias ?? x.name) === name);
    if (n === undefined) continue;
    const file = moduleFile(ctx, path, i.specifier);
    return file === null ? null : { file, name: n.name };
  }
  return null;
};

interface Call extends CallSite<[number, number]> {
  line: number;
  /** The def the call is in (null at module level). */
  fn: OpenDef | null;
  className: string | null;
}

/** The calls in a tokenized file to names `wanted` holds. */
const callsIn = (t: PythonTokens, wanted: ReadonlySet<string>): Call[] => {
  const { done, moduleBody } = fileDefs(t);
  const out: Call[] = [];
  for (const { fn, className, body } of [...done.map((d) => ({ fn: d.fn as OpenDef | null, className: d.className, body: d.fn.body! })), { fn: null, className: null, body: moduleBody }]) {
    for (let r = 0; r < body.length; r += 2) {
      for (let i = body[r]; i < body[r + 1]; i++) {
        if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen) || !wanted.has(nameText(t, i))) continue;
        const args = callArgs(t, i + 1, body[r + 1]);
        if (args === null) continue;
        out.push({ callee: calleeAt(t, i, body[r]), word: nameText(t, i), attribute: i > body[r] && isOp(t, i - 1, Op.Dot), line: t.line[i], positional: args.positional, keywords: args.keywords, fn, className });
      }
    }
  }
  return out;
};

/** The wrapper a call reaches, if any (loader-calls' callTarget, with this reader's rule for methods). */
const resolve = (ctx: FrameworkContext, path: string, facts: FileFacts | undefined, call: Call, byName: ReadonlyMap<string, Wrapper[]>): Wrapper | undefined => {
  const candidates = byName.get(call.word);
  if (candidates === undefined || call.callee === '') return undefined;
  return callTarget(path, call, {
    topLevel: (file, name) => byName.get(name)?.find((w) => w.className === null && w.file === file),
    imported: (name) => importedFrom(ctx, path, facts, name),
    module: (receiver) => (facts === undefined ? null : boundModuleFile(ctx, path, facts, receiver)),
    method: (receiver) => {
      if (receiver === 'self' && call.className !== null) {
        const own = candidates.find((w) => w.file === path && w.className === call.className);
        if (own) return own;
      }
      // `os.path.relpath(…)`: a call on a module the file imports is no method of a repo object.
      const head = receiver.split('.')[0];
      if (head !== 'self' && (facts?.imports ?? []).some((i) => (i.syntax === 'import' ? (i.alias ?? i.specifier.split('.')[0]) === head : i.names.some((n) => (n.alias ?? n.name) === head)))) return undefined;
      const methods = candidates.filter((w) => w.className !== null);
      return methods.length === 1 ? methods[0] : undefined;
    },
  });
};

/** The argument ranges a call passes to the wrapper's parameter (all the rest for `*paths`). */
const argumentsOf = (t: PythonTokens, call: Call, w: Wrapper): Array<[number, number]> =>
  argumentsFor(call, w, w.index, ([s, e]) => e - s === 1 && t.kind[s] === Kind.Name && nameText(t, s) === 'self', w.varargs);

/** A regex for the files an f-string names (`f'js/{name}.js'` → `js/[^/]+\.js`), or null when it is no f-string. */
const fstringPattern = (t: PythonTokens, from: number, to: number): RegExp | null => {
  if (to - from !== 1 || t.kind[from] !== Kind.String || (t.value[from] & StringFlag.Formatted) === 0) return null;
  const raw = t.text.slice(t.start[from], t.end[from]);
  const m = /^[A-Za-z]*(['"]{1,3})([\s\S]*)\1$/.exec(raw);
  if (m === null) return null;
  const parts = m[2].split(/\{[^{}]*\}/);
  if (parts.length < 2 || parts.join('').length === 0) return null;
  return new RegExp(`^${parts.map(escapeRegExp).join('[^/]+')}$`);
};

const analyse = perScan((ctx: FrameworkContext): Analysis => {
  const refs: ReferenceInput[] = [];
  const seen = new Set<string>();
  const push = (from: string, target: string, line: number, label: string): void => {
    const k = `${from}\0${target}`;
    if (target === from || seen.has(k) || !ctx.files.has(target)) return;
    seen.add(k);
    refs.push({ from, target, targetKind: 'file', line, label });
  };
  /**
   * A module's own path named in place is what a loader is handed (`load_module(join(dirname(__file__), 'x.py'))`):
   * the loader readers say how it is loaded, where this reader could only say it is read.
   */
  const pushRead = (from: string, target: string, line: number, label: string): void => {
    if (!target.endsWith('.py')) push(from, target, line, label);
  };
  const names = new Set<string>();
  const pyFiles = pathsNamedLike(ctx.files, { extensions: ['py'] }, 'sorted').filter((f) => f.endsWith('.py'));
  const nameIndex = (): void => {
    const dirs = new Set<string>();
    for (const f of sortedPaths(ctx.files)) {
      names.add(basename(f));
      // Folder names too (a listed folder): each folder once.
      for (let d = dirname(f); d !== '' && d !== '.' && !dirs.has(d); d = dirname(d)) {
        dirs.add(d);
        names.add(basename(d));
      }
    }
  };
  const wanted = (value: string): boolean => names.has(basename(value.replace(/\/+$/, '')));
  // Only files whose facts show `__file__` or a resource API are read, and those importing a
  // module that defines a path constant (`RANGERDIR = os.path.dirname(__file__)`) by name.
  const texts = new Map<string, string>();
  /** fileVariables of the files read for a stem they import, kept for step 1. */
  const variables = new Map<string, ReturnType<typeof fileVariables>>();
  const stems = new Set<string>();
  for (const path of pyFiles) {
    const facts = ctx.facts(path);
    if (facts?.mentionsFile !== true && !importsResourceApi(ctx, path)) continue;
    const text = lookText(ctx, path);
    if (text === null) continue;
    texts.set(path, text);
    if (facts?.mentionsFile === true && pathConstants(ctx, path, text).size > 0) stems.add(basename(path) === '__init__.py' ? basename(dirname(path)) : basename(path).slice(0, -3));
  }
  // Stop 45: a module that builds a constant of its own from an imported one (`SANITY_ROOT =
  // os.path.join(ANSIBLE_TEST_CONTROLLER_ROOT, 'sanity')`) is a stem too, and a module importing
  // such a constant by its name (`from . import SANITY_ROOT`: no stem in the specifier) is read;
  // again while a round finds new constants.
  const constantNames = new Set<string>();
  for (const path of texts.keys()) for (const name of pathConstants(ctx, path).keys()) constantNames.add(name);
  // A file read and rejected is not read again in a later round: its variables come from the
  // constants of the modules it imports, which pathConstants settles whole (to any depth), not per round.
  const rejected = new Set<string>();
  // Issue 19: the files one of whose imports names a stem as a dotted part of its specifier, or a constant by a `from`
  // import, found in the scan's import index (python-files importIndex) rather than by walking every file's imports
  // each round; grown as stems and names are found, so a file later in the same round sees them as the walk did.
  const candidates = new Set<string>();
  const index = stems.size > 0 ? importIndex(ctx) : null;
  const byPart = index === null ? new Map<string, readonly string[]>() : specifiersByPart(index);
  const addStem = (stem: string): void => {
    for (const specifier of byPart.get(stem) ?? []) for (const f of index?.bySpecifier.get(specifier) ?? []) candidates.add(f);
    // Stop 66: a module imported by name from its package (neutron's `from neutron.tests.fullstack import base as fullstack_base`),
    // when the import finds a repo module so named (saleor's hundreds of `from django.conf import settings` find none and are not read).
    for (const f of index?.byFromName.get(stem) ?? []) {
      if (candidates.has(f)) continue;
      const found = (ctx.facts(f)?.imports ?? []).some(
        (i) => i.syntax === 'from' && !i.specifier.startsWith('.') && i.names.some((n) => n.name === stem) && ctx.module(`${i.specifier}.${stem}`).length > 0,
      );
      if (found) candidates.add(f);
    }
  };
  const addConstant = (name: string): void => {
    for (const f of index?.byFromName.get(name) ?? []) candidates.add(f);
  };
  for (const stem of stems) addStem(stem);
  for (const name of constantNames) addConstant(name);
  for (let round = 0, grew = true; round < 3 && grew && stems.size > 0; round++) {
    grew = false;
    for (let at = 0; at < pyFiles.length; at++) {
      const path = pyFiles[at];
      if (texts.has(path) || rejected.has(path)) continue;
      if (!candidates.has(path)) continue;
      const text = lookText(ctx, path);
      if (text === null) continue;
      const found = fileVariables(ctx, path, text);
      if (found.rewrites.size === 0 && found.imported === 0) {
        rejected.add(path);
        continue;
      }
      texts.set(path, text);
      variables.set(path, found);
      const own = pathConstants(ctx, path, text);
      const stem = basename(path) === '__init__.py' ? basename(dirname(path)) : basename(path).slice(0, -3);
      if (own.size > 0 && !stems.has(stem)) {
        stems.add(stem);
        addStem(stem);
        grew = true;
      }
      for (const name of own.keys()) {
        if (constantNames.has(name)) continue;
        constantNames.add(name);
        addConstant(name);
        grew = true;
      }
    }
  }
  if (texts.size === 0) return { refs };
  nameIndex();
  // 1. Paths a module builds itself, ending at a literal.
  const wrappers: Wrapper[] = [];
  for (const [path, text] of texts) {
    const known = variables.get(path) ?? fileVariables(ctx, path, text);
    const rewrites = known.rewrites;
    const vars = known.vars;
    for (const r of resourceReads(ctx, path, text, wanted)) {
      // Stop 45: a call that answers the file's bytes or text (`pkgutil.get_data('ansible.executor.discovery',
      // 'python_target.py')`) reads a script too; one that answers a path may hand it to a loader.
      const read = TEXT_READS.test(r.how) ? push : pushRead;
      read(path, r.target, lineAt(text, r.index), `read by ${path}:${lineAt(text, r.index)} (${r.how})`);
    }
    // Stop 48: a name filled in at run time: every file of the package folder the template matches.
    for (const r of resourceTemplates(ctx, path, text)) {
      const read = TEXT_READS.test(r.how) ? push : pushRead;
      const match = compileRepoGlob(r.glob);
      const line = lineAt(text, r.index);
      for (const f of pathsWithPrefix(ctx.files, `${r.folder}/`)) {
        if (!f.endsWith('.pyc') && basename(f) !== '__init__.py' && match(f.slice(r.folder.length + 1))) read(path, f, line, `read by ${path}:${line} (${r.how}), a name filled in at run time: any file of ${r.folder}/ matching ${r.glob} may be the one read`);
      }
    }
    const lines = text.split('\n');
    let starts: number[] | null = null;
    let fileTokens: PythonTokens | null = null;
    // The file's command list does not depend on the glob: found once, when a glob of scripts needs it.
    let command: number | undefined;
    // A path settles only from `__file__` or a path variable: a line naming neither is skipped untried.
    const anchors = ['__file__', ...vars.keys(), ...rewrites.keys()];
    // Stop 50: a module's own string constants, read as their literals where a path ends with one (octavia's
    // `CHECK_SCRIPT_NAME = 'udp_check.sh'`, then `shutil.copy2(os.path.join(script_dir, CHECK_SCRIPT_NAME), …)`).
    // The file is rewritten once (no line added or removed, so line numbers hold) and that text read throughout:
    // its lines, the split-call views and the command-list tokens all agree on offsets.
    const named = nameConstants(text);
    const source = named === null ? text : lines.map((line) => (line.length > MAX_PATH_LINE ? line : withNameConstants(line, named))).join('\n');
    const sourceLines = source === text ? lines : source.split('\n');
    const lineStart = (l: number): number => (starts ??= lineStarts(source))[l];
    // A line's view (below) names an anchor only when one lies within its reach: others are skipped untried.
    const nearAnchor = anchorPlaces(source, anchors);
    let tries = 0;
    for (let l = 0; l < sourceLines.length && tries < MAX_TRIES; l++) {
      const own = sourceLines[l];
      if (own.length > MAX_PATH_LINE || (!own.includes("'") && !own.includes('"'))) continue;
      if (nearAnchor !== null && !nearAnchor(lineStart(l) - PATH_VIEW_REACH, lineStart(l) + own.length + PATH_VIEW_REACH)) continue;
      // The line, comments blanked, when it names an anchor; or (stop 47) the lines a call split over
      // them spans (`os.path.join(os.path.dirname(__file__),\n    'data', 'x.json')`, Black's `"x.json"\n)`),
      // when they name one: from the line that opens the brackets closed after the line's first literal
      // that they close or that ends the line (CLOSED_LITERAL), to the last of them (package-paths' spannedPathLine, as package-configs reads them). That view
      // holds the whole line. `start`: the view's offset in the text.
      const bare = blankComments(own);
      const closed = CLOSED_LITERAL.exec(bare);
      const spanned = closed === null ? null : spannedPathLine(source, lineStart(l) + closed.index, closed[1].length);
      const view = spanned !== null && anchors.some((a) => spanned.line.includes(a)) ? { raw: spanned.line, start: lineStart(l) + closed!.index - spanned.at } : anchors.some((a) => bare.includes(a)) ? { raw: bare, start: lineStart(l) } : null;
      if (view !== null) {
        const { raw, start } = view;
        const line = withConstants(raw, rewrites);
        for (const m of line.matchAll(LITERAL)) {
          if (/[*?]/.test(m[2]) && LISTING.test(line) && ++tries <= MAX_TRIES) {
            // A glob whose pattern ends the path (`glob(os.path.join(HERE, 'static', '*.js'))`).
            const globbed = fileAnchoredPath(line, m.index!, m.index! + m[0].length, path, vars, (p) => holdsFiles(ctx, globFolder(p)));
            if (globbed !== null) {
              const folder = globFolder(globbed);
              const pattern = globbed.slice(folder.length + 1);
              for (const f of listedFiles(ctx, folder, `glob('${pattern}')`)) push(path, f, l + 1, `used as a file of ${folder}/ that ${path}:${l + 1} lists by the pattern '${pattern}' (a path built from __file__)`);
              // Stop 45: listed Python scripts (a main guard or a shebang) that the module runs by a command
              // list with the interpreter (ansible-test's code-smell folder, `cmd = [python.path, self.path]`).
              if (pattern.endsWith('.py') && (command ??= commandLine(text, lines)) > 0) {
                for (const f of listedFiles(ctx, folder, `glob('${pattern}')`, true)) {
                  if ((ctx.facts(f)?.runnable ?? []).some((r) => r === 'main-guard' || r === 'shebang')) push(path, f, l + 1, `run as a script: ${path}:${l + 1} lists ${folder}/ by the pattern '${pattern}' (a path built from __file__) and runs a path by the command list at line ${command}`);
                }
              }
            }
            continue;
          }
          if (!wanted(m[2]) || ++tries > MAX_TRIES) continue;
          const found = fileAnchoredPath(line, m.index!, m.index! + m[0].length, path, vars, (p) => ctx.files.has(p) || holdsFiles(ctx, p));
          if (found === null) {
            // Stop 66: a script path with one computed folder before its literal name (ansible-test's
            // integration_aliases.py:204 `os.path.join(SANITY_ROOT, self.name, 'yaml_to_json.py')`), assigned to a
            // name a command with the interpreter holds: each repo script the pattern matches there is run.
            const computed = m[2].endsWith('.py') ? COMPUTED_BEFORE.exec(line.slice(0, m.index!)) : null;
            const name = computed === null ? undefined : /^\s*([A-Za-z_]\w*)\s*=[^=]/.exec(raw)?.[1];
            const command = name === undefined || vars.has(computed![2]) ? null : commandHolding(text, name);
            if (command === null) continue;
            const wildLine = `${line.slice(0, computed!.index)}${computed![1]}'*'${computed![3]}${line.slice(m.index!)}`;
            const at = m.index! - computed![0].length + computed![1].length + 3 + computed![3].length;
            const pattern = fileAnchoredPath(wildLine, at, at + m[0].length, path, vars, (p) => p.split('/').filter((part) => part === '*').length === 1 && !p.endsWith('*'));
            if (pattern === null) continue;
            const match = compileRepoGlob(pattern);
            for (const f of pathsWithPrefix(ctx.files, `${pattern.slice(0, pattern.indexOf('*'))}`)) {
              if (match(f)) push(path, f, command, `run as a script by ${path}:${command} (a command with the interpreter holds ${name}, assigned at line ${l + 1} a path built from __file__ whose folder ${computed![2]} is computed: any ${pattern} may be the one run)`);
            }
            continue;
          }
          if (ctx.files.has(found)) {
            // Stop 45: a Python script run by a command list (`[python.path, os.path.join(ROOT, 'x.py')]`) is run, not loaded.
            // Tokenized once per file, on the first such path (nothing else tokenizes until the file's lines are done).
            if (found.endsWith('.py') && raw.includes(m[0]) && inCommandList((fileTokens ??= tokenize(source)), source, start + raw.indexOf(m[0]))) {
              push(path, found, l + 1, `run as a script by ${path}:${l + 1} (a command list names it by a path built from __file__)`);
              continue;
            }
            // Stop 45: a script path assigned to a name that a command with the interpreter then holds
            // (jedi's `_MAIN_PATH = os.path.join(os.path.dirname(__file__), '__main__.py')`, `args = (self._executable, _MAIN_PATH, …)`).
            const name = found.endsWith('.py') ? /^\s*([A-Za-z_]\w*)\s*=[^=]/.exec(raw)?.[1] : undefined;
            const command = name === undefined ? null : commandHolding(text, name);
            if (command !== null) {
              push(path, found, command, `run as a script by ${path}:${command} (a command with the interpreter holds ${name}, assigned a path built from __file__ at line ${l + 1})`);
              continue;
            }
            // Stop 45: a script whose text the module reads (to hand to an interpreter elsewhere: ansible-test's
            // `read_text_file(os.path.join(ANSIBLE_TEST_TARGET_ROOT, 'setup', 'probe_cgroups.py'))`), here or through the name it is assigned to.
            const read = !found.endsWith('.py') ? null : readAt(line, m.index!, m.index! + m[0].length) ? l + 1 : name === undefined ? null : readHolding(text, name);
            if (read !== null) {
              push(path, found, read, `read by ${path}:${read} (its text is read${read === l + 1 ? '' : ` through ${name}, assigned a path built from __file__ at line ${l + 1}`})`);
              continue;
            }
            // Stop 66: handed to a function of this file that reads the file it is given (supervisor's
            // `makeExecutable(os.path.join(here, 'fixtures/unkillable_spew.py'))`, whose body opens its parameter).
            const callee = found.endsWith('.py') ? handedTo(line, m.index!) : null;
            const reading = callee === null ? null : defReading(text, callee);
            const readIn = reading === null ? null : readHolding(reading.body, reading.param);
            if (readIn !== null) {
              const at = reading!.firstLine + readIn - 1;
              push(path, found, l + 1, `read by ${path}:${at} (${callee} opens the file its parameter ${reading!.param} names; handed a path built from __file__ at line ${l + 1})`);
              continue;
            }
            pushRead(path, found, l + 1, `read by ${path}:${l + 1} (a path built from __file__ names it)`);
            continue;
          }
          // Stop 66: a folder `shutil.which(name, path=…)` looks a program up in (neutron's fullstack
          // process.py:209 `shutil.which('ovs_agent.py', path=os.path.join(ROOTDIR, CMD_FOLDER))`): that program is run.
          const which = whichNamed(line, m.index!);
          if (which !== null && ctx.files.has(`${found}/${which}`)) {
            push(path, `${found}/${which}`, l + 1, `run by ${path}:${l + 1} (shutil.which('${which}', path=…) finds it in ${found}/, a folder named by a path built from __file__)`);
            continue;
          }
          // A folder: used when listed, on this line or through the name it is assigned to.
          const assigned = /^\s*([A-Za-z_]\w*)\s*=/.exec(raw)?.[1];
          let listing: string | null = LISTING.test(line) ? line : null;
          if (listing === null && assigned !== undefined) {
            const use = new RegExp(`(?:\\b(?:listdir|scandir|glob|iglob|walk)\\s*\\([^)\\n]*\\b${assigned}\\b|\\b${assigned}\\s*\\.\\s*(?:iterdir|glob|rglob)\\s*\\()[^\\n]*`).exec(text);
            listing = use === null ? null : use[0];
          }
          // Stop 45: a folder put on the Python path (`env['PYTHONPATH'] += ':%s' % os.path.join(ROOT, 'pytest/plugins')`,
          // `append_python_path = [plugin_dir]`, `sys.path`) makes its modules importable by name: the ones the module
          // lists from it, or names by a string literal (`plugins.append('ansible_pytest_coverage')`), are imported.
          const onPath = pythonPathLine(lines, raw, l + 1, assigned);
          if (onPath !== null) {
            // The listed ones as the listing's pattern yields them (`glob(os.path.join(PLUG, '*.json'))` lists no module).
            const modules = (listing !== null ? listedFiles(ctx, found, listing, true) : pathsInDir(ctx.files, found).filter((f) => f.endsWith('.py'))).filter((f) => basename(f) !== '__init__.py');
            const built = `a path built from __file__ names the folder at line ${l + 1}`;
            if (listing !== null) {
              for (const f of modules) push(path, f, onPath, `imported by name from ${found}/, which ${path}:${l + 1} lists and puts on the Python path at line ${onPath} (${built})`);
            } else {
              // The name is handed to that child process: a string literal in the def that sets its Python path.
              const scope = defAround(lines, onPath - 1);
              for (const f of modules) {
                const stem = basename(f).slice(0, -3);
                const named = new RegExp(`(['"])${escapeRegExp(stem)}\\1`).exec(scope.text);
                if (named === null) continue;
                const at = scope.from + lineAt(scope.text, named.index);
                push(path, f, at, `imported by the name "${stem}" (${path}:${at}) from ${found}/, which ${path}:${onPath} puts on the Python path (${built})`);
              }
            }
          }
          // Stop 66: a folder of type stubs (.pyi directly in it) is handed whole to an analysis or type checker
          // path (thonny's `_get_sys_path_for_analysis` returns `os.path.join(os.path.dirname(__file__), "api_stubs")`
          // for jedi): no listing or import names its files, each is read as a stub. Its .py files are stubs
          // too when the folder is a path root (no __init__.py: nothing imports it as a package).
          for (const f of stubFiles(ctx, found)) push(path, f, l + 1, `read as a type stub of ${found}/, a folder of stubs that ${path}:${l + 1} names by a path built from __file__ (a path an analysis or type checker reads)`);
          if (listing === null) continue;
          for (const f of listedFiles(ctx, found, listing)) push(path, f, l + 1, `used as a file of ${found}/, which ${path}:${l + 1} lists (a path built from __file__ names the folder)`);
        }
      }
    }
    // Wrappers: a parameter that is the last part of such a path.
    if (!/\bdef\s/.test(text)) continue;
    // Tokens are shared (tokenize's next call overwrites them): used up before the next file; the
    // command-list search's tokens of this text when it made them (nothing tokenized in between).
    const t = fileTokens ?? tokenize(text);
    let wrapperTries = 0;
    // sys-path.ts's evaluate puts a path in the repo only from `__file__`, a path variable, or a literal that
    // already spells its marker folder (`__census_repo__`; its only other steps are dirname, join and `/`).
    const pathAnchors = ['__file__', '__census_repo__', ...vars.keys()];
    const namesAnchor = (line: string): boolean => pathAnchors.some((a) => line.includes(a));
    for (const { fn, className } of fileDefs(t).done) {
      const params = fn.params.filter((p) => p !== 'self' && p !== 'cls');
      if (params.length === 0) continue;
      const body = fn.body!;
      const firstLine = t.line[body[0]] ?? fn.defLine;
      const lastLine = body.length > 0 ? t.line[Math.max(body[body.length - 1] - 1, body[0])] : fn.defLine;
      for (const p of params) {
        const word = new RegExp(`(?<![\\w.'"])(\\*?)${p}(?![\\w'"])`);
        let hit: Wrapper | null = null;
        for (let l = firstLine; l <= lastLine && l <= lines.length && hit === null; l++) {
          const raw = lines[l - 1];
          if (raw.length > MAX_PATH_LINE || /^\s*(?:#|def\s)/.test(raw)) continue;
          // A line without the name cannot hold the word: no pattern run (every line of every def, for each parameter).
          const m = raw.includes(p) ? word.exec(raw) : null;
          if (m === null || ++wrapperTries > MAX_TRIES) continue;
          const sub = withConstants(raw.slice(0, m.index) + `'${SENTINEL}'` + raw.slice(m.index + m[0].length), rewrites);
          const at = sub.indexOf(`'${SENTINEL}'`);
          let base: string | null = null;
          let how = '';
          // Stop 58: a line naming no anchor settles no path, so it is not tried from each of its characters
          // (a try costs up to the square of the line's length: saleor's graphql/views.py methods, 13-49 ms).
          const anchored = !namesAnchor(sub) ? null : fileAnchoredPath(sub, at, at + SENTINEL.length + 2, path, vars, (v) => basename(v) === SENTINEL && holdsFiles(ctx, dirname(v)));
          if (anchored !== null) {
            base = dirname(anchored);
            how = 'a path built from __file__';
          } else {
            const r = resourceReads(ctx, path, sub, (n) => n === SENTINEL)[0];
            if (r !== undefined && holdsFiles(ctx, dirname(r.target))) {
              base = dirname(r.target);
              how = r.how.replace(`'${SENTINEL}'`, p);
            }
          }
          if (base !== null) hit = { file: path, name: fn.name, className, defLine: fn.defLine, params: fn.params, index: fn.params.indexOf(p), varargs: m[1] === '*', base, line: l, how: `${how} at ${path}:${l}` };
        }
        if (hit !== null) {
          wrappers.push(hit);
          break;
        }
      }
    }
  }

  // 2. Functions handing their parameter on to a wrapper, to a fixpoint; then every call with a literal.
  if (wrappers.length > 0) {
    const byName = new Map<string, Wrapper[]>();
    const add = (w: Wrapper): void => {
      (byName.get(w.name) ?? byName.set(w.name, []).get(w.name)!).push(w);
    };
    wrappers.forEach(add);
    // The files that mention a wrapper name, with their texts: each name is searched for once, so a
    // round reads the other files again only when it brought new names, and tests only those.
    const mentioning = new Map<string, string>();
    const searched = new Set<string>();
    /** Each call of a wrapper by name, in the files that mention one. */
    const eachWrapperCall = (visit: (path: string, t: ReturnType<typeof tokenize>, facts: ReturnType<typeof ctx.facts>, call: ReturnType<typeof callsIn>[number]) => void): void => {
      const wanted = new Set(byName.keys());
      const added = [...wanted].filter((n) => !searched.has(n));
      if (added.length > 0) {
        const calling = new RegExp(`(?<![\\w])(?:${added.join('|')})\\s*\\(`);
        for (const path of pyFiles) {
          const text = mentioning.has(path) ? null : (texts.get(path) ?? lookText(ctx, path));
          if (text !== null && calling.test(text)) mentioning.set(path, text);
        }
        for (const n of added) searched.add(n);
      }
      for (const path of pyFiles) {
        const text = mentioning.get(path);
        if (text === undefined) continue;
        const facts = ctx.facts(path);
        const t = tokenize(text);
        for (const call of callsIn(t, wanted)) visit(path, t, facts, call);
      }
    };
    for (let round = 0; round < 6; round++) {
      let grew = false;
      eachWrapperCall((path, t, facts, call) => {
        if (call.fn === null) return;
        const w = resolve(ctx, path, facts, call, byName);
        if (w === undefined || (w.file === path && w.name === call.fn.name)) return;
        const args = argumentsOf(t, call, w);
        if (args.length !== 1 || args[0][1] - args[0][0] > 2) return;
        const [s, e] = args[0];
        const star = e - s === 2 && isOp(t, s, Op.Star);
        const name = e - s === 1 && t.kind[s] === Kind.Name ? nameText(t, s) : star && t.kind[s + 1] === Kind.Name ? nameText(t, s + 1) : null;
        if (name === null || !call.fn.params.includes(name) || name === 'self' || name === 'cls') return;
        if ((byName.get(call.fn.name) ?? []).some((x) => x.file === path && x.className === call.className)) return;
        add({ file: path, name: call.fn.name, className: call.className, defLine: call.fn.defLine, params: call.fn.params, index: call.fn.params.indexOf(name), varargs: star, base: w.base, line: call.line, how: `${call.callee}(${star ? '*' : ''}${name}) at ${path}:${call.line}, then ${w.how}` });
        grew = true;
      });
      if (!grew) break;
    }
    eachWrapperCall((path, t, facts, call) => {
      const w = resolve(ctx, path, facts, call, byName);
      if (w === undefined) return;
      const args = argumentsOf(t, call, w);
      if (args.length === 0) return;
      const where = `${w.className === null ? '' : `${w.className}.`}${w.name}() (${w.file}:${w.defLine}), which reads its ${w.params[w.index]} under ${w.base}/ (${w.how})`;
      const values = args.map(([s, e]) => stringValue(t, s, e));
      if (values.every((v) => v !== null)) {
        const rel = (values as string[]).join('/');
        const target = joinRepo(w.base, rel);
        if (target !== null) push(path, target, call.line, `named in ${path}:${call.line} as "${rel}", read through ${call.callee}(): ${where}`);
        return;
      }
      if (args.length !== 1) return;
      const pattern = fstringPattern(t, args[0][0], args[0][1]);
      if (pattern === null) return;
      const shown = t.text.slice(t.start[args[0][0]], t.end[args[0][0]]);
      for (const f of pathsWithPrefix(ctx.files, `${w.base}/`)) {
        if (pattern.test(f.slice(w.base.length + 1))) push(path, f, call.line, `named in ${path}:${call.line} by the pattern ${shown}, read through ${call.callee}(): ${where}`);
      }
    });
  }
  return { refs };
});

/** The files package data settles (each with the module that reads it): heat-templates follows the templates among them. */
export const packageDataReads = (ctx: FrameworkContext): readonly ReferenceInput[] => analyse(ctx).refs;

export const collectPackageData = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  out.references.push(...analyse(ctx).refs);
  return out;
};

const reader: FrameworkReader = {
  id: 'python-package-data',
  title: 'files a Python package reads by a path from its own folder (package data)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = analyse(ctx).refs[0];
    return first === undefined ? null : `${first.from}:${first.line} reads ${first.target} by a path from its own folder`;
  },
  collect: collectPackageData,
};

export default reader;

