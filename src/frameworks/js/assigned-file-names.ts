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
 * around the join, before it, count, and none when a function between the assignment and the join
 * takes a parameter of the same name.
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
/** `NAME = …` up to the end of a line's text: the name assigned. */
const ASSIGNED_BEFORE = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=(?![=>])[^;]*$/;

/**
 * The names a text assigns a string ending in a file name's extension, in one pass over those strings
 * (the line before each read back for `NAME =`): payload's joins ending in a name are many, and a
 * pattern over every text for them cost 10-15 ms; the joins are read only for these names.
 */
export const namesAssignedFileNames = (text: string): ReadonlySet<string> => {
  const out = new Set<string>();
  for (const m of text.matchAll(FILE_NAME_END)) {
    const end = m.index ?? 0;
    const line = text.slice(text.lastIndexOf('\n', end) + 1, end);
    if (!line.includes('=')) continue;
    const name = ASSIGNED_BEFORE.exec(line)?.[1];
    if (name !== undefined) out.add(name);
  }
  return out;
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
    if (a.index >= at || shadowedBetween(text, name, a.index, at)) continue;
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
