/**
 * Literal lists a JS/TS text iterates, read from the text, never run: an array literal of strings
 * (`["away", "connection"]`, written there or held by the file's one `var`/`let`/`const` of that
 * name) whose elements a callback of `.forEach`/`.map`/`.flatMap`/`.reduce` (the second parameter
 * for `reduce`), or the variable of a `for (const x of …)` loop, takes one by one. Shared by the
 * readers that follow such a list into a load: array-requires (`require("./x/" + name)` in the
 * callback) and parameter-requires (`[…].map((id) => idToPlugin(id))`, `.map(idToPlugin)`, where
 * the helper requires its parameter). A list with any element that is not a string literal is not
 * a list census can read: the names would be a guess.
 */
import { splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText, IDENTIFIER, IDENTIFIER_SOURCE as NAME } from '../../languages/javascript/js-text.js';
import { escapeRegExp } from '../../util/regexp.js';
import { callArgsText, literalValue } from './parameter-values.js';

/** How far a literal list is followed, either way from its bracket. */
const LIST_WINDOW = 20_000;

/** A name at the end of the text: the receiver right before `.forEach(`. */
const TRAILING_NAME = new RegExp(String.raw`(?<![\w$.])(${NAME})$`);
/** A callback that iterates an array: `.forEach((a) =>`, `.reduce(function (acc, a) {`, `.map(a =>`. */
const LOOP = new RegExp(String.raw`\.\s*(forEach|map|flatMap|reduce)\s*\(\s*(?:async\s+)?(?:function\s*(?:${NAME})?\s*\(([^()]*)\)|\(([^()]*)\)\s*=>|(${NAME})\s*=>)`, 'g');
/** `for (const x of ` / `for (let x of ` / `for (var x of `. */
const FOR_OF = new RegExp(String.raw`\bfor\s*\(\s*(?:const|let|var)\s+(${NAME})\s+of\s+`, 'g');

/** Whether a text may iterate a list at all: the cheap test before any list is read. */
export const MAY_ITERATE = /\.\s*(?:forEach|map|flatMap|reduce)\s*\(|\bfor\s*\(\s*(?:const|let|var)\s+[A-Za-z_$][\w$]*\s+of\s/;

/** A literal list: its strings and where its `[` is. */
export interface LiteralList {
  names: string[];
  at: number;
}

/** The matching `[` of the `]` at `close`, walking back over strings; -1 when none within the window. */
const openBracket = (text: string, close: number): number => {
  let depth = 0;
  let quote: string | null = null;
  for (let i = close; i >= 0 && i > close - LIST_WINDOW; i--) {
    const c = text[i];
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === ']') depth++;
    else if (c === '[' && --depth === 0) return i;
  }
  return -1;
};

/** The strings of an array literal's inside, or null when an element is anything else. Comments between elements are dropped. */
const stringElements = (inside: string): string[] | null => {
  const parts = splitArgs(inside.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ''))
    .map((p) => p.trim())
    .filter((p, i, all) => p !== '' || i < all.length - 1);
  if (parts.length === 0) return null;
  const out: string[] = [];
  for (const p of parts) {
    const v = literalValue(p);
    if (v === null || v.includes('`')) return null;
    out.push(v);
  }
  return out;
};

/** The literal list the file's one `var`/`let`/`const` of that name holds, or null. */
const declaredList = (text: string, ident: string): LiteralList | null => {
  const decls = [...text.matchAll(new RegExp(String.raw`\b(?:var|let|const)\s+${escapeRegExp(ident)}\s*=\s*\[`, 'g'))];
  // Two declarations of the name (in different functions) would each be a different list.
  if (decls.length !== 1) return null;
  const open = (decls[0].index ?? 0) + decls[0][0].length - 1;
  // The list through its matching `]`, over strings; a long list is read up to 20,000 characters.
  const list = balancedText(text, open, LIST_WINDOW);
  if (list === null) return null;
  const close = open + list.length - 1;
  // `var inputs = [...].reduce(…)` holds what the call returns, not the list.
  if (/^\s*\.\s*[A-Za-z_$]/.test(text.slice(close + 1, close + 40))) return null;
  const names = stringElements(text.slice(open + 1, close));
  return names === null ? null : { names, at: open };
};

/** The array a loop iterates: the literal right before `.forEach(` or the literal a `var`/`let`/`const` of that name holds. */
const arrayBefore = (text: string, dot: number): LiteralList | null => {
  const before = text.slice(Math.max(0, dot - 200), dot).trimEnd();
  const end = dot - (text.slice(Math.max(0, dot - 200), dot).length - before.length);
  if (before.endsWith(']')) {
    const open = openBracket(text, end - 1);
    if (open < 0) return null;
    const names = stringElements(text.slice(open + 1, end - 1));
    return names === null ? null : { names, at: open };
  }
  const ident = TRAILING_NAME.exec(before)?.[1];
  return ident === undefined ? null : declaredList(text, ident);
};

/** An array-iterating callback or `for…of` loop: where it starts, its extent and its element variable. */
export interface Loop {
  /** The `.` before `forEach(` (the receiver is right before it), or the `for` of a `for…of`. */
  dot: number;
  /** The `(` of the call (of the `for`); the loop's text runs from here to `end`. */
  open: number;
  end: number;
  param: string | undefined;
  /** For a `for…of`: what it iterates, as written, and where (callbacks find their list with arrayBefore). */
  iterated?: { expr: string; at: number };
}

/** Every array-iterating callback of the text with the extent of its call and its element parameter. */
const loopsIn = (text: string): Loop[] => {
  const out: Loop[] = [];
  for (const m of text.matchAll(LOOP)) {
    const dot = m.index ?? 0;
    const open = text.indexOf('(', dot);
    const args = callArgsText(text, open);
    if (args === null) continue;
    const params = m[4] !== undefined ? [m[4]] : splitArgs(m[2] ?? m[3] ?? '').map((p) => p.trim());
    const param = params[m[1] === 'reduce' ? 1 : 0];
    out.push({ dot, open, end: open + args.length + 1, param: param !== undefined && IDENTIFIER.test(param) ? param : undefined });
  }
  return out;
};

/**
 * Every `for (const x of LIST) …` of the text whose LIST is written as an array literal or a name
 * (listOf reads the list when asked): the loop's extent is its header and its body (a block,
 * else the one statement up to the line's end).
 */
const forOfLoopsIn = (text: string): Loop[] => {
  const out: Loop[] = [];
  for (const m of text.matchAll(FOR_OF)) {
    const dot = m.index ?? 0;
    const open = text.indexOf('(', dot);
    const header = callArgsText(text, open);
    if (header === null) continue;
    const offset = m[0].length - (open - dot) - 1;
    const expr = header.slice(offset).trim();
    if (!(expr.startsWith('[') && expr.endsWith(']')) && !IDENTIFIER.test(expr)) continue;
    const afterHeader = open + header.length + 2;
    const bodyStart = afterHeader + (text.slice(afterHeader).length - text.slice(afterHeader).trimStart().length);
    let end: number;
    if (text[bodyStart] === '{') {
      const body = balancedText(text, bodyStart);
      if (body === null) continue;
      end = bodyStart + body.length;
    } else {
      const newline = text.indexOf('\n', bodyStart);
      end = newline < 0 ? text.length : newline;
    }
    out.push({ dot, open, end, param: m[1], iterated: { expr, at: open + 1 + offset + (header.slice(offset).length - header.slice(offset).trimStart().length) } });
  }
  return out;
};

/** The loops of a text, read once per text (a reader asks for several positions of one file in a row). */
let read: { text: string; loops: Loop[] } | null = null;

const allLoops = (text: string): Loop[] => {
  if (read === null || read.text !== text) read = { text, loops: [...loopsIn(text), ...forOfLoopsIn(text)] };
  return read.loops;
};

/** The innermost callback or `for…of` loop around a position (of those `only` accepts, when given), or undefined. */
export const innermostLoopAt = (text: string, at: number, only?: (l: Loop) => boolean): Loop | undefined => {
  // The text's loops, once read, answer; the whole-text test only for a text not read yet.
  if ((read === null || read.text !== text) && !MAY_ITERATE.test(text)) return undefined;
  let loop: Loop | undefined;
  for (const l of allLoops(text)) if (l.open < at && l.end > at && (loop === undefined || l.open > loop.open) && (only === undefined || only(l))) loop = l;
  return loop;
};

/** The literal list a loop iterates, or null. */
export const listOf = (text: string, loop: Loop): LiteralList | null => {
  if (loop.iterated === undefined) return arrayBefore(text, loop.dot);
  const { expr, at } = loop.iterated;
  if (!expr.startsWith('[')) return declaredList(text, expr);
  const names = stringElements(expr.slice(1, -1));
  return names === null ? null : { names, at };
};

/**
 * The literal list whose elements the name holds at a position: the innermost loop around the
 * position is a callback or `for…of` whose element variable is that name, over a literal list of
 * strings. Null otherwise (another loop variable, a list census cannot read, no loop).
 */
export const listElementAt = (text: string, at: number, name: string): LiteralList | null => {
  const loop = innermostLoopAt(text, at);
  return loop === undefined || loop.param !== name ? null : listOf(text, loop);
};

/**
 * The literal list whose elements the name holds at a position, through loops over other names:
 * the innermost callback or `for…of` around the position whose element variable is that name (a
 * loop nested in it over another name does not rebind it: Keystone's `['Column', 'Field'].forEach(
 * function (i) { types.forEach(function (type) { … i … }) })`). Null when no loop around it binds
 * the name, or the one that does iterates a list census cannot read.
 */
export const listBoundAt = (text: string, at: number, name: string): LiteralList | null => {
  const loop = innermostLoopAt(text, at, (l) => l.param === name);
  return loop === undefined ? null : listOf(text, loop);
};

/**
 * Every literal list the text hands, element by element, to a function given by name:
 * `[…].map(fn)`, `LIST.forEach(fn)`, `.flatMap(fn)`. The function takes each element as its
 * first parameter; `where` is the position of the `.` of that call.
 */
export const listsPassedTo = (text: string, fn: string, passed?: PassedNames): { list: LiteralList; where: number }[] => {
  const out: { list: LiteralList; where: number }[] = [];
  const found = passed?.of(fn) ?? [...text.matchAll(new RegExp(String.raw`\.\s*(?:forEach|map|flatMap)\s*\(\s*${escapeRegExp(fn)}\s*\)`, 'g'))].map((m) => m.index ?? 0);
  for (const where of found) {
    const list = arrayBefore(text, where);
    if (list !== null) out.push({ list, where });
  }
  return out;
};

/** `.forEach(name)`, `.map(name)`, `.flatMap(name)` of any name: where listsPassedTo's pattern for that name matches. */
const PASSED = /\.\s*(?:forEach|map|flatMap)\s*\(\s*([A-Za-z_$][\w$]*)\s*\)/g;

/** Where each name is handed to a loop in one text, found in one pass: listsPassedTo for many names of a file reads it once. */
export class PassedNames {
  private byName?: Map<string, number[]>;
  constructor(private readonly text: string) {}
  of(fn: string): readonly number[] {
    if (this.byName === undefined) {
      this.byName = new Map();
      for (const m of this.text.matchAll(PASSED)) {
        const list = this.byName.get(m[1]);
        if (list === undefined) this.byName.set(m[1], [m.index ?? 0]);
        else list.push(m.index ?? 0);
      }
    }
    return this.byName.get(fn) ?? [];
  }
}
