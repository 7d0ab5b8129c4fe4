/**
 * Stop 46: the package part of a computed module name that a repo function returns. hplip's
 * `QApplication, ui_package = utils.import_dialog(ui_toolkit)` then `import_module(ui_package +
 * ".aligndialog")` (align.py:243-244), where base/utils.py's `import_dialog` returns
 * `(QApplication, "ui4")` in one branch and `(QApplication, "ui5")` in the other: the name loaded is
 * `ui4.aligndialog` or `ui5.aligndialog`, whichever the toolkit chosen at run time gives. Read here:
 * the head of the name (`H + ".x"`, `"%s.x" % H`, `"{}.x".format(H)`, `f"{H}.x"`) is a call of a repo
 * function, or a name assigned (alone or as one of an unpacked tuple) from one within a few lines
 * above, and every `return` of that function with a value is a dotted literal, or a tuple holding
 * one at the unpacked position. Anything else (a computed return, a generator, a nested def, a
 * method) names nothing. prefixed-imports makes the edges.
 */
import type { FrameworkContext } from '../types.js';
import type { FileFacts } from '../../model/facts.js';
import { boundModuleFile } from './folder-loaders.js';
import { importedNameOrigin } from './reexports.js';
import { callArguments, literalValue } from './call-text.js';
import { templateParts } from './loader-templates.js';
import { topLevelDefAround } from './loader-functions.js';
import { perScan } from '../per-scan.js';
import { escapeRegExp } from '../../util/regexp.js';
import { lineOfOffset, lineStarts } from '../../util/lines.js';

const NAME = /^[A-Za-z_]\w*$/;
const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
/** How far above the load (or the name's own assignment) the head's assignment may stand. */
const LOOK_BACK = 12;
/** At most this many literals are taken from one function: more is a table, not a choice. */
const MAX_RETURNS = 16;

/** `H + ".x"` and the template forms: the head expression and the literal tail (`.x`), or null. */
export const headAndTail = (expression: string): { head: string; tail: string } | null => {
  const e = expression.trim();
  const plus = /^(.+?)\s*\+\s*[rRuU]?(['"])(\.[\w.]*)\2$/.exec(e);
  if (plus !== null) return { head: plus[1].trim(), tail: plus[3] };
  // `"%s.x" % f(a)`: templateParts takes a name or a tuple after the `%`, not a call.
  const percent = /^[rRuU]?(['"])%s(\.[\w.]*)\1\s*%\s*(.+)$/.exec(e);
  if (percent !== null && wholeCall(percent[3].trim()) !== null) return { head: percent[3].trim(), tail: percent[2] };
  const parts = templateParts(e);
  if (parts === null || parts.length !== 3 || parts[0] !== '' || typeof parts[1] === 'string' || typeof parts[2] !== 'string') return null;
  return /^\.[\w.]*$/.test(parts[2]) ? { head: parts[1].expr, tail: parts[2] } : null;
};

/** `callee(args)` taking all of the text: the callee's dotted name, or null. */
const wholeCall = (text: string): string | null => {
  const m = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\(/.exec(text);
  if (m === null) return null;
  const close = { at: -1 };
  return callArguments(text, m[0].length - 1, close) !== null && close.at === text.length - 1 ? m[1] : null;
};

/** The call a name was assigned from within LOOK_BACK lines above `line` (1-based): callee, the name's place in an unpacked tuple and the tuple's size (null: a plain assignment), and the line. */
const assignedCall = (lines: readonly string[], line: number, name: string): { callee: string; position: number | null; arity: number; line: number } | null => {
  const target = new RegExp(`^\\s*((?:[A-Za-z_]\\w*\\s*,\\s*)*)${escapeRegExp(name)}\\s*((?:,\\s*[A-Za-z_]\\w*\\s*)*),?\\s*=(?!=)\\s*(.+?)\\s*(?:#.*)?$`);
  const any = new RegExp(`^\\s*(?:[\\w\\s,]*[\\s,])?${escapeRegExp(name)}\\s*(?:,[\\w\\s,]*)?=(?!=)`);
  for (let l = line - 1; l >= 1 && l >= line - LOOK_BACK; l--) {
    const text = lines[l - 1];
    if (!any.test(text)) continue;
    // The nearest assignment decides: one from anything but a call names nothing.
    const m = target.exec(text);
    if (m === null) return null;
    const callee = wholeCall(m[3]);
    if (callee === null) return null;
    const before = m[1] === '' ? 0 : m[1].split(',').length - 1;
    const after = m[2] === '' ? 0 : m[2].split(',').length - 1;
    const tuple = before + after > 0 || /,\s*=/.test(text);
    return { callee, position: tuple ? before : null, arity: before + 1 + after, line: l };
  }
  return null;
};

export interface ReturnedLiterals {
  values: string[];
  /** The function's file and its def's line. */
  file: string;
  line: number;
}

const returnsByDef = perScan((): Map<string, ReturnedLiterals | null> => new Map());

/**
 * The literals every `return` of module-level function `name` in `file` gives (at `position` of a
 * returned tuple of `arity`, or the whole value when `position` is null); null when one gives
 * anything else, the function yields or holds a nested def, or there is no such function.
 */
const literalReturns = (ctx: FrameworkContext, file: string, name: string, position: number | null, arity: number): ReturnedLiterals | null => {
  const key = `${file}\0${name}\0${position ?? ''}\0${arity}`;
  const known = returnsByDef(ctx);
  if (known.has(key)) return known.get(key)!;
  let answer: ReturnedLiterals | null = null;
  const text = ctx.readText(file);
  const def = text === null ? null : new RegExp(`^def\\s+${escapeRegExp(name)}\\s*\\(`, 'm').exec(text);
  const block = def === null || def === undefined ? null : topLevelDefAround(text!, def.index);
  if (block !== null) {
    const body = text!.slice(block.start, block.end).split('\n').slice(1);
    const values: string[] = [];
    let ok = true;
    for (const raw of body) {
      if (/^\s+(?:async\s+)?def\s|\byield\b/.test(raw)) { ok = false; break; }
      const m = /^\s+return\b\s*(.*?)\s*(?:#.*)?$/.exec(raw);
      if (m === null) continue;
      const value = m[1];
      if (value === '' || value === 'None') continue;
      const items = callArguments(`(${value})`, 0);
      // `return (a, "x")`: the parenthesized tuple is the value's one item.
      const tuple = items !== null && items.length === 1 && /^\(.*\)$/s.test(items[0]) ? callArguments(items[0], 0) : items;
      let literal: string | null = null;
      if (position === null) literal = items !== null && items.length === 1 ? literalValue(items[0]) : null;
      else if (tuple !== null && tuple.length === arity) literal = literalValue(tuple[position]);
      if (literal === null || !DOTTED.test(literal)) { ok = false; break; }
      if (!values.includes(literal)) values.push(literal);
    }
    if (ok && values.length > 0 && values.length <= MAX_RETURNS) answer = { values, file, line: lineOfOffset(lineStarts(text!), def!.index) };
  }
  known.set(key, answer);
  return answer;
};

/** The repo file defining the function a callee names from `file`: its own, a module it imports (`utils.f`), or a name it imports (`from m import f`). */
const definingFile = (ctx: FrameworkContext, file: string, facts: FileFacts, callee: string): { file: string; name: string } | null => {
  const dot = callee.lastIndexOf('.');
  if (dot > 0) {
    const holder = boundModuleFile(ctx, file, facts, callee.slice(0, dot), true);
    return holder === null ? null : { file: holder, name: callee.slice(dot + 1) };
  }
  const imported = importedNameOrigin(ctx, file, callee);
  if (imported !== null) return imported;
  // Imported from no repo module: a name it binds otherwise (stdlib, a package) is not a repo function.
  if (facts.imports.some((i) => i.syntax === 'from' && i.names.some((n) => (n.alias ?? n.name) === callee))) return null;
  return { file, name: callee };
};

export interface ReturnedHead {
  /** The dotted names the head may hold. */
  values: string[];
  /** The literal tail after it (`.aligndialog`). */
  tail: string;
  /** How the values were read, for evidence. */
  how: string;
}

/**
 * The package names a computed module name's head may hold when it comes from a repo function
 * returning literals (see the file comment), read at `line` of `file`; null otherwise.
 */
export const returnedHead = (ctx: FrameworkContext, file: string, lines: readonly string[], line: number, expression: string): ReturnedHead | null => {
  const split = headAndTail(expression);
  if (split === null) return null;
  const facts = ctx.facts(file);
  if (facts === undefined) return null;
  let call: { callee: string; position: number | null; arity: number; line: number } | null = null;
  if (NAME.test(split.head)) call = assignedCall(lines, line, split.head);
  else {
    const callee = wholeCall(split.head);
    call = callee === null ? null : { callee, position: null, arity: 1, line };
  }
  if (call === null || call.callee.startsWith('self.') || call.callee.startsWith('cls.')) return null;
  const def = definingFile(ctx, file, facts, call.callee);
  if (def === null) return null;
  const returned = literalReturns(ctx, def.file, def.name, call.position, call.arity);
  if (returned === null) return null;
  const shown = returned.values.map((v) => `"${v}"`).join(', ');
  const from = call.line === line ? `${call.callee}(…)` : `${split.head}, assigned at line ${call.line} from ${call.callee}(…)`;
  return { values: returned.values, tail: split.tail, how: `${from}, which returns only ${shown} (${returned.file}:${returned.line})` };
};

/**
 * The repo modules a returned head and its tail name, as `file`'s own import finds them (`ui5.aligndialog`:
 * ui5/aligndialog.py beside the script align.py), and the packages above each (`ui5/__init__.py`), which Python runs first.
 */
export const returnedModules = (ctx: FrameworkContext, file: string, head: ReturnedHead): { target: string; module: string; init: boolean }[] => {
  const out: { target: string; module: string; init: boolean }[] = [];
  for (const value of head.values) {
    const module = `${value}${head.tail}`;
    ctx.module(module, '', file).forEach((target, k) => out.push({ target, module, init: k > 0 }));
  }
  return out;
};
