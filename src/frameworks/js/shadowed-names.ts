/**
 * Whether a function that starts after a name is bound takes a parameter of that name and holds a
 * later position: there the name is the function's argument, not the binding a reader followed.
 * Stop 54: `const T = {…}; tables.map(T => Object.keys(T).forEach(…))` walks each argument, not the
 * table; `const cmd = path.join(__dirname, 'a.sh'); cmds.forEach(cmd => execFile(cmd))` runs the
 * caller's commands. Brace-less arrows are what the brace walk (function-region.ts) cannot see, so
 * both are read here: every braced function body the walk found, with the parameter list written
 * before its `{` (`function f(NAME) {`, a method `f(NAME) {`, `(NAME) => {`, `NAME => {`), and every
 * `=>` whose body is an expression, up to its `,`, `;`, line end or the closer of a bracket opened
 * before it (folder-expr.ts expressionEnd). A destructured parameter binds every name in its pattern
 * (`({ T }) =>`); a default's value (`(a = T) =>`) binds nothing, nor does a TypeScript return type
 * (`(x): T =>`), which also hides the list before it (not read: the name stays the outer binding).
 *
 * One index per text (the last one asked is held), built in one pass over its `=>` and the brace
 * walk's functions, so a file asking for thousands of names costs one pass (for-in-tables' 5,000
 * tables test).
 */
import { expressionEnd, paramNames, splitArgs } from '../../languages/javascript/folder-expr.js';
import { functionBraces } from './function-region.js';

/** A parameter binding: where its list starts, and the body it holds for. */
interface Binding {
  at: number;
  start: number;
  end: number;
}

/** How far back from a body a parameter list is read. */
const LIST_WINDOW = 400;
const WORDS = /(?<![\w$.])[A-Za-z_$][\w$]*/g;
const ARROW = /=>/g;
const BARE = /(?<![\w$.])[A-Za-z_$][\w$]*$/;

/** The names a parameter list binds: plain names, and every name of a pattern without its defaults' values. */
const boundNames = (list: string): string[] => {
  const plain = paramNames(list);
  return splitArgs(list).flatMap((entry, i) => {
    const name = plain[i];
    if (name !== undefined && name !== null) return [name];
    return Array.from(entry.replace(/=[^,}\]]*/g, '').matchAll(WORDS), (w) => w[0]);
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
  for (const f of functionBraces(text)) {
    if (f.close < 0) continue;
    let end = f.at;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    const arrow = text.slice(end - 2, end) === '=>';
    if (arrow) end -= 2;
    // A lone name is a list only before `=>` (`(a): T {` ends in its return type's name).
    if (!arrow && text[end - 1] !== ')') continue;
    const list = listBefore(text, end);
    if (list !== null) add(list.names, { at: list.at, start: f.at, end: f.close });
  }
  for (const m of text.matchAll(ARROW)) {
    const after = (m.index ?? 0) + 2;
    let start = after;
    while (start < text.length && /\s/.test(text[start])) start++;
    // A braced body is the walk's, above.
    if (text[start] === '{') continue;
    const list = listBefore(text, m.index ?? 0);
    if (list === null) continue;
    const end = expressionEnd(text, start);
    if (end > start) add(list.names, { at: list.at, start, end });
  }
  indexed = { text, byName };
  return byName;
};

/** Whether a function whose parameter list starts at or after `from` takes a parameter `name` and its body holds `at`. */
export const shadowedBetween = (text: string, name: string, from: number, at: number): boolean => {
  if (from >= at) return false;
  return (bindingsOf(text).get(name) ?? []).some((b) => b.at >= from && b.start <= at && b.end > at);
};
