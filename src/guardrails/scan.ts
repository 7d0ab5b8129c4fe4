/**
 * The scan that baseline, check and recorded runs share: every finding section computed
 * (verdicts, import triage, duplicates with default thresholds), so a baseline made by one
 * command compares cleanly with a check run by another.
 */
import { deriveFindings, incompleteness } from './findings.js';
import type { Audit } from '../model/audit.js';
import type { CheckConfig, Finding, Incompleteness } from '../model/findings.js';
import type { ScanOptions } from '../pipeline.js';
import { auditOrScan } from '../audit-run.js';
import { DEFAULT_CHECK_CONFIG } from '../config/check.js';

export interface GuardrailScan {
  audit: Audit;
  rootAbs: string;
  findings: Finding[];
  incomplete: Incompleteness;
  /** The `check` limits of the root's census config, as the scan loaded it. */
  checkConfig: CheckConfig;
}

export const guardrailScan = async (options: ScanOptions): Promise<GuardrailScan> => {
  // A re-run with nothing changed since the last such scan answers from its recording (audit-run.ts).
  const { audit, rootAbs, censusConfig } = await auditOrScan({ ...options, duplicates: options.duplicates ?? {} });
  return { audit, rootAbs, findings: deriveFindings(audit), incomplete: incompleteness(audit), checkConfig: censusConfig?.check ?? DEFAULT_CHECK_CONFIG };
};
