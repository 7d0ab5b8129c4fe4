/**
 * `census check` as a pure function: this run's findings against the accepted baseline and the
 * config's thresholds. New = a key the baseline does not have; fixed = a baseline key this run no
 * longer has. A regression is a threshold breach: by default any new finding in a gated category.
 */
import {
  FINDING_CATEGORIES,
  INFORMATIONAL_CATEGORIES,
  type Baseline,
  type CategoryCount,
  type CheckConfig,
  type CheckResult,
  type Finding,
  type FindingCategory,
  type Incompleteness,
  type ThresholdBreach,
} from '../model/findings.js';
import { byString } from '../util/compare.js';

export interface CheckInput {
  root: string;
  commit: string | null;
  findings: Finding[];
  baseline: Baseline | null;
  baselineFile: string;
  config: CheckConfig;
  incomplete: Incompleteness;
  /** The import environment of this run, compared with the baseline's. */
  environment?: string;
}

/** The category a baseline key belongs to, read back from the key itself. */
export const categoryOfKey = (key: string): FindingCategory | null => {
  const [kind, sub] = key.split(':');
  const category = kind === 'import' ? sub : kind === 'dupe' ? `duplicate-${sub}` : kind;
  return (FINDING_CATEGORIES as readonly string[]).includes(category) ? (category as FindingCategory) : null;
};

const isGated = (c: FindingCategory, config: CheckConfig): boolean =>
  config.maxNew[c] !== undefined || config.max[c] !== undefined || !INFORMATIONAL_CATEGORIES.includes(c);

const allowedNew = (c: FindingCategory, config: CheckConfig): number =>
  config.maxNew[c] ?? (INFORMATIONAL_CATEGORIES.includes(c) ? Number.POSITIVE_INFINITY : 0);

export const runCheck = (input: CheckInput): CheckResult => {
  const accepted = new Set(input.baseline?.findings ?? []);
  const current = new Set(input.findings.map((f) => f.key));
  const added = input.findings.filter((f) => !accepted.has(f.key));
  const unchanged = input.findings.filter((f) => accepted.has(f.key));
  const fixed = [...accepted].filter((k) => !current.has(k)).sort(byString);

  const counts: CategoryCount[] = [];
  const breaches: ThresholdBreach[] = [];
  for (const category of FINDING_CATEGORIES) {
    const count: CategoryCount = {
      category,
      baseline: [...accepted].filter((k) => categoryOfKey(k) === category).length,
      current: input.findings.filter((f) => f.category === category).length,
      new: added.filter((f) => f.category === category).length,
      fixed: fixed.filter((k) => categoryOfKey(k) === category).length,
      gated: isGated(category, input.config),
    };
    if (count.baseline + count.current > 0 || input.config.max[category] !== undefined) counts.push(count);
    const maxNew = allowedNew(category, input.config);
    if (count.new > maxNew) breaches.push({ category, limit: 'maxNew', allowed: maxNew, actual: count.new });
    const max = input.config.max[category];
    if (max !== undefined && count.current > max) breaches.push({ category, limit: 'max', allowed: max, actual: count.current });
  }

  const isIncomplete = input.incomplete.files.length > 0 || input.incomplete.crashes.length > 0;
  const status = isIncomplete && !input.config.allowIncomplete ? 'incomplete' : breaches.length > 0 ? 'regression' : 'pass';
  const baselineEnv = input.baseline?.environment;
  const environmentNote =
    baselineEnv !== undefined && input.environment !== undefined && baselineEnv !== input.environment
      ? `the baseline was made with imports checked against "${baselineEnv}", this run against "${input.environment}": import findings can differ for that reason alone`
      : undefined;
  return {
    root: input.root,
    commit: input.commit,
    baselineFile: input.baselineFile,
    baselineFound: input.baseline !== null,
    baselineCommit: input.baseline?.commit ?? null,
    baselineDate: input.baseline?.date || null,
    ...(environmentNote ? { environmentNote } : {}),
    new: added,
    fixed,
    unchanged,
    counts,
    breaches,
    incomplete: input.incomplete,
    allowIncomplete: input.config.allowIncomplete,
    status,
  };
};
