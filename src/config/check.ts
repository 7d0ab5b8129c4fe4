/**
 * The `check` key of the census config: thresholds for `census check`.
 *
 *   check: { maxNew?: { <category>: n }, max?: { <category>: n }, allowIncomplete?: boolean }
 *
 * Categories are `dead`, the import buckets, `exec-not-found` and `duplicate-<kind>`
 * (FINDING_CATEGORIES). Like the rest of the config, an unknown key is an error naming it.
 */
import { FINDING_CATEGORIES, isFindingCategory, type CheckConfig, type FindingCategory } from '../model/findings.js';
import { isRecord } from '../manifests/json.js';

const CHECK_KEYS = ['maxNew', 'max', 'allowIncomplete'];

/** The limits when the config has no `check` key: any new finding in a gated category fails. */
export const DEFAULT_CHECK_CONFIG: CheckConfig = { maxNew: {}, max: {}, allowIncomplete: false };

type Fail = (key: string, message: string) => never;

const limits = (value: unknown, at: string, fail: Fail): Partial<Record<FindingCategory, number>> => {
  if (value === undefined) return {};
  if (!isRecord(value)) return fail(at, 'must be an object of finding category → number');
  const out: Partial<Record<FindingCategory, number>> = {};
  for (const [name, n] of Object.entries(value)) {
    if (!isFindingCategory(name)) fail(`${at}.${name}`, `is not a finding category (expected one of: ${FINDING_CATEGORIES.join(', ')})`);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) fail(`${at}.${name}`, `must be a whole number of 0 or more, not ${JSON.stringify(n)}`);
    out[name as FindingCategory] = n as number;
  }
  return out;
};

export const validateCheckConfig = (value: unknown, fail: Fail): CheckConfig => {
  if (value === undefined) return { ...DEFAULT_CHECK_CONFIG };
  if (!isRecord(value)) return fail('check', 'must be an object with maxNew, max and/or allowIncomplete');
  for (const key of Object.keys(value)) if (!CHECK_KEYS.includes(key)) fail(`check.${key}`, `is not a check key (expected one of: ${CHECK_KEYS.join(', ')})`);
  if (value.allowIncomplete !== undefined && typeof value.allowIncomplete !== 'boolean') fail('check.allowIncomplete', 'must be true or false');
  return {
    maxNew: limits(value.maxNew, 'check.maxNew', fail),
    max: limits(value.max, 'check.max', fail),
    allowIncomplete: value.allowIncomplete === true,
  };
};
