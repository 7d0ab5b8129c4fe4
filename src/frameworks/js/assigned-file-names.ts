/**
 * The file names a local holds where a join reads it as its last part, read off the assignments the
 * function makes to it before the join: @remix-run/dev's readConfig (dist/config.js:116-157) picks
 * the server entry as `entryServerFile = "entry.server.spa.tsx"` in one branch and
 * `` entryServerFile = `entry.server.${serverRuntime}.tsx` `` in another, then hands
 * `path.resolve(defaultsDirectory, entryServerFile)` to the compiler as its server entry. No join
 * spells a file; each assignment does.
 *
 * Exact or nothing: a literal (or the literal default of `x || 'a'` / `x ?? 'a'`) is one name; a
 * template is a pattern only when namePattern (anchored-paths.ts) reads it as one computed name with
 * a literal extension or stem (`entry.server.${runtime}.tsx` → `entry.server.*.tsx`); any other value
 * (another name, a call, a setting) names nothing here. Only assignments in the innermost function
 * around the join (not in a function nested in it), before it, count, and none when a function between
 * the assignment and the join takes a parameter of the same name, or when it declares a `const`/`let`
 * in a block closed before the join.
 */
import { assignmentsIn } from '../../languages/javascript/folder-expr.js';
import { functionRegion } from './function-region.js';
import { literalValue } from './parameter-values.js';
import { shadowedBetween } from './shadowed-names.js';

export interface AssignedFileName {
  /** A file name (`entry.server.spa.tsx`) or a glob of one (`entry.server.*.tsx`). */
  name: string;
  /** Whether `name` is a glob read from a template. */
  pattern: boolean;
  /** Where the assignment starts. */
  at: number;
  /** The assigned value as written, on one line. */
  written: string;
}

/** `x || 'a'`, `x ?? "a"`: the literal taken when the left side is absent. */
const FALLBACK = /^[\s\S]+?\s*(?:\|\||\?\?)\s*("[^"\n]*"|'[^'\n]*'|`[^`$\n]*`)$/;
const TEMPLATE = /^`[^`\n]*`$/;

/** A string that ends in a file name's extension (`'x.tsx'`, `` `x.${a}.tsx` ``): where an assignment of a file name ends. */
const FILE_NAME_END = /\.(?:[cm]?[jt]sx?|vue|svelte|sh|bash|py)["'`]/g;
/** `NAME =` (not `==`, `=>`): a name assigned. */
const ASSIGNED_NAME = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=(?![=>])/g;
/**
 * How far back from a file name's string its `NAME =` is looked for. Review s64-rv2: the whole line
 * before each string was read, from its start, so a minified line of n such strings cost n²
 * (8,000 `k="m.js",` on one line: 0.6 s; a 1 MB bundle line minutes).
 */
const ASSIGNED_WINDOW = 400;

/**
 * The names a text assigns a string ending in a file name's extension, in one pass over those strings
 * (the text before each, on its line and within ASSIGNED_WINDOW, read back for `NAME =`): payload's
 * joins ending in a name are many, and a pattern over every text for them cost 10-15 ms; the joins are
 * read only for these names. Every name assigned after the statement's last `;` there is kept (`let a
 * = x, b = 'entry.js'` keeps `b`, not only `a`): the set only gates what assignedFileNames reads.
 */
export const namesAssignedFileNames = (text: string): ReadonlySet<string> => {
  const out = new Set<string>();
  for (const m of text.matchAll(FILE_NAME_END)) {
    const end = m.index ?? 0;
    const window = text.slice(Math.max(0, end - ASSIGNED_WINDOW), end);
    const line = window.slice(window.lastIndexOf('\n') + 1);
    if (!line.includes('=')) continue;
    const statement = line.slice(line.lastIndexOf(';') + 1);
    for (const a of statement.matchAll(ASSIGNED_NAME)) out.add(a[1]);
  }
  return out;
};

/** `const NAME` / `let NAME` right before an assignment: a binding of the block it is in. */
const BLOCK_DECLARATION = /(?<![\w$.])(?:const|let)\s+$/;

/**
 * Whether the assignment at `from` sets the local the join at `at` reads (review s64-rv2): it is in
 * the join's own function, not in a function nested in it or beside it (a callback's `const name =
 * 'x.js'`, another function's local read as the top level's when the join is at the top level), and a
 * `const`/`let` declaration's block is still open at the join (`if (a) { const name = 'x.js'; }` binds
 * nothing the join after the block reads). Braces are counted as written (a `}` in a string ends the
 * block early: nothing named).
 */
const bindsAt = (text: string, region: { start: number; end: number }, from: number, at: number): boolean => {
  const own = functionRegion(text, from);
  if (own.start !== region.start || own.end !== region.end) return false;
  return !BLOCK_DECLARATION.test(text.slice(Math.max(0, from - 12), from)) || at < blockEnd(text, from);
};

/** Each declaration's block end in the last text asked (a function of thousands of joins asks for one declaration's each time). */
let ends: { text: string; at: Map<number, number> } | null = null;

/** Where the block holding `from` closes: the first `}` that closes more than opened after `from`; the text's end when none does. */
const blockEnd = (text: string, from: number): number => {
  if (ends === null || ends.text !== text) ends = { text, at: new Map() };
  const known = ends.at.get(from);
  if (known !== undefined) return known;
  let depth = 0;
  let end = text.length;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth < 0) {
      end = i;
      break;
    }
  }
  ends.at.set(from, end);
  return end;
};

/**
 * What `name` may hold at `at` as a file name, each assignment that says (empty when none does).
 * `patternOf` reads a template into a glob of one name, or null. Asked only for a name
 * namesAssignedFileNames gives: most joins ending in a name (`path.join(dir, file)`) hold none.
 */
export const assignedFileNames = (text: string, name: string, at: number, patternOf: (template: string) => string | null): AssignedFileName[] => {
  const region = functionRegion(text, at);
  const out: AssignedFileName[] = [];
  for (const a of assignmentsIn(name, text, region)) {
    if (a.index >= at || shadowedBetween(text, name, a.index, at) || !bindsAt(text, region, a.index, at)) continue;
    const value = a.value.trim();
    const written = value.replace(/\s+/g, ' ');
    const literal = literalValue(value) ?? literalValue(FALLBACK.exec(value)?.[1] ?? '');
    if (literal !== null) {
      if (literal !== '') out.push({ name: literal, pattern: false, at: a.index, written });
      continue;
    }
    const pattern = TEMPLATE.test(value) ? patternOf(value.slice(1, -1)) : null;
    if (pattern !== null) out.push({ name: pattern, pattern: true, at: a.index, written });
  }
  return out;
};
