/**
 * Whether a package's folder, named at one line of a file, may reach that file's folder loader, as far
 * as the file itself shows (listing-package-paths' check against a folder put to another use).
 *
 * The folder's holders are the names it passes through in the file: the name the line assigns or fills
 * (`d = P.__path__[0]`, `paths[P.__path__[0]] = 1`, `paths.append(…)`), the def around the line (its
 * result), and, taken again over the file, every name a holder moves into (`for x in H:`, `x = …H…`,
 * `return …H…` moves it to the def). Every other line naming a holder uses the folder. A use inside a
 * call of the loader (its def, its class, a subclass, or a def of the file that calls one of those) is
 * the flow: the folder may reach the loader. Uses that all go elsewhere (`os.path.join(TEMPLATES, name)`,
 * `FileSystemLoader(d)`) put the folder to another use: it does not reach it. No use at all means the
 * folder leaves the file (a caller elsewhere hands it over), which census does not follow: it may.
 * neutron's api/extensions.py:625 fills `paths` in get_extensions_path(), whose result line 145 hands to
 * `ExtensionManager(…)`, the class of the listing def.
 */
import { escapeRegExp } from '../../util/regexp.js';
import { indentOf } from './python-files.js';

/** Names followed, and passes over the file: a hostile file of thousands of aliases costs no more. */
const MAX_HOLDERS = 32;
const MAX_PASSES = 4;
/** Lines before a use searched for the call it is an argument of (a call's arguments may run over lines). */
const CALL_LOOKBACK = 3;

const NAME = '[A-Za-z_][\\w.]*';
const comment = (line: string): boolean => /^\s*#/.test(line);

/** The def (name, 0-based first line) around line `at`, by indentation; null at module level. */
const defAround = (lines: readonly string[], at: number): { name: string; from: number } | null => {
  let own = indentOf(lines[at]);
  for (let k = at - 1; k >= 0 && own > 0; k--) {
    if (lines[k].trim() === '' || indentOf(lines[k]) >= own) continue;
    own = indentOf(lines[k]);
    const def = /^\s*(?:async\s+)?def\s+(\w+)/.exec(lines[k]);
    if (def !== null) return { name: def[1], from: k };
  }
  return null;
};

/** The class directly around the def at line `from`, or null. */
const classAround = (lines: readonly string[], from: number): string | null => {
  const own = indentOf(lines[from]);
  for (let k = from - 1; k >= 0; k--) {
    if (lines[k].trim() === '' || indentOf(lines[k]) >= own) continue;
    return /^\s*class\s+(\w+)/.exec(lines[k])?.[1] ?? null;
  }
  return null;
};

/** The names whose calls run the loader def at `loaderFrom`: it, its class and subclasses, and the file's defs that call one of them. */
const loaderCallees = (lines: readonly string[], loaderFrom: number): Set<string> => {
  const out = new Set<string>();
  const own = /^\s*(?:async\s+)?def\s+(\w+)/.exec(lines[loaderFrom])?.[1];
  if (own !== undefined) out.add(own);
  const cls = classAround(lines, loaderFrom);
  if (cls !== null) out.add(cls);
  for (let pass = 0; pass < MAX_PASSES && out.size < MAX_HOLDERS; pass++) {
    const called = new RegExp(`(?<![\\w])(?:${[...out].map(escapeRegExp).join('|')})\\s*\\(`);
    const sub = new RegExp(`^\\s*class\\s+(\\w+)\\s*\\([^)]*\\b(?:${[...out].map(escapeRegExp).join('|')})\\b`);
    const before = out.size;
    for (let l = 0; l < lines.length; l++) {
      if (comment(lines[l])) continue;
      const s = sub.exec(lines[l]);
      if (s !== null) out.add(s[1]);
      else if (called.test(lines[l])) {
        const def = defAround(lines, l);
        if (def !== null) out.add(def.name);
      }
    }
    if (out.size === before) break;
  }
  return out;
};

/** Where a line moves a holder's value into another name: `for x in …`, `x = …`, `return …` (to the def), or a fill of the holder itself. */
const moveOf = (lines: readonly string[], l: number, holder: RegExp): { into: string | null } | null => {
  const line = lines[l];
  const forIn = new RegExp(`^\\s*(?:async\\s+)?for\\s+(${NAME})\\s+in\\s+(.*)$`).exec(line);
  if (forIn !== null) return holder.test(forIn[2]) ? { into: forIn[1] } : null;
  const assign = new RegExp(`^\\s*(${NAME})\\s*(?::[^=]*)?=(?!=)(.*)$`).exec(line);
  if (assign !== null) {
    if (holder.test(assign[2])) return { into: assign[1] };
    // `paths = {}`: the holder bound afresh, not used.
    return holder.test(assign[1]) ? { into: null } : null;
  }
  if (/^\s*return\b/.test(line)) return { into: defAround(lines, l)?.name ?? null };
  // `H[key] = value`, `H.append(x)`: the holder is filled, not used.
  const fill = new RegExp(`^\\s*(${NAME})\\s*(?:\\[.*\\]\\s*=(?!=)|\\.\\s*(?:append|add|insert|extend)\\s*\\()`).exec(line);
  if (fill !== null && holder.test(fill[1])) return { into: null };
  return null;
};

/** Whether the holder on line `l` stands inside the parentheses of a callee's call that opens on it or a few lines before. */
const insideCall = (lines: readonly string[], l: number, holder: RegExp, callee: RegExp): boolean => {
  const from = Math.max(0, l - CALL_LOOKBACK);
  const text = lines.slice(from, l + 1).join('\n');
  const lineAt = text.length - lines[l].length;
  const at = lineAt + (new RegExp(holder.source).exec(lines[l])?.index ?? 0);
  for (const m of text.matchAll(new RegExp(callee.source, 'g'))) {
    if (m.index >= at) break;
    // Still open at the holder: the call's own parenthesis never closed before it.
    let depth = 0;
    let open = true;
    for (let i = m.index + m[0].length - 1; i < at && open; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') open = --depth > 0;
    }
    if (open) return true;
  }
  return false;
};

export const folderMayReachLoader = (lines: readonly string[], at: number, loaderFrom: number): boolean => {
  const holders = new Set<string>();
  const line = lines[at];
  const assigned = new RegExp(`^\\s*(${NAME})\\s*(?:=(?!=)|\\[)`).exec(line)?.[1];
  if (assigned !== undefined) holders.add(assigned);
  const filled = new RegExp(`(${NAME})\\s*\\.\\s*(?:append|add|insert)\\s*\\(`).exec(line)?.[1];
  if (filled !== undefined) holders.add(filled);
  const def = defAround(lines, at);
  if (def !== null) holders.add(def.name);
  if (holders.size === 0) return true;
  const wordOf = (names: Set<string>) => new RegExp(`(?<![\\w.])(?:${[...names].map(escapeRegExp).join('|')})(?!\\w)`);
  // The holders, taken again over the file until no new name takes the folder.
  for (let pass = 0; pass < MAX_PASSES && holders.size < MAX_HOLDERS; pass++) {
    const holder = wordOf(holders);
    const before = holders.size;
    for (let l = 0; l < lines.length; l++) {
      if (l === at || comment(lines[l]) || !holder.test(lines[l])) continue;
      const into = moveOf(lines, l, holder)?.into;
      if (into !== null && into !== undefined && holders.size < MAX_HOLDERS) holders.add(into);
    }
    if (holders.size === before) break;
  }
  const holder = wordOf(holders);
  const callee = new RegExp(`(?<![\\w])(?:${[...loaderCallees(lines, loaderFrom)].map(escapeRegExp).join('|')})\\s*\\(`);
  let used = false;
  for (let l = 0; l < lines.length; l++) {
    if (l === at || comment(lines[l]) || !holder.test(lines[l]) || /^\s*(?:async\s+)?def\s/.test(lines[l])) continue;
    if (insideCall(lines, l, holder, callee)) return true;
    // A move into another name (`x = Loader(H)` too) is followed through that name, not a use of its own.
    if (moveOf(lines, l, holder) === null) used = true;
  }
  return !used;
};
