/**
 * The Audit a command needs: the one a scan with the same options recorded, when nothing it was
 * computed from changed since (cache/snapshot.ts decides, by stat, without git or a listing), else
 * a scan. Both give the same Audit but for `generatedAt`. The pipeline loads only when it runs.
 */
import type { Audit } from './model/audit.js';
import type { CensusConfig } from './config/validate.js';
import type { ScanOptions } from './pipeline.js';
import { reusableAudit, reusableAuditJson } from './cache/snapshot.js';
import { resolveAbsolute } from './util/path.js';

export interface AuditRun {
  audit: Audit;
  rootAbs: string;
  /** The census config the Audit was made with (its `check` limits), null when there is none. */
  censusConfig: CensusConfig | null;
  /** True when the recorded Audit answered and no scan ran. */
  reused: boolean;
}

export const auditOrScan = async (options: ScanOptions): Promise<AuditRun> => {
  const rootAbs = resolveAbsolute(options.cwd ?? '.', options.root);
  const recorded = reusableAudit(rootAbs, options);
  if (recorded) return { ...recorded, rootAbs, reused: true };
  const { scan } = await import('./pipeline.js');
  const result = await scan(options);
  return { audit: result.audit, rootAbs: result.rootAbs, censusConfig: result.config?.config ?? null, reused: false };
};

/**
 * The Audit's JSON text as `--format json` writes it (report/json.ts), from the recording when
 * nothing changed since: written as it is, with a new `generatedAt`, never deserialized or
 * rendered. Null: no usable recording; the caller goes through auditOrScan.
 */
export const recordedAuditJson = (options: ScanOptions): string[] | null => reusableAuditJson(resolveAbsolute(options.cwd ?? '.', options.root), options);
