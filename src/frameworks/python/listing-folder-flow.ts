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
/** Uses of one folder looked at: past them a folder counts as put to another use unless one of them reached the loader. */
const MAX_USES = 256;

const NAME = '[A-Za-z_][\\w.]*';
const DEF = /^\s*(?:async\s+)?def\s+(\w+)/;
const comment = (line: string): boolean => /^\s*#/.test(line);
const alternation = (names: Iterable<string>): string => [...names].map(escapeRegExp).join('|');

/**
 * The def around each line (its 0-based first line, or -1 at module level), by indentation as
 * python-files' defSpan reads it, in one pass: a stack of the headers still open.
 */
const defsAround = (lines: readonly string[]): Int32Array => {
  const out = new Int32Array(lines.length).fill(-1);
  const open: { indent: number; def: number }[] = [];
  for (let l = 0; l < lines.length; l++) {
    if (lines[l].trim() === '') continue;
    const indent = indentOf(lines[l]);
    while (open.length > 0 && open[open.length - 1].indent >= indent) open.pop();
    const around = open.length > 0 ? open[open.length - 1].def : -1;
    out[l] = around;
    open.push({ indent, def: DEF.test(lines[l]) ? l : around });
  }
  return out;
};

/** What one file shows of where its package folders go: computed once per file, asked per folder line and loader. */
export interface FolderFlow {
  mayReach(at: number, loaderFrom: number): boolean;
}

export const folderFlow = (lines: readonly string[]): FolderFlow => {
  const defs = defsAround(lines);
  const defName = (l: number): string | null => (defs[l] < 0 ? null : DEF.exec(lines[defs[l]])?.[1] ?? null);

  /** The class directly around the def at line `from`, or null. */
  const classAround = (from: number): string | null => {
    const own = indentOf(lines[from]);
    for (let k = from - 1; k >= 0; k--) {
      if (lines[k].trim() === '' || indentOf(lines[k]) >= own) continue;
      return /^\s*class\s+(\w+)/.exec(lines[k])?.[1] ?? null;
    }
    return null;
  };

  /** The names whose calls run the loader def at `loaderFrom`: it, its class and subclasses, and the file's defs that call one of them. */
  const callees = new Map<number, RegExp>();
  const calleesOf = (loaderFrom: number): RegExp => {
    const known = callees.get(loaderFrom);
    if (known !== undefined) return known;
    const out = new Set<string>();
    const own = DEF.exec(lines[loaderFrom])?.[1];
    if (own !== undefined) out.add(own);
    const cls = classAround(loaderFrom);
    if (cls !== null) out.add(cls);
    for (let pass = 0; pass < MAX_PASSES && out.size < MAX_HOLDERS; pass++) {
      const called = new RegExp(`(?<![\\w])(?:${alternation(out)})\\s*\\(`);
      const sub = new RegExp(`^\\s*class\\s+(\\w+)\\s*\\([^)]*\\b(?:${alternation(out)})\\b`);
      const before = out.size;
      for (let l = 0; l < lines.length && out.size < MAX_HOLDERS; l++) {
        if (comment(lines[l])) continue;
        const s = sub.exec(lines[l]);
        if (s !== null) out.add(s[1]);
        else if (called.test(lines[l])) {
          const name = defName(l);
          if (name !== null) out.add(name);
        }
      }
      if (out.size === before) break;
    }
    const pattern = new RegExp(`(?<![\\w])(?:${alternation(out)})\\s*\\(`, 'g');
    callees.set(loaderFrom, pattern);
    return pattern;
  };

  /** Where a line moves a holder's value into another name: `for x in …`, `x = …`, `return …` (to the def), or a fill of the holder itself. */
  const moveOf = (l: number, holder: RegExp): { into: string | null } | null => {
    const line = lines[l];
    const forIn = new RegExp(`^\\s*(?:async\\s+)?for\\s+(${NAME})\\s+in\\s+(.*)$`).exec(line);
    if (forIn !== null) return holder.test(forIn[2]) ? { into: forIn[1] } : null;
    const assign = new RegExp(`^\\s*(${NAME})\\s*(?::[^=]*)?=(?!=)(.*)$`).exec(line);
    if (assign !== null) {
      if (holder.test(assign[2])) return { into: assign[1] };
      // `paths = {}`: the holder bound afresh, not used.
      return holder.test(assign[1]) ? { into: null } : null;
    }
    if (/^\s*return\b/.test(line)) return { into: defName(l) };
    // `H[key] = value`, `H.append(x)`: the holder is filled, not used.
    const fill = new RegExp(`^\\s*(${NAME})\\s*(?:\\[.*\\]\\s*=(?!=)|\\.\\s*(?:append|add|insert|extend)\\s*\\()`).exec(line);
    if (fill !== null && holder.test(fill[1])) return { into: null };
    return null;
  };

  /** The lines naming a holder of the folder named at line `at`, each with the holder's place and whether it moves the folder on; null when nothing holds it. */
  const usesOf = new Map<number, { line: number; column: number; move: boolean }[] | null>();
  const uses = (at: number): { line: number; column: number; move: boolean }[] | null => {
    if (usesOf.has(at)) return usesOf.get(at)!;
    const holders = new Set<string>();
    const line = lines[at];
    const assigned = new RegExp(`^\\s*(${NAME})\\s*(?:=(?!=)|\\[)`).exec(line)?.[1];
    if (assigned !== undefined) holders.add(assigned);
    const filled = new RegExp(`(?<![\\w.])(${NAME})\\s*\\.\\s*(?:append|add|insert)\\s*\\(`).exec(line)?.[1];
    if (filled !== undefined) holders.add(filled);
    const def = defName(at);
    if (def !== null) holders.add(def);
    let out: { line: number; column: number; move: boolean }[] | null = null;
    if (holders.size > 0) {
      const wordOf = () => new RegExp(`(?<![\\w.])(?:${alternation(holders)})(?!\\w)`);
      // The holders, taken again over the file until no new name takes the folder.
      for (let pass = 0; pass < MAX_PASSES && holders.size < MAX_HOLDERS; pass++) {
        const holder = wordOf();
        const before = holders.size;
        for (let l = 0; l < lines.length && holders.size < MAX_HOLDERS; l++) {
          if (l === at || comment(lines[l]) || !holder.test(lines[l])) continue;
          const into = moveOf(l, holder)?.into;
          if (into !== null && into !== undefined) holders.add(into);
        }
        if (holders.size === before) break;
      }
      const holder = wordOf();
      out = [];
      for (let l = 0; l < lines.length && out.length < MAX_USES; l++) {
        if (l === at || comment(lines[l]) || DEF.test(lines[l])) continue;
        const place = holder.exec(lines[l]);
        // A move into another name (`x = Loader(H)` too) is followed through that name: it counts only when a call of the loader holds it.
        if (place !== null) out.push({ line: l, column: place.index, move: moveOf(l, holder) !== null });
      }
    }
    usesOf.set(at, out);
    return out;
  };

  /** Whether the text at `column` of line `l` stands inside the parentheses of a callee's call opened on it or a few lines above: one pass. */
  const insideCall = (l: number, column: number, callee: RegExp): boolean => {
    const text = lines.slice(Math.max(0, l - CALL_LOOKBACK), l + 1).join('\n');
    const at = text.length - lines[l].length + column;
    const opens = new Set<number>();
    for (const m of text.slice(0, at).matchAll(callee)) opens.add(m.index + m[0].length - 1);
    if (opens.size === 0) return false;
    const stack: boolean[] = [];
    for (let i = 0; i < at; i++) {
      if (text[i] === '(') stack.push(opens.has(i));
      else if (text[i] === ')') stack.pop();
    }
    return stack.includes(true);
  };

  return {
    mayReach: (at, loaderFrom) => {
      const used = uses(at);
      if (used === null) return true;
      const callee = calleesOf(loaderFrom);
      let other = false;
      for (const u of used) {
        if (insideCall(u.line, u.column, callee)) return true;
        if (!u.move) other = true;
      }
      // No use at all: the folder leaves the file (a caller elsewhere hands it over), which census does not follow.
      return !other;
    },
  };
};
