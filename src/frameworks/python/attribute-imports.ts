/**
 * Dotted names a plugin file sets on a module attribute that a loader reads by that attribute's
 * name and imports. Horizon's `enabled/_1020_project_overview_panel.py` is a settings fragment:
 * `ADD_PANEL = 'openstack_dashboard.dashboards.project.overview.panel.Overview'`,
 * `ADD_INSTALLED_APPS = ['openstack_dashboard.dashboards.project']`. The loader merges each
 * fragment's `__dict__` (openstack_dashboard/utils/settings.py:69-80) and reads it by name:
 * horizon/base.py:953-956 `panel_path = config['ADD_PANEL']`, `mod_path, panel_cls =
 * panel_path.rsplit(".", 1)`, `import_module(mod_path)`; utils/settings.py:153-161
 * `_apps = config.get('ADD_INSTALLED_APPS', [])`, `for _app in _apps: import_module(_app)`.
 * Nothing imports the panels by a literal name, so census saw every panel dead.
 *
 * The rule: a computed import (`import_module`, `__import__`, `import_string`) whose name, followed
 * back through the assignments of the def it is in (`v = …`, `for v in …:`, `a, b = v.rsplit('.', 1)`,
 * `v.rsplit('.', 1)[0]`, `v.rpartition('.')[0]`), is a value read by a literal UPPER_CASE name:
 * `X.get('NAME', …)`, `X['NAME']`, `getattr(X, 'NAME', …)` (not from the environment: `os.environ`
 * holds no module's attributes). Then every Python file whose top level assigns `NAME` a dotted
 * literal (a list or tuple of them when the loader loops over the value) names the module so
 * imported: the whole value, or (after an rsplit/rpartition, or for import_string) the part before
 * its last dot. The edge goes from the assigning file, so the module is alive exactly when the
 * fragment is loaded; a literal that names no repo module gives nothing, and no other string is read.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { sortedPaths } from '../../util/file-index.js';
import { escapeRegExp } from '../../util/regexp.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { isModuleName, stringList, stringValue } from '../../languages/python/literals.js';
import { isOp, nameText } from '../../languages/python/ranges.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import type { PythonTokens } from '../../languages/python/tokenize.js';
import { alternation, CORE_LOADS } from '../../languages/python/loader-names.js';

/** An attribute a loader reads by name and imports. */
export interface AttributeLoad {
  attr: string;
  file: string;
  /** Where the attribute is read by name, and the read as written (`config['ADD_PANEL']`). */
  readLine: number;
  read: string;
  /** The import call's line and text (`import_module(mod_path)`). */
  loadLine: number;
  load: string;
  /** The loader loops over the value: a list or tuple of names. */
  each: boolean;
  /** The part before the last dot is imported (rsplit/rpartition, or import_string's `module.attr`). */
  head: boolean;
}

/** A setting's name as settings fragments write them. */
const ATTR_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Steps followed back from the import's argument. */
const MAX_STEPS = 6;
/** Lines looked at above the import for the assignments of its def. */
const MAX_BACK = 300;
/** Computed imports followed back per file. */
const MAX_FILE_LOADS = 100;
/** Loaders kept per scan (a hostile repo of thousands gives no more). */
const MAX_LOADS = 100;
/**
 * Longest line (and traced expression) the line patterns run on: they backtrack over runs of blanks,
 * so a hostile line of a million characters would cost its square. A longer line that names the
 * traced name stops the trace (it may rebind it); one that does not is passed over.
 */
const MAX_LINE = 400;

const CALL = new RegExp(String.raw`(?<![\w.])(?:importlib\.)?(${alternation(CORE_LOADS)})\s*\(`, 'g');
/** `X.get('NAME'[, default])` or `X['NAME']`: the receiver and the name. */
const GET = /^([A-Za-z_][\w.]*)\s*(?:\.get\(\s*(['"])([A-Za-z_]\w*)\2\s*(?:,\s*(?:[^()]|\(\))*)?\)|\[\s*(['"])([A-Za-z_]\w*)\4\s*\])$/;
const GETATTR = /^getattr\(\s*([A-Za-z_][\w.]*)\s*,\s*(['"])([A-Za-z_]\w*)\2\s*(?:,\s*(?:[^()]|\(\))*)?\)$/;
/** `v.rsplit('.', 1)[0]`, `v.rpartition('.')[0]`: the part before the last dot. */
const HEAD_OF = /^(.+?)\s*\.(?:rsplit\(\s*(['"])\.\2\s*,\s*(?:maxsplit\s*=\s*)?1\s*\)|rpartition\(\s*(['"])\.\3\s*\))\s*\[\s*0\s*\]$/;
const NAME = /^[A-Za-z_]\w*$/;

const ENVIRON = /(?:^|\.)(?:environ|getenv)$/;

/** The first argument of the call whose `(` is at `open`: its text up to a top-level `,` or the closing `)`. */
const firstArgument = (line: string, open: number): string | null => {
  let depth = 0;
  let quote = '';
  for (let i = open + 1; i < line.length; i++) {
    const c = line[i];
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return line.slice(open + 1, i).trim();
      depth--;
    } else if (c === ',' && depth === 0) return line.slice(open + 1, i).trim();
  }
  return null;
};

const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;

interface Traced {
  attr: string;
  readLine: number;
  read: string;
  each: boolean;
  head: boolean;
}

/**
 * Follow `expr` (at line `at`, 1-based) back through the assignments above it in its def, down to
 * a read by literal name; null when it is anything else.
 */
const trace = (lines: readonly string[], expr: string, at: number, top: number, each: boolean, head: boolean, steps: number): Traced | null => {
  if (steps > MAX_STEPS) return null;
  const e = expr.trim();
  if (e.length > MAX_LINE) return null;
  const got = GET.exec(e);
  const read = got !== null ? { receiver: got[1], attr: got[3] ?? got[5] } : ((m) => (m === null ? null : { receiver: m[1], attr: m[3] }))(GETATTR.exec(e));
  if (read !== null) return ATTR_NAME.test(read.attr) && !ENVIRON.test(read.receiver) ? { attr: read.attr, readLine: at, read: e, each, head } : null;
  const h = HEAD_OF.exec(e);
  if (h !== null) return trace(lines, h[1], at, top, each, true, steps + 1);
  if (!NAME.test(e)) return null;
  const name = escapeRegExp(e);
  const loop = new RegExp(String.raw`^\s*(?:async\s+)?for\s+${name}\s+in\s+(.+?)\s*:\s*(?:#.*)?$`);
  const assign = new RegExp(String.raw`^\s*${name}\s*=(?!=)\s*(.+?)\s*(?:#.*)?$`);
  const split = new RegExp(String.raw`^\s*\(?\s*${name}\s*,\s*[A-Za-z_]\w*\s*(?:,\s*[A-Za-z_]\w*\s*)?\)?\s*=\s*([A-Za-z_]\w*)\.(rsplit\(\s*(['"])\.\3\s*,\s*(?:maxsplit\s*=\s*)?1\s*\)|rpartition\(\s*(['"])\.\4\s*\))\s*(?:#.*)?$`);
  const rebinds = new RegExp(String.raw`^\s*${name}\s*(?:(?:[-+*/%&|^@]|//|<<|>>|\*\*)=|:)|\bas\s+${name}\b|(?<![\w.])${name}\s*:=`);
  const word = new RegExp(String.raw`(?<![\w.])${name}(?!\w)`);
  for (let l = at - 1; l >= top; l--) {
    const line = lines[l - 1];
    if (line.length > MAX_LINE) {
      if (line.includes(e)) return null;
      continue;
    }
    const m = loop.exec(line);
    if (m !== null) return trace(lines, m[1], l, top, true, head, steps + 1);
    const s = split.exec(line);
    // `a, b = v.rsplit('.', 1)` names the head; `a, _, b = v.rpartition('.')` too (three targets only with rpartition).
    if (s !== null) return (s[2].startsWith('rpartition') ? /,.*,/.test(line.slice(0, line.indexOf('='))) : !/,.*,/.test(line.slice(0, line.indexOf('=')))) ? trace(lines, s[1], l, top, each, true, steps + 1) : null;
    const a = assign.exec(line);
    if (a !== null) return trace(lines, a[1], l, top, each, head, steps + 1);
    // Any other binding of the name (`v += …`, `v: str = …`, `as v`, `v := …`, `a, v = …`, `for a, v in …`) stops: what it holds is not followed.
    if (rebinds.test(line) || tupleTarget(line, word)) return null;
  }
  return null;
};

/** Whether `line` binds a name `word` matches among several targets: `a, v = …`, `(a, v) = …`, `for a, v in …:`. */
const tupleTarget = (line: string, word: RegExp): boolean => {
  const f = /^\s*(?:async\s+)?for\s+(.*?)\s+in\b/.exec(line);
  let targets = f?.[1] ?? null;
  if (targets === null) {
    const eq = /(?<![=!<>+\-*/%&|^@:])=(?!=)/.exec(line);
    if (eq === null) return false;
    targets = line.slice(0, eq.index);
    if (/['"(]\s*$|\w\s*\(/.test(targets)) return false;
  }
  return targets.includes(',') && word.test(targets);
};

/** The computed imports of one file whose name is an attribute read by literal name. */
export const attributeLoadsIn = (file: string, text: string, lines: readonly number[]): AttributeLoad[] => {
  const src = text.split('\n');
  const out: AttributeLoad[] = [];
  // A hostile file of thousands of computed imports costs no more than MAX_FILE_LOADS walks back.
  for (const at of lines.slice(0, MAX_FILE_LOADS)) {
    const line = src[at - 1];
    if (line === undefined) continue;
    // The def the import is in: the nearest line above with less indentation that opens one.
    let top = Math.max(1, at - MAX_BACK);
    const indent = indentOf(line);
    for (let l = at - 1; l >= top; l--) {
      const above = src[l - 1];
      if (above.trim() === '' || indentOf(above) >= indent) continue;
      if (/^\s*(?:async\s+)?def\s/.test(above)) {
        top = l + 1;
        break;
      }
    }
    for (const call of line.matchAll(CALL)) {
      const arg = firstArgument(line, call.index! + call[0].length - 1);
      if (arg === null || arg === '') continue;
      const traced = trace(src, arg, at, top, false, call[1] === 'import_string', 0);
      if (traced === null) continue;
      const load = `${call[0].replace(/\s+/g, '')}${arg})`;
      out.push({ file, ...traced, loadLine: at, load });
    }
  }
  return out;
};

/**
 * A top-level `NAME = <dotted literal>` (adjacent literals joined, in parentheses or after a
 * backslash too) or `NAME = [<dotted literals>]` / a tuple of them: the names, whether it is a list,
 * and the line. Read from tokens; an indented or computed assignment gives nothing.
 */
export const assignedNames = (text: string, attr: string): { names: string[]; list: boolean; line: number }[] => assignedIn(tokenize(text), attr);

const assignedIn = (t: PythonTokens, attr: string): { names: string[]; list: boolean; line: number }[] => {
  const out: { names: string[]; list: boolean; line: number }[] = [];
  for (let l = 0; l < t.lines; l++) {
    const a = t.lineFirst[l];
    const b = t.lineEnd[l];
    if (t.lineIndent[l] !== 0 || b - a < 3 || t.kind[a] !== Kind.Name || nameText(t, a) !== attr || !isOp(t, a + 1, Op.Assign)) continue;
    const [s, e] = [a + 2, b];
    const one = stringValue(t, s, e) ?? (isOp(t, s, Op.LParen) && isOp(t, e - 1, Op.RParen) ? stringValue(t, s + 1, e - 1) : null);
    const names = one !== null ? [one] : stringList(t, s, e);
    if (names === null || !names.every(isModuleName)) continue;
    out.push({ names, list: one === null, line: t.line[a] });
  }
  return out;
};

/**
 * Whether a fragment turns itself off for the loader reading `attr`: a top-level `DISABLED = True`
 * (Horizon's documented switch: utils/settings.py:148-150 `if config.get('DISABLED', False): …
 * continue` before any ADD_ name is read), or `REMOVE_X = True` for `ADD_X` (horizon/base.py:949-953
 * removes the panel instead of adding it).
 */
const switchedOff = (t: PythonTokens, attr: string): string | null => {
  const remove = attr.startsWith('ADD_') ? `REMOVE_${attr.slice(4)}` : null;
  for (let l = 0; l < t.lines; l++) {
    const a = t.lineFirst[l];
    if (t.lineIndent[l] !== 0 || t.lineEnd[l] - a !== 3 || t.kind[a] !== Kind.Name || !isOp(t, a + 1, Op.Assign) || t.kind[a + 2] !== Kind.Name || nameText(t, a + 2) !== 'True') continue;
    const name = nameText(t, a);
    if (name === 'DISABLED' || name === remove) return `${name} = True`;
  }
  return null;
};

/**
 * Whether a file looks like the settings fragments such loaders merge: no top-level def or class
 * (every Horizon enabled/ file is names and literals). A module with code of its own that happens to
 * keep a `BACKEND = '…'` (a note, a default) is not read by name by an unrelated loader.
 */
const isFragment = (t: PythonTokens): boolean => {
  for (let l = 0; l < t.lines; l++) {
    const a = t.lineFirst[l];
    if (t.lineIndent[l] !== 0 || t.lineEnd[l] <= a || t.kind[a] !== Kind.Name) continue;
    const w = nameText(t, a);
    if (w === 'def' || w === 'class' || (w === 'async' && t.kind[a + 1] === Kind.Name && nameText(t, a + 1) === 'def')) return false;
  }
  return true;
};

/**
 * The top-level literal assignments to each of `attrs` in a settings fragment, read as this reader
 * reads them (tokenized once): none in a file with a top-level def or class (no fragment), nor for
 * a name the fragment switches off (`DISABLED = True`). Shared with installed-app-modules.ts.
 */
export const fragmentAssignments = (text: string, attrs: readonly string[]): { attr: string; names: string[]; list: boolean; line: number }[] => {
  const t = tokenize(text);
  if (!isFragment(t)) return [];
  return attrs.flatMap((attr) => (switchedOff(t, attr) !== null ? [] : assignedIn(t, attr).map((a) => ({ attr, ...a }))));
};

/** Whether a `.get(` / `[` receiver is the process environment (`os.environ`, `os.getenv`), not a loaded module. */
export const isEnviron = (receiver: string): boolean => ENVIRON.test(receiver);

const findLoads = perScan((ctx: FrameworkContext): AttributeLoad[] => {
  const out: AttributeLoad[] = [];
  for (const path of sortedPaths(ctx.files)) {
    if (out.length >= MAX_LOADS) break;
    if (!path.endsWith('.py')) continue;
    const computed = ctx.facts(path)?.computedImportLines;
    if (computed === undefined) continue;
    const text = ctx.readText(path);
    if (text === null) continue;
    out.push(...attributeLoadsIn(path, text, computed));
  }
  return out.slice(0, MAX_LOADS);
});

export const collectAttributeImports = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const loads = findLoads(ctx);
  if (loads.length === 0) return out;
  const byAttr = new Map<string, AttributeLoad[]>();
  for (const l of loads) (byAttr.get(l.attr) ?? byAttr.set(l.attr, []).get(l.attr)!).push(l);
  const attrs = [...byAttr.keys()];
  for (const path of sortedPaths(ctx.files)) {
    if (!path.endsWith('.py')) continue;
    // Extraction lists the names a module defines at its top level: only those files are read.
    const defined = ctx.facts(path)?.definitions;
    if (defined === undefined || !attrs.some((a) => defined.includes(a))) continue;
    const text = ctx.readText(path);
    if (text === null) continue;
    const t = tokenize(text);
    if (!isFragment(t)) continue;
    for (const attr of attrs) {
      if (!defined.includes(attr) || switchedOff(t, attr) !== null) continue;
      for (const set of assignedIn(t, attr)) {
        for (const load of byAttr.get(attr)!) {
          // A loop takes a list's items; a single name is never looped over (that would be its letters), nor a list imported whole.
          if (set.list !== load.each) continue;
          for (const value of set.names) {
            const dot = value.lastIndexOf('.');
            if (load.head && dot <= 0) continue;
            const module = load.head ? value.slice(0, dot) : value;
            const files = ctx.module(module);
            if (files.length === 0 || files[0] === path) continue;
            const how = load.head ? `, the part before its last dot` : '';
            out.references.push({
              from: path,
              target: module,
              targetKind: 'module',
              line: set.line,
              label: `named by ${attr} in ${path}:${set.line} ("${value}"), which ${load.file}:${load.readLine} reads by name (${load.read}) and ${load.file}:${load.loadLine} imports (${load.load}${how})`,
            });
          }
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'attribute-imports',
  title: 'dotted names set on a module attribute that a loader reads by name and imports (Horizon enabled/ files)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = findLoads(ctx)[0];
    return first === undefined ? null : `${first.file}:${first.loadLine} imports ${first.attr}, read by name at line ${first.readLine}`;
  },
  collect: collectAttributeImports,
};

export default reader;
