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
import { escapeRegExp } from '../../util/regexp.js';
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

/**
 * What `name` may hold at `at` as a file name, each assignment that says (empty when none does).
 * `patternOf` reads a template into a glob of one name, or null.
 */
export const assignedFileNames = (text: string, name: string, at: number, patternOf: (template: string) => string | null): AssignedFileName[] => {
  // Most joins ending in a name (`path.join(dir, file)`) hold no string the function assigns: one test first.
  if (!new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*=(?![=>])[^;\n]*["'\`]`).test(text)) return [];
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
