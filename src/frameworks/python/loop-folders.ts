/**
 * Stop 56: the path expressions a folder listing's loop variable takes, when a plugin loader lists
 * each folder of a list: mailnag's common/plugins.py `for path in PLUGIN_PATHS:` … `os.listdir(path)`
 * with `PLUGIN_PATHS = [ PLUGIN_LIB_PATH, PLUGIN_USER_PATH ]` at module level; limnoria's
 * supybot/plugin.py `pluginDirs = conf.supybot.directories.plugins()[:]`,
 * `pluginDirs.append(_pluginsDir)`, `for dir in pluginDirs:` … `os.listdir(dir)`.
 *
 * Read from the text: the nearest `for NAME in …:` above the listing and indented less than it,
 * within one def (a def header indented less than the listing, met before the loop, ends the
 * search), whose iterable is a literal list or tuple of expressions, or a name whose last plain
 * assignment above the loop is one (a computed one, a user's setting, adds nothing) plus what the
 * lines between add with `.append(x)`, `.insert(i, x)`, `.extend([…])` or `+= […]`. The name must
 * not be assigned again between the loop and the listing. Each item is an expression the caller
 * settles or drops on its own: a folder a user configures settles to nothing and lists nothing.
 */
import { callArguments } from './call-text.js';
import { indentOf } from './python-files.js';

/** Lines read above a listing for its loop; above a loop for its list's assignment (a module constant may be far up). */
const LOOP_LOOK_BACK = 40;
const LIST_LOOK_BACK = 400;
/** Items read from one list. */
const MAX_ITEMS = 16;

export interface LoopFolders {
  /** The loop's line (1-based). */
  line: number;
  /** The iterated list's name, when the loop runs over a name. */
  list?: string;
  /** The item expressions. */
  items: string[];
}

const lineText = (text: string, starts: readonly number[], line: number): string => text.slice(starts[line - 1], (starts[line] ?? text.length + 1) - 1).replace(/\r$/, '');

/** The items of a literal list or tuple written in full (`[a, b]`, `(a,)`); null for anything else. */
export const literalItems = (expr: string): string[] | null => {
  const e = expr.trim();
  if (!((e.startsWith('[') && e.endsWith(']')) || (e.startsWith('(') && e.endsWith(')')))) return null;
  const parts = callArguments(`(${e.slice(1, -1)})`, 0);
  return parts === null ? null : parts.map((p) => p.trim()).filter((p) => p !== '');
};

const escape = (name: string): string => name.replace(/[.]/g, '\\.');

/**
 * A line's rest before its comment, spaces trimmed: what `(.*?)\s*(?:#.*)?$` took, cut by hand (that
 * pattern backtracks quadratically over a long run of spaces: 5 s on a 40 000-space line).
 */
export const beforeComment = (rest: string): string => {
  const hash = rest.indexOf('#');
  return (hash < 0 ? rest : rest.slice(0, hash)).trimEnd();
};

/** After a colon: spaces, then a comment or the end (sticky; each test reads only the spaces after its colon). */
const COLON_TAIL = /\s*(?:#|$)/y;

/** A loop header's iterable: the rest up to the first colon that ends the line (`(.*?)\s*:\s*(?:#.*)?$`, linear); null when none does. */
export const beforeHeaderColon = (rest: string): string | null => {
  for (let i = rest.indexOf(':'); i >= 0; i = rest.indexOf(':', i + 1)) {
    COLON_TAIL.lastIndex = i + 1;
    if (COLON_TAIL.test(rest)) return rest.slice(0, i).trimEnd();
  }
  return null;
};

/** What `list` holds at `line`: its last plain assignment above (a literal's items) and what is added to it since. */
const listItemsAbove = (text: string, starts: readonly number[], line: number, list: string): string[] => {
  const assign = new RegExp(`^[ \\t]*${escape(list)}\\s*=(?!=)\\s*`);
  const append = new RegExp(`^[ \\t]*${escape(list)}\\s*\\.\\s*(append|insert|extend)\\s*\\(`);
  const plusEquals = new RegExp(`^[ \\t]*${escape(list)}\\s*\\+=\\s*`);
  const added: string[] = [];
  for (let l = line - 1; l >= 1 && l >= line - LIST_LOOK_BACK; l--) {
    const own = lineText(text, starts, l);
    const a = assign.exec(own);
    if (a !== null) return [...(literalItems(beforeComment(own.slice(a[0].length))) ?? []), ...added.reverse()].slice(0, MAX_ITEMS);
    const m = append.exec(own);
    if (m !== null) {
      const args = callArguments(own, m.index + m[0].length - 1);
      if (args === null) continue;
      if (m[1] === 'append' && args.length === 1) added.push(args[0].trim());
      else if (m[1] === 'insert' && args.length === 2) added.push(args[1].trim());
      else if (m[1] === 'extend' && args.length === 1) added.push(...(literalItems(args[0]) ?? []).reverse());
      continue;
    }
    const p = plusEquals.exec(own);
    if (p !== null) added.push(...(literalItems(beforeComment(own.slice(p[0].length))) ?? []).reverse());
  }
  // No assignment seen: a parameter or a global from elsewhere, whose items are not known.
  return [];
};

/** The loop binding `name` around the listing on `line` (1-based), or null. */
export const loopFolders = (text: string, starts: readonly number[], line: number, name: string): LoopFolders | null => {
  if (!/^[A-Za-z_]\w*$/.test(name)) return null;
  const indent = indentOf(lineText(text, starts, line));
  const reassigned = new RegExp(`^[ \\t]*${name}\\s*(?::[^=]*)?=(?!=)`);
  const header = new RegExp(`^[ \\t]*(?:async\\s+)?for\\s+${name}\\s+in\\s+`);
  for (let l = line - 1; l >= 1 && l >= line - LOOP_LOOK_BACK; l--) {
    const own = lineText(text, starts, l);
    if (own.trim() === '' || own.trimStart().startsWith('#')) continue;
    const at = indentOf(own);
    if (at >= indent) {
      if (reassigned.test(own)) return null;
      continue;
    }
    const head = header.exec(own);
    const iterable = head === null ? null : beforeHeaderColon(own.slice(head[0].length));
    if (iterable !== null) {
      const literal = literalItems(iterable);
      if (literal !== null) return { line: l, items: literal.slice(0, MAX_ITEMS) };
      if (!/^[A-Za-z_][\w.]*$/.test(iterable)) return null;
      return { line: l, list: iterable, items: listItemsAbove(text, starts, l, iterable) };
    }
    if (/^[ \t]*(?:async\s+)?(?:def|class)\s/.test(own)) return null;
    if (reassigned.test(own)) return null;
  }
  return null;
};

/**
 * Whether the file finds names in `folders` by a path finder (`imp.find_module(name, folders)`,
 * `PathFinder.find_spec(name, folders)`): that finds a package folder as well as a module file, so
 * a listing of those folders loads the packages in them too.
 */
export const findsIn = (text: string, folders: string): boolean =>
  new RegExp(String.raw`\bfind_(?:module|spec)\s*\(\s*[\w.]+\s*,\s*(?:path\s*=\s*)?${escape(folders)}\s*[,)]`).test(text);
