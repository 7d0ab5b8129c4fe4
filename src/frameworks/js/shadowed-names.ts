/**
 * Whether a function that starts after a name is bound takes a parameter of that name and holds a
 * later position: there the name is the function's argument, not the binding a reader followed.
 * Stop 54: `const T = {…}; tables.map(T => Object.keys(T).forEach(…))` walks each argument, not the
 * table; `const cmd = path.join(__dirname, 'a.sh'); cmds.forEach(cmd => execFile(cmd))` runs the
 * caller's commands. Brace-less arrows are what the brace walk (function-region.ts) cannot see, and
 * the readers did not check braced callbacks either, so every `=>` (`NAME =>`, `(…, NAME, …) =>`,
 * `async` or not) and every `function` head (`function (NAME) {`, `function f(NAME) {`) is read here;
 * a method's list (`f(NAME) {`: no keyword marks it) is not. A body is its block, or an arrow's
 * expression up to its `,`, `;`, line end or the closer of a bracket opened before it, strings,
 * comments and regular expressions stepped over (codeEnd). A destructured parameter binds the names
 * of its pattern (`({ T }) =>`), not its keys (`({ T: t }) =>` binds `t`) nor a type after it; a
 * default's value (`(a = T) =>`) binds nothing, nor does a TypeScript return type (`(x): T =>`),
 * which also hides the list before it (not read: the name stays the outer binding).
 *
 * One index per text (the last one asked is held), built in one pass over its `=>` and `function`
 * without a brace walk, a body's end found only for a binding of a name asked: a file asking for
 * thousands of names costs one pass (for-in-tables' 5,000 tables test), and a file asking for one
 * name no walk (a walk per ES module joining onto its folder name was 50-110 ms more on payload).
 */
import { paramNames, splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { blankStep, quotedEnd } from '../../languages/javascript/text-skips.js';

/** A parameter binding: where its list starts, where its body starts, and (found when first asked) where it ends. */
interface Binding {
  at: number;
  start: number;
  end?: number;
}

/** How far back from a body a parameter list is read. */
const LIST_WINDOW = 400;
/** How far a braced body is matched. */
const BODY_WINDOW = 50_000;
/** How far an arrow's expression body is read. */
const EXPRESSION_WINDOW = 10_000;
/** The characters the body walk acts on: brackets, an expression's stops, and what opens a literal or a comment. */
const ACTED = /[()[\]{},;\n'"`/]/g;
const OPENERS = '([{';
/** After a `function`'s parameter list: a TypeScript return type, then the body's `{`. */
const AFTER_LIST = /^\s*(?::[^=;{}()]*)?\{/;
const WORDS = /(?<![\w$.])[A-Za-z_$][\w$]*/g;
const ARROW = /=>/g;
const BARE = /(?<![\w$.])[A-Za-z_$][\w$]*$/;
const QUOTED = /"[^"\n]*"|'[^'\n]*'/g;
const DEFAULT = /=[^,}\]]*/g;
/** A pattern's key: a name before a `:` (not TypeScript's `::`, which no pattern holds). */
const KEY = /(?<![\w$.])[A-Za-z_$][\w$]*\s*:/g;

/**
 * The names a destructuring pattern binds: its text up to its closer (a TypeScript type after it,
 * `({ a }: Opts)`, binds nothing), less its keys (`{ cmd: c }` binds `c`: review s54-rm5 #2), quoted
 * keys and defaults' values.
 */
const patternNames = (entry: string): string[] => {
  const trimmed = entry.trim();
  const pattern = balancedText(trimmed, 0, LIST_WINDOW) ?? trimmed;
  const bare = pattern.replace(QUOTED, ' ').replace(DEFAULT, '').replace(KEY, ' ');
  return Array.from(bare.matchAll(WORDS), (w) => w[0]);
};

/** The names a parameter list binds: plain names, and every name a pattern binds. */
const boundNames = (list: string): string[] => {
  const plain = paramNames(list);
  return splitArgs(list).flatMap((entry, i) => {
    const name = plain[i];
    return name !== undefined && name !== null ? [name] : patternNames(entry);
  });
};

/** The parameter list that ends right before `end` (an arrow's `=>` or a body's `{` taken off): its names and where it starts; null when none is written. */
const listBefore = (text: string, end: number): { at: number; names: string[] } | null => {
  let i = end - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (text[i] !== ')') {
    const bare = BARE.exec(text.slice(Math.max(0, i + 1 - 100), i + 1));
    if (bare === null) return null;
    const at = i + 1 - bare[0].length;
    // `(x): Tbl =>`: a return type's name, no parameter.
    let k = at - 1;
    while (k >= 0 && /\s/.test(text[k])) k--;
    return text[k] === ':' ? null : { at, names: [bare[0]] };
  }
  let depth = 0;
  for (let j = i; j >= Math.max(0, i - LIST_WINDOW); j--) {
    if (text[j] === ')') depth++;
    else if (text[j] === '(' && --depth === 0) return { at: j, names: boundNames(text.slice(j + 1, i)) };
  }
  return null;
};

let indexed: { text: string; byName: Map<string, Binding[]> } | null = null;

/** `function f(`, `function* (`, `async function (`: the list's `(` is the match's last character. */
const FUNCTION_HEAD = /(?<![\w$.])function\s*\*?\s*(?:[A-Za-z_$][\w$]*\s*)?\(/g;

/** Every arrow's and `function`'s parameters, by name, in one pass over the text. */
const bindingsOf = (text: string): Map<string, Binding[]> => {
  if (indexed !== null && indexed.text === text) return indexed.byName;
  const byName = new Map<string, Binding[]>();
  const add = (names: string[], binding: Binding): void => {
    for (const name of names) {
      const list = byName.get(name);
      if (list) list.push(binding);
      else byName.set(name, [binding]);
    }
  };
  if (text.includes('=>')) for (const m of text.matchAll(ARROW)) {
    const list = listBefore(text, m.index ?? 0);
    if (list !== null) add(list.names, { at: list.at, start: (m.index ?? 0) + 2 });
  }
  if (text.includes('function')) for (const m of text.matchAll(FUNCTION_HEAD)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const params = balancedText(text, open, LIST_WINDOW);
    if (params === null) continue;
    const head = AFTER_LIST.exec(text.slice(open + params.length, open + params.length + 200));
    if (head !== null) add(boundNames(params.slice(1, -1)), { at: open, start: open + params.length + head[0].length - 1 });
  }
  indexed = { text, byName };
  return byName;
};

/**
 * Where the code from `s` ends: a block opened at `s` at its closing `}`; an expression at its first `,`,
 * `;` or line break outside brackets it opens, or at the closer of a bracket opened before it. Strings,
 * template literals, comments and regular expressions are stepped over whole (text-skips' blankStep):
 * review s54-rm5 #1, a quote or a brace in `cmd.replace(/'/g, '')` or `/^\s*\{/.test(cmd)` ran the
 * body on over the outer name's later use. A `/` that opens the expression is a regular expression
 * (`x => /a/.test(x)`: the `>` before it is no operand). -1 when it does not end within the window.
 */
const codeEnd = (text: string, s: number, block: boolean): number => {
  const end = Math.min(text.length, s + (block ? BODY_WINDOW : EXPRESSION_WINDOW));
  let depth = 0;
  ACTED.lastIndex = s;
  for (let m = ACTED.exec(text); m !== null && m.index < end; m = ACTED.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '/' && i === s) {
      ACTED.lastIndex = quotedEnd(text, i);
      continue;
    }
    if (c === "'" || c === '"' || c === '`' || c === '/') {
      ACTED.lastIndex = Math.max(i + 1, blankStep(text, i).end);
      continue;
    }
    if (OPENERS.includes(c)) depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return block ? -1 : i;
      if (--depth === 0 && block) return i;
    } else if (depth === 0 && !block) return i;
  }
  return !block && end === text.length ? text.length : -1;
};

/** Where a binding's body ends: its block's `}` or its expression's end; -1 when census cannot tell. */
const bodyEndOf = (text: string, b: Binding): number => {
  if (b.end !== undefined) return b.end;
  let s = b.start;
  while (s < text.length && /\s/.test(text[s])) s++;
  return (b.end = codeEnd(text, s, text[s] === '{'));
};

/** Whether a function whose parameter list starts at or after `from` takes a parameter `name` and its body holds `at`. */
export const shadowedBetween = (text: string, name: string, from: number, at: number): boolean => {
  if (from >= at) return false;
  return (bindingsOf(text).get(name) ?? []).some((b) => b.at >= from && b.start <= at && bodyEndOf(text, b) > at);
};
