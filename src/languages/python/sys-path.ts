/**
 * Folders a module puts on sys.path itself: `sys.path.insert(0, os.path.join(os.path.dirname(
 * __file__), "..", "lib"))`, `sys.path.append(str(Path(__file__).resolve().parent / "src"))`,
 * `sys.path.insert(0, "vendor")`, also through a simple assignment above (`HERE =
 * os.path.dirname(__file__)`); `os.pardir` and `os.curdir` are ".." and "." (qutebrowser's scripts:
 * `sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir))`). Read from the text, never run: an expression built from anything
 * but `__file__`, string literals, such names and the os.path/pathlib calls below gives nothing.
 * A relative literal is taken from the repo root (where such scripts are usually started).
 * Stop 43: in a script (a `#!` first line or an `if __name__ == '__main__'` test), `sys.argv[0]` is
 * the script file and `sys.path[0]` its folder, as `__file__` would give (solaar's launcher:
 * `prefix = _path.normpath(_path.join(_path.realpath(sys.path[0]), '..'))`; mypaint's:
 * `scriptdir = os.path.dirname(os.path.realpath(sys.argv_unicode[0]))`, where `sys.argv_unicode` is a
 * list the file fills from `for s in sys.argv:` … `argv_unicode.append(s)`); `import os.path as _path`
 * names os.path; `sys.path[0] = X` puts X on sys.path as an insert does; and a name bound by
 * `for location in A, B:` (a literal tuple or list of path expressions) stands for each of them.
 * Stop 44: an absolute folder (`sys.path.insert(0, "/usr/share/virt-manager")`) is kept as written,
 * with its leading `/`: sys-path-scopes.ts places it in the tree when the tree shows where it lies.
 * Stop 65: `.as_posix()` hands the same path back as text (poetry-core's poetry/core/__init__.py:12
 * `__vendor_site__ = (Path(__file__).parent / "_vendor").as_posix()`, then `sys.path.insert(0, __vendor_site__)`).
 */
import { posix } from '../../util/path.js';

export interface SysPathFolder {
  /** Repo-relative folder ('' = the root). */
  dir: string;
  line: number;
  /** Added only inside an `if __name__ == '__main__':` block: importing the file does not add it. */
  mainOnly?: true;
}

/**
 * Where paths are evaluated from: the repo root sits under folders named so that a path climbing
 * out of the checkout (`dirname(__file__)/../../lib` from the root) still says so once normalised,
 * up to ABOVE_DEPTH levels, and is not taken for an absolute folder someone wrote (`/lib`).
 */
const ABOVE = '/__census_above__';
const ABOVE_DEPTH = 16;
const REPO = `${ABOVE.repeat(ABOVE_DEPTH)}/__census_repo__`;

/** A repo path ('' = the root) as pathValue writes it, for a variable handed to pathValue. */
export const absRepoPath = (path: string): string => (path === '' ? REPO : `${REPO}/${path}`);

type Token = { kind: 'name' | 'str' | 'num' | 'op'; text: string };

const tokenize = (expr: string): Token[] | null => {
  const out: Token[] = [];
  const re = /\s*(?:([rRuU]?(["'])((?:\\.|(?!\2)[^\\])*)\2)|([A-Za-z_][\w.]*)|(\d+)|([()[\],/]))/y;
  let i = 0;
  while (i < expr.length) {
    if (/^\s*$/.test(expr.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(expr);
    if (!m) return null;
    if (m[1] !== undefined) out.push({ kind: 'str', text: m[3].replace(/\\(.)/g, '$1') });
    else if (m[4] !== undefined) out.push({ kind: 'name', text: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'num', text: m[5] });
    else out.push({ kind: 'op', text: m[6] });
    i = re.lastIndex;
  }
  return out;
};

const PASS_THROUGH = new Set(['str', 'os.fspath', 'os.path.abspath', 'os.path.realpath', 'os.path.normpath', 'path.abspath', 'path.realpath', 'path.normpath', 'abspath', 'realpath', 'normpath', 'Path', 'pathlib.Path', 'PurePath', 'pathlib.PurePath']);
const DIRNAME = new Set(['os.path.dirname', 'path.dirname', 'dirname']);
const JOIN = new Set(['os.path.join', 'path.join', 'join']);
/** The os module's names for the parent and the current folder (`os.path.join(os.path.dirname(__file__), os.pardir)`). */
const SPECIAL_DIRS = new Map([
  ['os.pardir', '..'],
  ['os.path.pardir', '..'],
  ['pardir', '..'],
  ['os.curdir', '.'],
  ['os.path.curdir', '.'],
  ['curdir', '.'],
]);

/** What a script knows about itself (sysPathFolders): the names holding `sys.argv` or a copy of it. */
interface ScriptFacts {
  argv: ReadonlySet<string>;
}

/** Evaluates a path expression to an absolute path under REPO (or elsewhere), or null. */
const evaluate = (tokens: Token[], file: string, vars: ReadonlyMap<string, string>, script: ScriptFacts | null = null): string | null => {
  let pos = 0;
  const peek = (text: string) => tokens[pos]?.kind === 'op' && tokens[pos].text === text;
  const expect = (text: string) => {
    if (!peek(text)) throw new Error(text);
    pos++;
  };
  const args = (): (string | null)[] => {
    expect('(');
    const out: (string | null)[] = [];
    while (!peek(')')) {
      out.push(sum());
      if (!peek(',')) break;
      pos++;
    }
    expect(')');
    return out;
  };
  const atom = (): string | null => {
    const t = tokens[pos++];
    if (!t) throw new Error('end');
    if (t.kind === 'str') return t.text;
    if (t.kind === 'op' && t.text === '(') {
      const v = sum();
      expect(')');
      return v;
    }
    if (t.kind !== 'name') throw new Error(t.text);
    // A script's `sys.argv[0]` (or a copy's) is the script file; its `sys.path[0]` the script's folder.
    if (script !== null && peek('[') && tokens[pos + 1]?.kind === 'num' && tokens[pos + 1].text === '0' && tokens[pos + 2]?.kind === 'op' && tokens[pos + 2].text === ']') {
      const isPath = t.text === 'sys.path';
      if (!isPath && !script.argv.has(t.text)) throw new Error(t.text);
      pos += 3;
      return isPath ? posix.dirname(`${REPO}/${file}`) : `${REPO}/${file}`;
    }
    if (peek('(')) {
      const a = args();
      if (DIRNAME.has(t.text)) return a.length === 1 && a[0] !== null ? posix.dirname(a[0]) : null;
      if (JOIN.has(t.text)) return a.length > 0 && a.every((x) => x !== null) ? posix.join(...(a as string[])) : null;
      if (PASS_THROUGH.has(t.text)) return a.length === 1 ? a[0] : null;
      return null;
    }
    // `os.pardir` / `os.curdir` (also os.path's, or imported bare): '..' and '.'.
    const special = SPECIAL_DIRS.get(t.text);
    if (special !== undefined && !vars.has(t.text)) return special;
    // `HERE.parent.parent`: a name with attribute steps.
    const [head, ...attrs] = t.text.split('.');
    let value = head === '__file__' ? `${REPO}/${file}` : (vars.get(head) ?? null);
    for (const attr of attrs) value = value !== null && attr === 'parent' ? posix.dirname(value) : null;
    return value;
  };
  const sum = (): string | null => {
    let left = atom();
    while (peek('/')) {
      pos++;
      const right = atom();
      left = left === null || right === null ? null : posix.join(left, right);
    }
    return left;
  };
  try {
    const v = sum();
    return pos === tokens.length ? v : null;
  } catch {
    return null;
  }
};

/**
 * Attribute steps after a call (`Path(__file__).resolve().parent / "src"`) rewritten as the
 * calls they amount to (`os.path.dirname(Path(__file__))`), innermost first, so the evaluator
 * only knows names, strings, calls and `/`.
 */
/** Start of the call or bracket group that ends just before `close` (a `)`), with its callee name. */
const groupStart = (expr: string, close: number): number => {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (expr[i] === ')') depth++;
    else if (expr[i] === '(' && --depth === 0) {
      let j = i;
      while (j > 0 && /[\w.]/.test(expr[j - 1])) j--;
      return j;
    }
  }
  return -1;
};

const STEP = /^\s*\.\s*(?:(resolve|absolute|expanduser|as_posix)\s*\(\s*\)|(parent)\b(?!s)|parents\s*\[\s*(\d+)\s*\]|(joinpath)\s*\(|(with_name)\s*\()/;

const foldAttributes = (expr: string): string => {
  // Stop 56: `sys.modules[__name__]` is the module itself, so its `__file__` is `__file__` (limnoria's
  // supybot/plugin.py: `installDir = os.path.dirname(sys.modules[__name__].__file__)`).
  let out = expr.replace(/\bsys\s*\.\s*modules\s*\[\s*__name__\s*\]\s*\.\s*__file__\b/g, '__file__');
  for (let guard = 0; guard < 30; guard++) {
    let changed = false;
    for (let close = 0; close < out.length; close++) {
      if (out[close] !== ')') continue;
      const m = STEP.exec(out.slice(close + 1));
      if (!m) continue;
      const start = groupStart(out, close);
      if (start < 0) return out;
      const call = out.slice(start, close + 1);
      const rest = out.slice(close + 1 + m[0].length);
      const folded = m[1] ? call : m[2] ? `os.path.dirname(${call})` : m[3] !== undefined ? `${'os.path.dirname('.repeat(Number(m[3]) + 1)}${call}${')'.repeat(Number(m[3]) + 1)}` : m[5] ? `os.path.join(os.path.dirname(${call}), ` : `os.path.join(${call}, `;
      out = out.slice(0, start) + folded + rest;
      changed = true;
      break;
    }
    if (!changed) return out;
  }
  return out;
};

const toRepo = (abs: string | null): string | null => {
  if (abs === null) return null;
  const normal = posix.normalize(abs);
  if (normal === REPO) return '';
  return normal.startsWith(`${REPO}/`) ? normal.slice(REPO.length + 1) : null;
};

/**
 * Stop 44: an absolute folder outside the repo (`sys.path.insert(0, "/usr/share/virt-manager")`),
 * normalised and kept with its leading `/`; null for `/` itself. Where it lies in the tree (a
 * filesystem image's own folder, a Dockerfile's COPY destination) is for sysPathAdders to say.
 */
const absoluteDir = (abs: string): string | null => {
  const normal = posix.normalize(abs).replace(/\/+$/, '');
  return normal === '' || normal === '/' || normal.startsWith(ABOVE) ? null : normal;
};

const SYS_PATH = /^[ \t]*sys\.path\.(insert|append)\s*\((.*)\)\s*(?:#.*)?$/;
/** `sys.path[0] = X`: replaces the script's own folder with X, which is put first as an insert would. */
const SYS_PATH_SET = /^[ \t]*sys\.path\[\s*0\s*\]\s*=\s*(.*?)\s*(?:#.*)?$/;
const ASSIGN = /^[ \t]*([A-Za-z_]\w*)\s*=\s*(.*?)\s*(?:#.*)?$/;
/**
 * Stop 60: `sys.path[0:0] = X` (or `sys.path[:0] = X`), a slice assignment that puts each folder of
 * the list X first, as frescobaldi's toplevel.py does with its package's own `__path__`.
 */
const SYS_PATH_SLICE = /^[ \t]*sys\.path\[\s*0?\s*:\s*0\s*\]\s*=\s*(.*?)\s*(?:#.*)?$/;
/** Stop 60: `from . import __path__` (or `as path`): the file's own package's folder list, its folder. */
const OWN_PATH_IMPORT = /^[ \t]*from\s+\.\s+import\s+__path__(?:\s+as\s+([A-Za-z_]\w*))?\s*(?:#.*)?$/;

/** `for location in src_lib, share_lib:` / `for d in (A, B):` / `[A, B]`. */
const FOR_IN = /^[ \t]*for\s+([A-Za-z_]\w*)\s+in\s+(.*?)\s*:\s*(?:#.*)?$/;
/** A right-hand side worth evaluating as a path. */
const PATHISH = /__file__|os\.path|Path\(|sys\.(?:path\s*\[|argv)|\b(?:join|dirname|realpath|abspath|normpath)\s*\(/;

/** Stop 44: an absolute path literal (`pkgdatadir = '/usr/share/dialect'`, then `sys.path.insert(1, pkgdatadir)`). */
const ABSOLUTE_LITERAL = /^[rRuU]?(["'])\/[^"'\\]*\1$/;

/** A file run as a script: `#!` first line, or an `if __name__ == '__main__'` test. */
const isScript = (text: string): boolean => text.startsWith('#!') || /\bif\s+__name__\s*==\s*(['"])__main__\1/.test(text);

/**
 * The names holding sys.argv in a script: `sys.argv`, and a list filled from it (`for s in
 * sys.argv:` … `argv_unicode.append(s)`) under its own name or as it is stored (`sys.argv_unicode =
 * argv_unicode`).
 */
const argvNames = (text: string): Set<string> => {
  const out = new Set(['sys.argv']);
  for (const loop of text.matchAll(/^([ \t]*)for\s+([A-Za-z_]\w*)\s+in\s+sys\.argv\s*:/gm)) {
    // The loop's body: the lines below it indented deeper.
    const body: string[] = [];
    for (const line of text.slice((loop.index ?? 0) + loop[0].length).split('\n').slice(1, 40)) {
      if (line.trim() === '') continue;
      if ((/^[ \t]*/.exec(line)?.[0].length ?? 0) <= loop[1].length) break;
      body.push(line);
    }
    for (const line of body) {
      const append = new RegExp(`^[ \\t]*([A-Za-z_]\\w*)\\.append\\(\\s*${loop[2]}\\s*\\)`).exec(line);
      if (append === null) continue;
      out.add(append[1]);
      for (const stored of text.matchAll(new RegExp(`^[ \\t]*(sys\\.[A-Za-z_]\\w*)\\s*=\\s*${append[1]}\\s*(?:#.*)?$`, 'gm'))) out.add(stored[1]);
    }
  }
  return out;
};

/** The names `import os.path as X` / `from os import path as X` give os.path. */
const osPathAliases = (text: string): string[] => {
  const out: string[] = [];
  for (const m of text.matchAll(/^[ \t]*(?:import\s+os\.path|from\s+os\s+import\s+path)\s+as\s+([A-Za-z_]\w*)\s*(?:#.*)?$/gm)) if (m[1] !== 'path' && !out.includes(m[1])) out.push(m[1]);
  return out;
};

/**
 * The parts of `text` between its top-level commas (or another `separator`: `+` for a
 * concatenation) outside brackets and strings, trimmed, empty ones too; null when its brackets do
 * not balance.
 */
export const splitCommas = (text: string, separator = ','): string[] | null => {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === separator && depth === 0) {
      out.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(text.slice(from).trim());
  return depth === 0 ? out : null;
};

/** The non-empty top-level parts of `A, B` / `(A, B)` / `[A, B]`; null when it is one expression. */
const listItems = (expr: string): string[] | null => {
  let e = expr.trim();
  if ((e.startsWith('(') && e.endsWith(')')) || (e.startsWith('[') && e.endsWith(']'))) e = e.slice(1, -1);
  const parts = splitCommas(e);
  return parts === null || parts.length < 2 ? null : parts.filter((p) => p !== '');
};

/** A line that is code (not blank, not only a comment), its indent in group 1. */
const MAIN_BLOCK_LINE = /^([ \t]*)[^\s#]/;
/** `if __name__ == '__main__':` (either order), which a module imported never enters. */
const MAIN_GUARD_LINE = /^[ \t]*if\s+(?:__name__\s*==\s*(['"])__main__\1|(['"])__main__\2\s*==\s*__name__)\s*:/;

/**
 * A sys.path call or a path assignment whose brackets stay open at the line's end (Black's split), or a
 * slice assignment whose list does (zc.buildout's scripts write `sys.path[0:0] = [` one folder a line).
 */
const OPENS_CALL = /^[ \t]*(?:sys\.path\.(?:insert|append)\s*\(|sys\.path\[\s*0?\s*:\s*0\s*\]\s*=\s*\S|[A-Za-z_]\w*\s*=\s*\S)/;

/**
 * Stop 57: `line` with the lines below it joined on while its brackets are open, as pathAssignments
 * reads an assignment (bumblebee-status's `libdir = os.path.abspath(\n    os.path.join(…)\n)`):
 * at most MAX_CONTINUATION_LINES; still open then, the line alone (no match below).
 */
const joinedBelow = (lines: readonly string[], i: number, line: string): string => {
  if (line.length > 300 || !OPENS_CALL.test(line) || splitCommas(line.replace(/#.*$/, '')) !== null) return line;
  const joined = continued(lines, i, line.replace(/#.*$/, '').trimEnd());
  return splitCommas(joined) !== null ? joined : line;
};

/**
 * `start` (line i's text, or a part of it) with the lines below joined on, each without its comment,
 * while its brackets stay open: at most MAX_CONTINUATION_LINES, and none once it passes 300 characters.
 */
const continued = (lines: readonly string[], i: number, start: string): string => {
  let text = start;
  for (let k = i + 1; k < lines.length && k <= i + MAX_CONTINUATION_LINES && text.length <= 300 && splitCommas(text) === null; k++) text += ` ${lines[k].replace(/\r$/, '').replace(/#.*$/, '').trim()}`;
  return text;
};

/** The repo folders `file` puts on sys.path (only when its text mentions sys.path). */
export const sysPathFolders = (text: string, file: string): SysPathFolder[] => {
  if (!text.includes('sys.path')) return [];
  const out: SysPathFolder[] = [];
  const vars = new Map<string, string>();
  /** Names bound by a loop over a literal list of paths: each value they take. */
  const choices = new Map<string, string[]>();
  const script: ScriptFacts | null = isScript(text) ? { argv: argvNames(text) } : null;
  const aliases = osPathAliases(text);
  const aliasRe = aliases.length === 0 ? null : new RegExp(`\\b(?<![.\\w])(?:${aliases.join('|')})\\.`, 'g');
  const value = (expr: string): string | null => {
    if (expr.length > 300) return null;
    const tokens = tokenize(foldAttributes((aliasRe === null ? expr : expr.replace(aliasRe, 'os.path.')).trim()));
    return tokens === null || tokens.length === 0 ? null : evaluate(tokens, file, vars, script);
  };
  /**
   * Stop 60: names holding a list of folders: a package's `__path__` (in its `__init__.py`, or bound by
   * `from . import __path__`), whose one folder is the file's own.
   */
  const folderLists = new Map<string, string[]>();
  if (posix.basename(file) === '__init__.py') folderLists.set('__path__', [posix.dirname(`${REPO}/${file}`)]);
  /** The folders of a list expression: `[A, B]`, a folder-list name, either through `map(os.path.abspath, …)` (or `list(map(…))`). */
  const folderList = (expr: string): (string | null)[] => {
    let e = expr.trim();
    if (e.length > 300) return [];
    if (/^list\s*\(/.test(e) && e.endsWith(')')) e = e.replace(/^list\s*\(/, '').slice(0, -1).trim();
    const mapped = /^map\s*\(\s*([\w.]+)\s*,(.*)\)$/.exec(e);
    if (mapped) {
      // Only a call that keeps the folder it is given (abspath, realpath, str…) maps the list onto itself.
      if (!PASS_THROUGH.has(mapped[1])) return [];
      e = mapped[2].trim();
    }
    if (/^[A-Za-z_]\w*$/.test(e)) return folderLists.get(e) ?? [];
    if (!e.startsWith('[') || !e.endsWith(']')) return [];
    const items = splitCommas(e.slice(1, -1));
    return items === null ? [] : items.filter((x) => x !== '').map(value);
  };
  /** The indent of the `if __name__ == '__main__':` whose block the current line is in; -1: none. */
  let mainIndent = -1;
  const put = (arg: string, line: number) => {
    const name = arg.trim();
    const many = /^[A-Za-z_]\w*$/.test(name) && !vars.has(name) ? choices.get(name) : undefined;
    putValues(many ?? [value(arg)], line);
  };
  const putValues = (values: readonly (string | null | undefined)[], line: number) => {
    for (const raw of values) {
      // A relative literal is relative to where the process starts: taken as the repo root.
      // An absolute one outside the repo is kept as written (sysPathAdders places it in the tree).
      const dir = raw === null || raw === undefined ? null : raw.startsWith('/') ? (toRepo(raw) ?? absoluteDir(raw)) : toRepo(`${REPO}/${raw}`);
      if (dir === null) continue;
      const known = out.find((o) => o.dir === dir);
      if (known === undefined) out.push(mainIndent < 0 ? { dir, line } : { dir, line, mainOnly: true });
      else if (mainIndent < 0 && known.mainOnly) delete known.mainOnly;
    }
  };
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const own = raw.replace(/\r$/, '');
    const indent = MAIN_BLOCK_LINE.exec(own)?.[1].length;
    if (indent !== undefined && mainIndent >= 0 && indent <= mainIndent) mainIndent = -1;
    if (indent !== undefined && MAIN_GUARD_LINE.test(own)) mainIndent = indent;
    const line = joinedBelow(lines, i, own);
    const call = SYS_PATH.exec(line);
    if (call) {
      let arg = call[2];
      if (call[1] === 'insert') {
        const comma = arg.indexOf(',');
        if (comma < 0) return;
        arg = arg.slice(comma + 1);
      }
      // Stop 58: Black's trailing comma after the last argument (thonny's mp_back.py:116-120) is no part of the path.
      put(arg.replace(/,\s*$/, ''), i + 1);
      return;
    }
    const slice = SYS_PATH_SLICE.exec(line);
    if (slice) {
      putValues(folderList(slice[1]), i + 1);
      return;
    }
    const ownPath = OWN_PATH_IMPORT.exec(line);
    if (ownPath) {
      folderLists.set(ownPath[1] ?? '__path__', [posix.dirname(`${REPO}/${file}`)]);
      return;
    }
    const set = SYS_PATH_SET.exec(line);
    if (set) {
      put(set[1], i + 1);
      return;
    }
    const loop = FOR_IN.exec(line);
    if (loop) {
      const items = listItems(loop[2]);
      const values = items === null ? [] : items.map(value).filter((v): v is string => v !== null);
      vars.delete(loop[1]);
      folderLists.delete(loop[1]);
      if (values.length > 0) choices.set(loop[1], values);
      else choices.delete(loop[1]);
      return;
    }
    const assign = ASSIGN.exec(line);
    // A name bound again no longer holds the package's folder list.
    if (assign) folderLists.delete(assign[1]);
    if (assign && (PATHISH.test(assign[2]) || ABSOLUTE_LITERAL.test(assign[2]) || aliasRe?.test(assign[2]) || vars.has(assign[2]))) {
      if (aliasRe) aliasRe.lastIndex = 0;
      const v = value(assign[2]);
      choices.delete(assign[1]);
      if (v) vars.set(assign[1], v);
      else vars.delete(assign[1]);
    }
  });
  return out;
};

/**
 * The value of a path expression built the way sysPathFolders reads them, given `vars` from
 * pathVariables; opaque (only repoPathOf reads it), null when it is anything else.
 */
export const pathValue = (expr: string, file: string, vars: ReadonlyMap<string, string>): string | null => {
  const tokens = tokenize(foldAttributes(expr.trim()));
  return tokens === null || tokens.length === 0 ? null : evaluate(tokens, file, vars);
};

/** Stop 56: the absolute path a pathValue names outside the repo (`/usr/lib/python3/dist-packages/Mailnag/plugins`, written so), normalised; null otherwise. */
export const absolutePathOf = (value: string | null): string | null => (value === null || !value.startsWith('/') ? null : absoluteDir(value));

/** The repo path a pathValue names ('' = the root), or null when it is relative (to a working folder no one knows) or outside the repo. */
export const repoPathOf = (value: string | null): string | null => (value === null || !value.startsWith(`${REPO}/`) && value !== REPO ? null : toRepo(value));

/**
 * The path assignments of a file in order (`HERE = Path(__file__).parent`, `plugins_path =
 * os.path.join(HERE, "plugins")`), each evaluated with the ones above it, read line by line without
 * scopes; `value` null: the name was assigned something else, and is forgotten from there on.
 * Stop 50: also `a, b = os.path.split(p)` and a right-hand side whose brackets close on the lines below
 * (read for every reader; folder-loaders' `os.walk` reads a literal module name as that file, not every module).
 */
export const pathAssignments = (text: string, file: string, seed?: ReadonlyMap<string, string>): { line: number; name: string; value: string | null }[] => {
  const out: { line: number; name: string; value: string | null }[] = [];
  // `seed`: names bound before the first line (path constants the module imports).
  const vars = new Map<string, string>(seed ?? []);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const own = lines[i].replace(/\r$/, '');
    // Stop 50: `here, _ = os.path.split(os.path.abspath(__file__))`: the first name is the folder (octavia's keepalivedlvs.py).
    const split = own.length > 300 ? null : SPLIT_ASSIGN.exec(own);
    if (split) {
      const value = split[3].length > 300 ? null : pathValue(`os.path.dirname(${split[3]})`, file, vars);
      if (value !== null) vars.set(split[1], value);
      else vars.delete(split[1]);
      vars.delete(split[2]);
      out.push({ line: i + 1, name: split[1], value }, { line: i + 1, name: split[2], value: null });
      continue;
    }
    const assign = ASSIGN.exec(own);
    if (!assign) continue;
    // Stop 50: a right-hand side whose brackets close on the lines below (`d = os.path.join(os.path.abspath(\n    os.path.join(here, '../..')), 'utils')`).
    const rhs = continued(lines, i, assign[2]);
    // A path expression is short; a long right-hand side is something else, and folding its attributes costs its length squared.
    const value = rhs.length > 300 || splitCommas(rhs) === null ? null : pathValue(rhs, file, vars);
    if (value !== null) vars.set(assign[1], value);
    else vars.delete(assign[1]);
    out.push({ line: i + 1, name: assign[1], value });
  }
  return out;
};

/** `a, b = os.path.split(X)` (also `path.split`, a bare `split`). */
const SPLIT_ASSIGN = /^[ \t]*([A-Za-z_]\w*)[ \t]*,[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:os\.path\.|path\.)?split\((.*)\)[ \t]*(?:#.*)?$/;
/** How many lines below an assignment its open brackets may close on. */
const MAX_CONTINUATION_LINES = 3;


/** The path variables a file has assigned before `beforeLine`, by name (see pathAssignments). */
export const pathVariables = (text: string, file: string, beforeLine = Infinity, seed?: ReadonlyMap<string, string>): Map<string, string> => {
  const vars = new Map<string, string>(seed ?? []);
  for (const a of pathAssignments(text, file, seed)) {
    if (a.line >= beforeLine) break;
    if (a.value !== null) vars.set(a.name, a.value);
    else vars.delete(a.name);
  }
  return vars;
};
