/**
 * What `--format json` writes for each view, in one place because scripts depend on every one of
 * them byte for byte: pretty-printed with two spaces and a trailing newline. The README's formats
 * table says the same in words (held to the registry by test/report/registry.test.ts).
 */
import type { DuplicatesReport } from '../model/duplicates.js';
import type { RunDiff } from '../model/findings.js';
import type { Plan } from '../model/plan.js';
import type { WhyExplanation } from '../model/why.js';
import type { BaselineView } from './guardrails/baseline-terminal.js';
import type { CheckView } from './guardrails/check-view.js';
import type { HistoryView } from './guardrails/history-terminal.js';

const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** `census dupes`: the Audit's `duplicates` section alone. */
export const renderDuplicatesJson = (report: DuplicatesReport): string => jsonText(report);

/** `census why`: `{ file, chains? }` — the file's record as in the Audit, and with --all every chain found. */
export const renderWhyJson = ({ file, all }: WhyExplanation): string => jsonText({ file, ...(all ? { chains: all.chains } : {}) });

/** `census baseline`: the baseline it wrote, with the fields of `.census/baseline.json`. */
export const renderBaselineJson = ({ written }: BaselineView): string => jsonText(written);

/** `census check`: the CheckResult (new, fixed, unchanged findings, counts, breaches, status). */
export const renderCheckJson = ({ result }: CheckView): string => jsonText(result);

/** `census history`: `{ file, runs }`, the shown runs oldest first. */
export const renderHistoryJson = ({ file, runs }: HistoryView): string => jsonText({ file, runs });

/** `census diff`: the RunDiff (both runs, finding keys added and removed, counts that moved). */
export const renderRunDiffJson = (diff: RunDiff): string => jsonText(diff);

/** `census plan`: the Plan (docs/plan.schema.json), the document `census apply` reads. */
export const renderPlanJson = (plan: Plan): string => jsonText(plan);
