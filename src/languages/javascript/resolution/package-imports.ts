/**
 * package.json `imports` (`#internal/*`) as census reads it when oxc-resolver finds no repo file
 * for a `#` specifier: the key Node selects (exact, else the longest `*` pattern: the same
 * precedence as `exports`, manifests/package-exports.ts), and every target its condition tree
 * leads to, in document order, each with the conditions on its way and whether it is the one Node
 * picks under the active conditions. The resolver then follows the picked target to the repo file
 * or to the source a build writes it from, and, when that target is build output this checkout
 * does not have (`"node": "./dist/*.js"`), another condition's target that is a repo file
 * (`"browser": "./src/*.ts"`): a tool resolving under that condition loads it.
 */
import { isRecord } from '../../../manifests/json.js';
import { exportsKeyFor } from '../../../manifests/package-exports.js';

export interface ConditionalTarget {
  /** The target as written, its `*` replaced by what the specifier's pattern matched (`./src/x.ts`). */
  target: string;
  /** The condition keys on the way to it, outermost first (`["node", "import"]`); empty for a plain string. */
  conditions: string[];
  /** Whether Node picks this target under the active conditions. */
  selected: boolean;
}

export interface ImportsMatch {
  /** The `imports` key that matched (`#internal/*`). */
  key: string;
  targets: ConditionalTarget[];
}

const MAX_DEPTH = 16;

/**
 * Every target of a conditions value in document order. Node's pick: in an object, the first key
 * that is `default` or an active condition; in an array, the first item that is a valid target.
 */
const collect = (value: unknown, conditions: string[], active: ReadonlySet<string>, onPath: boolean, out: ConditionalTarget[], depth: number): boolean => {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'string') {
    out.push({ target: value, conditions, selected: onPath });
    return true;
  }
  if (Array.isArray(value)) {
    let picked = false;
    for (const item of value) if (collect(item, conditions, active, onPath && !picked, out, depth + 1)) picked = true;
    return picked;
  }
  if (!isRecord(value)) return false;
  let picked = false;
  for (const [key, branch] of Object.entries(value)) {
    const chosen = onPath && !picked && (key === 'default' || active.has(key));
    // A null branch under a chosen key stops Node there: nothing is picked after it.
    if (chosen && branch === null) picked = true;
    if (collect(branch, [...conditions, key], active, chosen, out, depth + 1) && chosen) picked = true;
  }
  return picked;
};

/** What `imports` gives a `#` specifier under the `active` conditions; null when no key matches. */
export const importsTargets = (imports: unknown, specifier: string, active: ReadonlySet<string>): ImportsMatch | null => {
  if (!isRecord(imports)) return null;
  const keys = Object.keys(imports).filter((k) => k.startsWith('#'));
  const match = exportsKeyFor(keys, specifier);
  if (match === null) return null;
  const targets: ConditionalTarget[] = [];
  collect(imports[match.key], [], active, true, targets, 0);
  const star = match.star;
  return { key: match.key, targets: star === null ? targets : targets.map((t) => ({ ...t, target: t.target.split('*').join(star) })) };
};
