/**
 * Stop 60: a plugin folder joined onto the XDG data folders. An app that follows the XDG base
 * directory spec looks for its data in each folder of `$XDG_DATA_DIRS` (default
 * `/usr/local/share:/usr/share`) joined with its own name, and a loader handed
 * `os.path.join(path, 'plugins')` with `path` one of them lists `/usr/share/<app>/plugins` — where a
 * Debian package installs the plugins (ddupdate's main.py: build_load_path reads XDG_DATA_DIRS at
 * :372 and joins each folder with 'ddupdate' at :374; load_plugins hands `os.path.join(path,
 * 'plugins')` to load_plugin_dir at :328, which globs `*.py` there and loads each by
 * spec_from_file_location). The head of the join is set at run time, so census cannot settle it; it
 * places the tail instead, in the filesystem tree the calling file lies in, when that same file reads
 * `XDG_DATA_DIRS` and joins a literal name onto its folders just below. Nothing else is guessed: no
 * XDG read in the file, no name joined, a file in no filesystem tree, or no such folder in the tree
 * gives nothing.
 *
 * Review s60-rv1: the head must come from that read, not merely sit in the same file (an
 * `icon_dirs()` reading XDG beside a `load_user_plugins(confdir)` handed `~/.config/app` placed
 * nothing of its own). The head is a loop variable over what the reading code gives — a call of the
 * def the name join is in (`for path in build_load_path(log)`, ddupdate main.py:402) or the
 * module-level name it assigns — or a parameter of the calling function that a call in the same
 * file hands such a loop variable (main.py:403 `load_plugins(path, log)`).
 */
import { filesystemTreeOf } from '../../util/filesystem-tree.js';
import { lineCounter } from '../../util/lines.js';
import { callArguments, joinArguments, literalValue } from './call-text.js';

/** How many lines below the XDG_DATA_DIRS read the app's name may be joined on. */
const NAME_SPAN = 8;
/** The spec's default when `XDG_DATA_DIRS` is unset or empty. */
const SPEC_DEFAULT = ['/usr/local/share', '/usr/share'];

const XDG_READ = /(['"])XDG_DATA_DIRS\1/;
/** `os.path.join(p, 'ddupdate')`: a folder variable joined with one literal name. */
const NAME_JOIN = /\bjoin\(\s*[A-Za-z_]\w*\s*,\s*(['"])([\w.+-]+)\1\s*\)/;
/** A literal list of absolute folders separated by `:` (`'/usr/local/share:/usr/share'`), the default the code gives. */
const DEFAULT_DIRS = /(['"])(\/[\w.+\/-]*(?::\/[\w.+\/-]*)*)\1/;

export interface XdgDataFolder {
  /** The repo folder the join names ('usr/share/ddupdate/plugins'). */
  folder: string;
  /** The line reading XDG_DATA_DIRS and the one joining the app's name (1-based). */
  xdgLine: number;
  nameLine: number;
  name: string;
  /** The data folders read, as the code writes them (`/usr/local/share:/usr/share`). */
  dirs: string;
  /** The line that gives the head its value: the loop over the reading code's folders, or the call handing such a loop's variable in. */
  viaLine: number;
  /** Whether viaLine is a call handing the loop's variable to the calling function (else the loop itself). */
  handedIn: boolean;
}

/** The calling function as loader-roles sees it: '' for module code; its parameters; its def's line (1-based). */
export interface XdgCaller {
  name: string;
  className: string | null;
  params: string[];
  defLine: number;
}

const IDENTIFIER = /^[A-Za-z_]\w*$/;
/** The iterable is taken greedily and its `:` trimmed after: a lazy `(.*?):?\s*$` backtracks quadratically on a long run of spaces. */
const FOR_LOOP = /^\s*(?:async\s+)?for\s+([A-Za-z_]\w*)\s+in\s+(.*)$/;
const DEF_HEAD = /^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/;
const BLOCK_HEAD = /^\s*(?:async\s+)?(?:def|class)\b/;
const ASSIGNED = /^([A-Za-z_]\w*)\s*=[^=]/;
/** `build_load_path(log)`, `self.build_load_path()`: the name a loop's iterable calls. */
const CALLED = /^(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\s*\(/;
/** How many lines above a call its enclosing `for` may start. */
const LOOP_SPAN = 60;

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** What the XDG-reading code gives: a call of the def the name join is in, or the module-level name it assigns. */
interface XdgSource {
  def: string | null;
  variable: string | null;
}

const sourceOf = (lines: string[], nameLine: number): XdgSource => {
  const at = nameLine - 1;
  let indent = indentOf(lines[at]);
  if (indent === 0) return { def: null, variable: ASSIGNED.exec(lines[at])?.[1] ?? null };
  for (let i = at - 1; i >= 0; i--) {
    const line = lines[i];
    if (line.trim() === '' || indentOf(line) >= indent) continue;
    indent = indentOf(line);
    const def = DEF_HEAD.exec(line);
    if (def !== null) return { def: def[1], variable: null };
    if (indent === 0) break;
  }
  return { def: null, variable: null };
};

/** Whether the iterable text of a loop gives what the XDG-reading code gives. */
const givesSource = (iterable: string, source: XdgSource): boolean =>
  (source.variable !== null && iterable === source.variable) || (source.def !== null && CALLED.exec(iterable)?.[1] === source.def);

const escaped = (name: string): string => name.replace(/[^\w]/g, '');

/**
 * Whether a line between `from` and `to` (0-based, exclusive; `to` the call's) binds `name` anew: `name = …`,
 * `name += …`, a nested `for name in`, `with … as name`. Stop 61: `for path in build_load_path():`
 * then `path = os.path.expanduser('~/.app')` hands the loader the home folder, not an XDG one.
 */
const rebinds = (lines: string[], from: number, to: number, name: string): boolean => {
  const bound = new RegExp(`^\\s*(?:${escaped(name)}\\s*(?:[-+*/|&]|//)?=(?!=)|(?:async\\s+)?for\\s+(?:[\\w\\s,]*,\\s*)?${escaped(name)}\\b|with\\b.*\\bas\\s+${escaped(name)}\\b)`);
  const same = sameFolder(name);
  // Review of stop 61: a binding indented deeper than the call sits in a branch the call is outside of (`if not path:` /
  // `path = '.'`): the loader is still handed the XDG folder on the other path, so only one at the call's depth or above counts.
  const depth = indentOf(lines[to] ?? '');
  for (let i = from + 1; i < to; i++) if (lines[i].includes(name) && indentOf(lines[i]) <= depth && bound.test(lines[i]) && !same.test(lines[i])) return true;
  return false;
};

/**
 * Review of stop 61: `path = os.path.abspath(path)`, `path = os.path.expanduser(path)`,
 * `path = path.rstrip('/')` write the same folder back: the loader is still handed the XDG folder.
 */
const sameFolder = (name: string): RegExp => {
  const n = escaped(name);
  return new RegExp(
    `^\\s*${n}\\s*=\\s*(?:(?:(?:os\\.)?path\\.(?:abspath|realpath|normpath|expanduser|expandvars)|os\\.fspath|str|(?:pathlib\\.)?(?:Pure)?Path)\\(\\s*${n}\\s*\\)|${n}\\.r?strip\\(\\s*(?:(['"])[/\\\\\\s]*\\1)?\\s*\\))\\s*(?:#.*)?$`,
  );
};

/** `[load(os.path.join(p, 'plugins')) for p in build_load_path()]`: a comprehension on the call's own line binds `name` over what `source` gives. */
const comprehends = (line: string, name: string, source: XdgSource): boolean => {
  const at = line.search(new RegExp(`\\bfor\\s+${escaped(name)}\\s+in\\s`));
  if (at < 0) return false;
  let iterable = line.slice(at).replace(/^for\s+\w+\s+in\s+/, '');
  // Review of stop 61: cut by hand, not by one pattern of blanks, brackets and blanks anchored at the end (cubic on a
  // line with a long run of blanks: 400 took 1.6 s). The `if` clause goes, then the closing brackets, colon and blanks.
  const clause = iterable.search(/\bif\b/);
  if (clause >= 0) iterable = iterable.slice(0, clause);
  let end = iterable.length;
  while (end > 0 && /[\s\]):]/.test(iterable[end - 1])) end--;
  return givesSource(iterable.slice(0, end).trim(), source);
};

/**
 * The 1-based line of the enclosing `for` that binds `name`, at the 0-based line `at`, over what
 * `source` gives (not above line `stop`), or of a comprehension on that line doing so; 0 when none,
 * or when a line between the loop and the call binds the name anew.
 */
const loopsOverSource = (lines: string[], at: number, stop: number, name: string, source: XdgSource): number => {
  if (comprehends(lines[at], name, source)) return at + 1;
  let indent = indentOf(lines[at]);
  for (let i = at - 1; i >= Math.max(stop, at - LOOP_SPAN); i--) {
    const line = lines[i];
    if (line.trim() === '' || indentOf(line) >= indent) continue;
    indent = indentOf(line);
    if (BLOCK_HEAD.test(line)) return 0;
    const loop = FOR_LOOP.exec(line);
    if (loop !== null && loop[1] === name) {
      const iterable = loop[2].trim().replace(/:$/, '').trimEnd();
      return givesSource(iterable, source) && !rebinds(lines, i, at, name) ? i + 1 : 0;
    }
    if (indent === 0) return 0;
  }
  return 0;
};

/** The 1-based line of a call of `caller` in `text` that hands its parameter `param` a loop variable over what `source` gives; 0 when none. */
const handedBySource = (text: string, lines: string[], caller: XdgCaller, param: string, source: XdgSource): number => {
  if (caller.name === '' || !caller.params.includes(param)) return 0;
  const bound = caller.className !== null && (caller.params[0] === 'self' || caller.params[0] === 'cls') ? 1 : 0;
  const index = caller.params.indexOf(param);
  let lineOf: ((offset: number) => number) | null = null;
  for (let at = text.indexOf(`${caller.name}(`); at >= 0; at = text.indexOf(`${caller.name}(`, at + 1)) {
    const before = at === 0 ? '' : text[at - 1];
    if (/\w/.test(before)) continue;
    const dotted = before === '.';
    const args = callArguments(text, at + caller.name.length);
    if (args === null) continue;
    const keyword = args.map((a) => /^\s*([A-Za-z_]\w*)\s*=(?!=)\s*(.*)$/s.exec(a)).find((m) => m !== null && m[1] === param)?.[2];
    const positional = args.filter((a) => !/^\s*[A-Za-z_]\w*\s*=(?!=)/.test(a) && !a.trim().startsWith('*'));
    const value = (keyword ?? positional[index - (dotted ? bound : 0)] ?? '').trim();
    if (!IDENTIFIER.test(value)) continue;
    // The calls come in text order: the count only moves down (one pass over the text for all of them).
    lineOf ??= lineCounter(text);
    const line = lineOf(at) - 1;
    if (DEF_HEAD.test(lines[line])) continue;
    if (loopsOverSource(lines, line, 0, value, source) > 0) return line + 1;
  }
  return 0;
};

interface XdgRead {
  xdgLine: number;
  nameLine: number;
  name: string;
  dirs: string[];
}

/** What the file reads: the XDG line, the app name joined below it and the default folders; null when it does not. */
const xdgReadOf = (lines: string[]): XdgRead | null => {
  for (let i = 0; i < lines.length; i++) {
    if (!XDG_READ.test(lines[i])) continue;
    const given = DEFAULT_DIRS.exec(lines[i].replace(XDG_READ, ''));
    const dirs = given === null ? SPEC_DEFAULT : given[2].split(':').filter((d) => d !== '');
    for (let k = i; k < lines.length && k <= i + NAME_SPAN; k++) {
      const joined = NAME_JOIN.exec(lines[k]);
      if (joined !== null) return { xdgLine: i + 1, nameLine: k + 1, name: joined[2], dirs };
    }
  }
  return null;
};

/** The last file read, kept: every loader call of a file asks about the same text (split once, not once a call). */
let last: { text: string; value: { lines: string[]; read: XdgRead; source: XdgSource; handed: Map<string, number> } | null } | null = null;

const readOf = (text: string): { lines: string[]; read: XdgRead; source: XdgSource; handed: Map<string, number> } | null => {
  if (last !== null && last.text === text) return last.value;
  const lines = text.split('\n');
  const read = xdgReadOf(lines);
  const source = read === null ? null : sourceOf(lines, read.nameLine);
  const value = read === null || source === null || (source.def === null && source.variable === null) ? null : { lines, read, source, handed: new Map<string, number>() };
  last = { text, value };
  return value;
};

/**
 * The folders of the tree `argText` (`os.path.join(path, 'plugins')`: a computed head, then literal
 * segments) names when its head is one of the XDG data folders `file` reads; [] when it is not so.
 */
export const xdgDataFolders = (
  file: string,
  text: string,
  argText: string,
  hasFolder: (folder: string) => boolean,
  caller: XdgCaller,
  callLine: number,
): XdgDataFolder[] => {
  const tree = filesystemTreeOf(file);
  if (tree === null) return [];
  const args = joinArguments(argText.trim(), 0, true);
  if (args === null || args.length < 2) return [];
  const head = args[0].trim();
  if (!IDENTIFIER.test(head)) return [];
  const tail = args.slice(1).map(literalValue);
  if (tail.some((s) => s === null || s === '' || s.startsWith('/') || s.includes('..') || s.includes('*'))) return [];
  if (!text.includes('XDG_DATA_DIRS')) return [];
  const known = readOf(text);
  if (known === null) return [];
  const { lines, read, source, handed } = known;
  if (callLine < 1 || callLine > lines.length) return [];
  const stop = caller.name === '' ? 0 : Math.max(0, caller.defLine - 1);
  let via = loopsOverSource(lines, callLine - 1, stop, head, source);
  const handedIn = via === 0;
  if (handedIn) {
    // A parameter bound anew in the calling function before the call (`confdir = '/etc/app'`) is no longer what its callers hand it.
    if (caller.name !== '' && rebinds(lines, caller.defLine - 1, callLine - 1, head)) return [];
    // Many loader calls in one function ask the same question: its callers are searched once.
    const key = `${caller.name}\0${caller.defLine}\0${head}`;
    via = handed.get(key) ?? handedBySource(text, lines, caller, head, source);
    handed.set(key, via);
  }
  if (via === 0) return [];
  const out: XdgDataFolder[] = [];
  for (const dir of read.dirs) {
    const folder = `${tree}${dir.replace(/^\/+|\/+$/g, '')}/${read.name}/${(tail as string[]).join('/')}`;
    if (hasFolder(folder)) out.push({ folder, xdgLine: read.xdgLine, nameLine: read.nameLine, name: read.name, dirs: read.dirs.join(':'), viaLine: via, handedIn });
  }
  return out;
};
