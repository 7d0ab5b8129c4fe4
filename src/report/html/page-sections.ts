/** The Audit's optional sections as the page embeds them (absent section → hidden panel). */
import type { Audit } from '../../model/audit.js';
import type { DuplicatesReport } from '../../model/duplicates.js';
import type { PageDuplicates, PageImports, PageRuntime } from './page-data.js';

/** Caps that keep the page small on huge repos; the page says when a list was cut. */
export const MAX_IMPORT_FINDINGS = 5000;
export const MAX_DUPLICATE_CLUSTERS = 1000;
export const MAX_WARNINGS = 500;

export const pageImports = (audit: Audit, fileIndex: ReadonlyMap<string, number>): PageImports | undefined => {
  const imports = audit.imports;
  if (!imports) return undefined;
  return {
    environment: imports.environment,
    counts: { ...imports.counts },
    rootCauses: imports.rootCauses.map((r) => ({ ...r, files: r.files ?? [] })),
    findings: imports.findings
      .slice(0, MAX_IMPORT_FINDINGS)
      .map((f) => [fileIndex.get(f.file) ?? -1, f.line, f.specifier, f.name ?? '', f.bucket, f.rootCause, f.breaksModule ? 1 : 0, f.detail ?? '']),
    totalFindings: imports.findings.length,
  };
};

export const pageDuplicates = (report: DuplicatesReport | undefined): PageDuplicates | undefined => {
  if (!report) return undefined;
  return {
    clusters: report.clusters.slice(0, MAX_DUPLICATE_CLUSTERS).map((c) => ({
      kind: c.kind,
      files: c.files,
      similarity: c.similarity,
      keep: c.keep,
      reason: c.reason,
      actions: c.actions,
      ...(c.ranges ? { ranges: c.ranges } : {}),
      ...(c.sharedTerms ? { sharedTerms: c.sharedTerms } : {}),
    })),
    totalClusters: report.clusters.length,
    filesCompared: report.filesCompared,
  };
};

export const pageRuntime = (audit: Audit): PageRuntime | undefined => {
  const r = audit.runtime;
  if (!r) return undefined;
  return {
    sources: r.sources,
    utilization: r.utilization,
    byLabel: r.byLabel,
    runtimeOnly: r.runtimeOnly,
    dormant: r.dormant,
    loadedCount: r.loaded.length,
    unmappedModules: r.unmappedModules,
  };
};
