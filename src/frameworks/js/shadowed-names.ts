/**
 * Whether a function that starts after a name is bound takes a parameter of that name and holds a
 * later position: there the name is the function's argument, not the binding a reader followed.
 * Stop 54: `const T = {…}; tables.map(T => Object.keys(T).forEach(…))` walks each argument, not the
 * table; `const cmd = path.join(__dirname, 'a.sh'); cmds.forEach(cmd => execFile(cmd))` runs the
 * caller's commands. Brace-less arrows are what the brace walk (function-region.ts) cannot see, and
 * the readers did not check braced callbacks either, so every `=>` (`NAME =>`, `(…, NAME, …) =>`,
 * `async` or not) and every `function` head (`function (NAME) {`, `function f(NAME) {`) is read here;
 * a method's list (`f(NAME) {`: no keyword marks it) is not. A body is its block (braces matched with
 * quotes skipped), or an arrow's expression up to its `,`, `;`, line end or the closer of a bracket
 * opened before it (folder-expr.ts expressionEnd). A destructured parameter binds every name in its
 * pattern (`({ T }) =>`); a default's value (`(a = T) =>`) binds nothing, nor does a TypeScript
 * return type (`(x): T =>`), which also hides the list before it (not read: the name stays the outer
 * binding).
 *
 * One index per text (the last one asked is held), built in one pass over its `=>` and `function`
 * without a brace walk, a body's end found only for a binding of a name asked: a file asking for
 * thousands of names costs one pass (for-in-tables' 5,000 tables test), and a file asking for one
 * name no walk (a walk per ES module joining onto its folder name was 50-110 ms more on payload).
 */
import { expressionEnd, paramNames, splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';

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
/** After a `function`'s parameter list: a TypeScript return type, then the body's `{`. */
const AFTER_LIST = /^\s*(?::[^=;{}()]*)?\{/;
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

/** Where a binding's body ends: its block's `}` (the brace walk's, else matched with quotes skipped), or an arrow's expression's end; -1 when census cannot tell. */
const bodyEndOf = (text: string, b: Binding): number => {
  if (b.end !== undefined) return b.end;
  let s = b.start;
  while (s < text.length && /\s/.test(text[s])) s++;
  if (text[s] !== '{') return (b.end = expressionEnd(text, s));
  const block = balancedText(text, s, BODY_WINDOW);
  return (b.end = block === null ? -1 : s + block.length - 1);
};

/** Whether a function whose parameter list starts at or after `from` takes a parameter `name` and its body holds `at`. */
export const shadowedBetween = (text: string, name: string, from: number, at: number): boolean => {
  if (from >= at) return false;
  return (bindingsOf(text).get(name) ?? []).some((b) => b.at >= from && b.start <= at && bodyEndOf(text, b) > at);
};
