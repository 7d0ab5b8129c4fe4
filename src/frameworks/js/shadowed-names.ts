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
 * which also hides the list before it (not read: the name stays the outer binding); nor a union's,
 * intersection's or `typeof`'s last name (`(x): A | T =>`, stop 55).
 *
 * One index per text (the last one asked is held): its `=>` and `function` heads found in native
 * regex passes, no brace walk; a name's lists read only where the name's text is within reach, until
 * FEW_NAMES names are asked, then every list at once (for-in-tables' 5,000 tables test); a body's
 * end found only for a binding of a name asked. An ES module joining onto its folder name reads a
 * few lists (reading every one was ~18 ms of payload's anchored-paths: review s54-rm5).
 */
import { paramNames, splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { codeEnd } from '../../languages/javascript/code-end.js';
import { escapeRegExp } from '../../util/regexp.js';

/** A parameter binding: where its list starts, where its body starts, and (found when first asked) where it ends. */
interface Binding {
  at: number;
  start: number;
  end?: number;
}

/** How far back from a body a parameter list is read. */
const LIST_WINDOW = 400;
/** After a `function`'s parameter list: a TypeScript return type, then the body's `{`. */
const AFTER_LIST = /^\s*(?::[^=;{}()]*)?\{/;
const WORDS = /(?<![\w$.])[A-Za-z_$][\w$]*/g;
const ARROW = /=>/g;
const BARE = /(?<![\w$.])[A-Za-z_$][\w$]*$/;
/** A type operator right before a bare name: what follows is a type, not an arrow's parameter. */
const TYPE_OPERATOR = /(?<![\w$.])(?:typeof|keyof)$/;
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
    // `(x): Tbl =>`, `(x): A | Tbl =>`, `(x): typeof Tbl =>`: a return type's name, no parameter
    // (JavaScript has no arrow whose bare parameter follows `|`, `&` or such a keyword).
    let k = at - 1;
    while (k >= 0 && /\s/.test(text[k])) k--;
    return ':|&'.includes(text[k]) || TYPE_OPERATOR.test(text.slice(Math.max(0, k - 7), k + 1)) ? null : { at, names: [bare[0]] };
  }
  let depth = 0;
  for (let j = i; j >= Math.max(0, i - LIST_WINDOW); j--) {
    if (text[j] === ')') depth++;
    else if (text[j] === '(' && --depth === 0) return { at: j, names: boundNames(text.slice(j + 1, i)) };
  }
  return null;
};

/** `function f(`, `function* (`, `async function (`: the list's `(` is the match's last character. */
const FUNCTION_HEAD = /(?<![\w$.])function\s*\*?\s*(?:[A-Za-z_$][\w$]*\s*)?\(/g;
/** Names asked of one text before every list of it is read at once (for-in-tables asks one per table). */
const FEW_NAMES = 8;

/** A text's `=>` and `function` lists' `(` (found in native regex passes), and the bindings read so far. */
interface TextIndex {
  text: string;
  arrows: number[];
  heads: number[];
  byName: Map<string, Binding[]>;
  /** Every list read (all names in byName). */
  full: boolean;
}

let indexed: TextIndex | null = null;

/** The binding a `=>` at `arrow` makes, with its names; null when no list is written before it. */
const arrowBinding = (text: string, arrow: number): { names: string[]; binding: Binding } | null => {
  const list = listBefore(text, arrow);
  return list === null ? null : { names: list.names, binding: { at: list.at, start: arrow + 2 } };
};

/** The binding a `function` head whose list opens at `open` makes, with its names; null when no body follows. */
const headBinding = (text: string, open: number): { names: string[]; binding: Binding } | null => {
  const params = balancedText(text, open, LIST_WINDOW);
  if (params === null) return null;
  const head = AFTER_LIST.exec(text.slice(open + params.length, open + params.length + 200));
  return head === null ? null : { names: boundNames(params.slice(1, -1)), binding: { at: open, start: open + params.length + head[0].length - 1 } };
};

const indexOf = (text: string): TextIndex => {
  if (indexed !== null && indexed.text === text) return indexed;
  const arrows = text.includes('=>') ? Array.from(text.matchAll(ARROW), (m) => m.index ?? 0) : [];
  const heads = text.includes('function') ? Array.from(text.matchAll(FUNCTION_HEAD), (m) => (m.index ?? 0) + m[0].length - 1) : [];
  indexed = { text, arrows, heads, byName: new Map(), full: false };
  return indexed;
};

/** Every list of the text read, by name: one pass, whatever the number of names asked. */
const readAll = (index: TextIndex): void => {
  const byName = new Map<string, Binding[]>();
  for (const found of [...index.arrows.map((a) => arrowBinding(index.text, a)), ...index.heads.map((h) => headBinding(index.text, h))]) {
    if (found === null) continue;
    for (const name of found.names) {
      const list = byName.get(name);
      if (list) list.push(found.binding);
      else byName.set(name, [found.binding]);
    }
  }
  index.byName = byName;
  index.full = true;
};

/**
 * The bindings of one name: only the lists with the name's text within their reach are read (a list's
 * names are text of its own), found by a walk of the name's occurrences beside the sorted lists: an ES
 * module asking for its folder name reads a few lists, not the hundreds of a TypeScript file's arrows
 * (review s54-rm5: payload's anchored-paths). The same bindings as reading every list.
 */
const readName = (index: TextIndex, name: string): Binding[] => {
  const { text } = index;
  const out: Binding[] = [];
  // The name as a word: a list's names are words of its text.
  const word = new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, 'g');
  const search = (from: number): number => {
    word.lastIndex = Math.max(0, from);
    return word.exec(text)?.index ?? -1;
  };
  const collect = (positions: number[], reach: (p: number) => [number, number], bind: (p: number) => { names: string[]; binding: Binding } | null): void => {
    let next = search(0);
    for (const p of positions) {
      if (next < 0) return;
      const [from, to] = reach(p);
      if (next < from) next = search(from);
      if (next < 0 || next >= to) continue;
      const found = bind(p);
      if (found !== null && found.names.includes(name)) out.push(found.binding);
    }
  };
  // listBefore reads back from the last character before the `=>` that is no space: a list within LIST_WINDOW of it, a bare name within 100.
  const lastBefore = (a: number): number => {
    let i = a - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    return i;
  };
  collect(index.arrows, (a) => [lastBefore(a) - LIST_WINDOW - 1, a], (a) => arrowBinding(text, a));
  collect(index.heads, (h) => [h, h + LIST_WINDOW + 1], (h) => headBinding(text, h));
  return out;
};

/** The parameter bindings of `name` in `text`. */
const bindingsOf = (text: string, name: string): Binding[] => {
  const index = indexOf(text);
  if (!index.full && !index.byName.has(name)) {
    if (index.byName.size >= FEW_NAMES) readAll(index);
    else index.byName.set(name, readName(index, name));
  }
  return index.byName.get(name) ?? [];
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
  return bindingsOf(text, name).some((b) => b.at >= from && b.start <= at && bodyEndOf(text, b) > at);
};
