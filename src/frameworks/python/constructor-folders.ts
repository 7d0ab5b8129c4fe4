/**
 * Stop 58: the folders a loader class is built with. variety's VarietyWindow.py:158 builds
 * `Jumble([os.path.join(os.path.dirname(__file__), "plugins", "builtin"), self.plugins_folder])`;
 * jumble/Jumble.py stores the list (`def __init__(self, folders): self.folders = folders`) and a
 * method walks it (`for folder in self.folders:` … `os.walk(folder)`, then `imp.load_module`).
 *
 * Given the attribute a listing's loop runs over (`self.folders`), this finds the top-level class
 * around the loop, its `__init__` parameter that attribute is assigned from (the only assignment to
 * `self.ATTR` in the file, a plain `self.ATTR = PARAM` in `__init__`), and each call `Class(…)` in
 * the file itself or in a file that imports the class from it by name, whose argument for that
 * parameter (by position or keyword) is a literal list or tuple: its items, each with the call's
 * file and line, for the caller to settle in the calling file. Stops: an attribute assigned twice
 * or from anything but the parameter, a class nested in a def or class, a call whose argument is
 * a name or a computed list, a class imported under a module name (`jumble.Jumble.Jumble(…)`).
 */
import type { FrameworkContext } from '../types.js';
import { listedPaths } from '../../util/file-index.js';
import { callArguments } from './call-text.js';
import { moduleFile } from './python-files.js';
import { literalItems } from './loop-folders.js';
import { lineOfOffset, lineStarts } from '../../util/lines.js';

export interface ConstructorItem {
  /** The file and line of the `Class(…)` call. */
  caller: string;
  line: number;
  item: string;
  className: string;
  param: string;
  /** The line of `self.ATTR = PARAM`. */
  stored: number;
}

/** Calls read per caller file, items per call: a hostile file costs no more. */
const MAX_CALLS = 50;
const MAX_ITEMS = 16;

/**
 * A one-line `__init__` signature. Its `(.*)\)` tries each `)` of the line against the rest, so a line is
 * read only up to MAX_DEF_LINE characters: `def __init__(` + `) -> x` repeated 20,000 times took 1.1 s.
 */
const INIT_DEF = /^\s+def\s+__init__\s*\((.*)\)\s*(?:->[^:]*)?:\s*(?:#.*)?$/;
const MAX_DEF_LINE = 2000;

/** The top-level class whose body holds `line` (1-based): its name and its lines. */
const classAround = (lines: readonly string[], line: number): { name: string; from: number; to: number } | null => {
  for (let l = line - 1; l >= 1; l--) {
    const own = lines[l - 1];
    if (own.trim() === '' || /^\s/.test(own) || own.startsWith('#')) continue;
    const head = /^class\s+([A-Za-z_]\w*)\s*[(:]/.exec(own);
    if (head === null) return null;
    let to = l + 1;
    while (to <= lines.length && (lines[to - 1].trim() === '' || /^[\s#]/.test(lines[to - 1]) || lines[to - 1].startsWith(')'))) to++;
    return { name: head[1], from: l, to: to - 1 };
  }
  return null;
};

/** `__init__`'s parameter `self.ATTR` is stored from, with its position after `self`, and the store's line. */
const storedParam = (lines: readonly string[], cls: { from: number; to: number }, attr: string): { param: string; index: number; line: number } | null => {
  const store = new RegExp(String.raw`\bself\.${attr}\s*(?::[^=]*)?(?:[-+*/|&]?=)(?!=)`);
  let found: { param: string; index: number; line: number } | null = null;
  let params: string[] | null = null;
  for (let l = 1; l <= lines.length; l++) {
    const own = lines[l - 1];
    // Any def ends the one before (a signature over lines too); only a one-line `__init__` is read.
    const head = /^\s+def\s+(\w+)\s*\(/.exec(own);
    const def = head !== null && head[1] === '__init__' && own.length <= MAX_DEF_LINE ? INIT_DEF.exec(own) : null;
    if (head !== null) params = def !== null && l > cls.from && l <= cls.to ? def[1].split(',').map((p) => p.trim().split(/[=:]/)[0].trim().replace(/^\*+/, '')) : null;
    if (!store.test(own)) continue;
    if (found !== null || params === null || l <= cls.from || l > cls.to || params[0] !== 'self') return null;
    const m = new RegExp(String.raw`^\s*self\.${attr}\s*=\s*([A-Za-z_]\w*)\s*(?:#.*)?$`).exec(own);
    const index = m === null ? -1 : params.indexOf(m[1]);
    if (m === null || index < 1) return null;
    found = { param: m[1], index: index - 1, line: l };
  }
  return found;
};

/** The folder items the calls of the class around `line` hand to the parameter `list` (`self.ATTR`) is stored from. */
export const constructorItems = (ctx: FrameworkContext, file: string, text: string, line: number, list: string): ConstructorItem[] => {
  const attr = /^self\.([A-Za-z_]\w*)$/.exec(list)?.[1];
  if (attr === undefined) return [];
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const cls = classAround(lines, line);
  if (cls === null) return [];
  const stored = storedParam(lines, cls, attr);
  if (stored === null) return [];
  const out: ConstructorItem[] = [];
  const callers: string[] = [file];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const f = listed[at];
    if (f === file || !f.endsWith('.py')) continue;
    const imports = ctx.facts(f)?.imports ?? [];
    if (imports.some((i) => i.syntax === 'from' && i.names.some((n) => n.name === cls.name && (n.alias ?? n.name) === cls.name) && moduleFile(ctx, f, i.specifier) === file)) callers.push(f);
  }
  const call = new RegExp(String.raw`(?<![\w.])${cls.name}\s*\(`, 'g');
  const keywordArg = new RegExp(String.raw`^${stored.param}\s*=(?!=)`);
  for (const caller of callers) {
    const source = caller === file ? text : ctx.manifests.transientText(caller);
    if (source === null) continue;
    const starts = lineStarts(source);
    let calls = 0;
    for (const m of source.matchAll(call)) {
      if (++calls > MAX_CALLS) break;
      const before = source.slice(source.lastIndexOf('\n', m.index) + 1, m.index);
      if (/^\s*(?:class|def)\s+$/.test(before) || before.includes('#')) continue;
      const args = callArguments(source, m.index + m[0].length - 1);
      if (args === null) continue;
      const keyword = args.find((a) => keywordArg.test(a));
      const positional = args.slice(0, stored.index + 1).every((a) => !/^[A-Za-z_]\w*\s*=(?!=)/.test(a) && !a.startsWith('*')) ? args[stored.index] : undefined;
      const arg = keyword === undefined ? positional : keyword.slice(keyword.indexOf('=') + 1);
      const items = arg === undefined ? null : literalItems(arg);
      for (const item of (items ?? []).slice(0, MAX_ITEMS)) {
        out.push({ caller, line: lineOfOffset(starts, m.index), item, className: cls.name, param: stored.param, stored: stored.line });
      }
    }
  }
  return out;
};
