/**
 * The answers of census mcp's tools, computed from the Audit alone (the same data every reporter
 * renders): pure functions, so they are tested without a server. Paths arrive already checked
 * (paths.ts); the server adds the session's status.
 */
import { allChains } from '../classify/explain.js';
import type { Audit, LanguageCount } from '../model/audit.js';
import type { DuplicateCluster, DuplicateKind } from '../model/duplicates.js';
import type { Edge, EdgeKind } from '../model/edge.js';
import type { Entry } from '../model/entry.js';
import type { FileRecord } from '../model/file.js';
import { REAL_BREAKAGE_BUCKETS, type ImportBucket, type ImportFinding, type RootCause } from '../model/imports.js';
import type { Verdict } from '../model/verdict.js';
import type { Chain } from '../model/why.js';
import { indexOf } from './audit-index.js';
import { isUnder } from './paths.js';

export interface EntryPoint {
  kind: Entry['kind'];
  file: string | null;
  detector: string;
  source: string;
  line?: number;
  evidence: string;
}

const entryPoint = (e: Entry): EntryPoint => ({ kind: e.kind, file: e.file, detector: e.detector, source: e.source, ...(e.line !== undefined ? { line: e.line } : {}), evidence: e.evidence });

export interface SummaryAnswer {
  root: string;
  files: number;
  sourceFiles: number;
  verdicts: Partial<Record<Verdict, number>>;
  languages: LanguageCount[];
  entryPoints: { total: number; byKind: Record<string, number>; first: EntryPoint[] };
  unresolvedImports: number;
  realBreakages: number;
  warnings: number;
}

export const summaryOf = (audit: Audit, entryLimit = 50): SummaryAnswer => {
  const byKind: Record<string, number> = {};
  for (const e of audit.entries) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  return {
    root: audit.root,
    files: audit.summary.files,
    sourceFiles: audit.summary.sourceFiles,
    verdicts: audit.summary.verdicts ?? {},
    languages: audit.summary.languages,
    entryPoints: { total: audit.entries.length, byKind, first: audit.entries.slice(0, entryLimit).map(entryPoint) },
    unresolvedImports: audit.summary.unresolvedImports,
    realBreakages: audit.imports?.findings.filter((f) => REAL_BREAKAGE_BUCKETS.includes(f.bucket)).length ?? 0,
    warnings: audit.summary.warnings,
  };
};

export interface EdgeIn {
  from: string;
  kind: EdgeKind;
  line: number;
  specifier: string;
  label?: string;
}

export interface EdgeOut {
  to: string | null;
  kind: EdgeKind;
  line: number;
  specifier: string;
  unresolved?: string;
  package?: string;
}

const edgeIn = (e: Edge): EdgeIn => ({ from: e.from, kind: e.kind, line: e.line, specifier: e.specifier, ...(e.label ? { label: e.label } : {}) });
const edgeOut = (e: Edge): EdgeOut => ({
  to: e.to,
  kind: e.kind,
  line: e.line,
  specifier: e.specifier,
  ...(e.unresolved ? { unresolved: e.unresolved } : {}),
  ...(e.package ? { package: e.package } : {}),
});

export interface RuntimeOfFile {
  /** A merged run loaded it. */
  loaded: boolean;
  /** Loaded although no static edge reaches it: the runs that did, and where the missing edge probably is. */
  runtimeOnly?: { labels: string[]; hint?: string };
  /** Statically production, never loaded by any run. */
  dormant: boolean;
}

/** At most this many importers, imports, root causes or breakages in one answer (the counts say how many there are). */
export const LIST_CAP = 500;

export interface FileAnswer {
  file: FileRecord;
  /** Entry points that start this file. */
  entryPoints: EntryPoint[];
  /** Files that import, run, reference or mention it, at most LIST_CAP (importerCount: all). */
  importers: EdgeIn[];
  importerCount: number;
  /** What it imports, runs or references, at most LIST_CAP (importCount: all). */
  imports: EdgeOut[];
  importCount: number;
  /** Its failing imports (broken-import triage). */
  failingImports: ImportFinding[];
  /** Clusters it is in; null until duplicates are computed (census_dupes computes them). */
  duplicates: DuplicateCluster[] | null;
  /** Runtime evidence; null when the server was started without --runtime. */
  runtime: RuntimeOfFile | null;
}

export const fileOf = (audit: Audit, path: string): FileAnswer => {
  const index = indexOf(audit);
  const file = index.byPath.get(path)!;
  const runtime = audit.runtime;
  const only = runtime?.runtimeOnly.find((r) => r.file === path);
  const importers = index.incoming.get(path) ?? [];
  const imports = index.outgoing.get(path) ?? [];
  return {
    file,
    entryPoints: (index.entriesByFile.get(path) ?? []).map(entryPoint),
    importers: importers.slice(0, LIST_CAP).map(edgeIn),
    importerCount: importers.length,
    imports: imports.slice(0, LIST_CAP).map(edgeOut),
    importCount: imports.length,
    failingImports: audit.imports?.findings.filter((f) => f.file === path) ?? [],
    duplicates: audit.duplicates ? audit.duplicates.clusters.filter((c) => c.files.includes(path)) : null,
    runtime: runtime
      ? {
          loaded: runtime.loaded.includes(path),
          ...(only ? { runtimeOnly: { labels: only.labels, ...(only.hint ? { hint: only.hint } : {}) } } : {}),
          dormant: runtime.dormant.includes(path),
        }
      : null,
  };
};

export interface WhyAnswer {
  path: string;
  verdict?: Verdict;
  /** The verdict's own evidence: the shortest chain, or what was checked and found nothing. */
  evidence: string[];
  /** Every chain found, shortest first, at most `limit`. */
  chains: Chain[];
  limit: number;
  /** True when the search stopped at the limit: there may be more chains. */
  truncated: boolean;
}

export const whyOf = (audit: Audit, path: string, limit: number): WhyAnswer => {
  const index = indexOf(audit);
  const file = index.byPath.get(path)!;
  const chains = file.verdict ? allChains(audit, path, limit, index.chains()) : [];
  return { path, ...(file.verdict ? { verdict: file.verdict } : {}), evidence: file.evidence ?? [], chains, limit, truncated: chains.length >= limit };
};

export interface ImportsFilter {
  bucket?: ImportBucket;
  /** A repo path: a file, or a folder when `folder`. */
  path?: string;
  folder?: boolean;
}

export interface ImportsAnswer {
  environment: string;
  counts: Partial<Record<ImportBucket, number>>;
  /** Root causes of the matching findings, ranked as the triage ranks them, at most LIST_CAP. */
  rootCauses: RootCause[];
  rootCauseCount: number;
  /** Matching findings in the real-breakage buckets (broken-internal, missing-name, stdlib-removed), at most LIST_CAP. */
  realBreakages: ImportFinding[];
  realBreakageCount: number;
  /** All matching findings. */
  findings: ImportFinding[];
}

export const importsOf = (audit: Audit, filter: ImportsFilter): ImportsAnswer => {
  const section = audit.imports;
  if (!section) return { environment: 'import triage was not run', counts: {}, rootCauses: [], rootCauseCount: 0, realBreakages: [], realBreakageCount: 0, findings: [] };
  const findings = section.findings.filter(
    (f) => (filter.bucket === undefined || f.bucket === filter.bucket) && (filter.path === undefined || isUnder(f.file, filter.path, filter.folder === true)),
  );
  const causes = new Set(findings.map((f) => `${f.bucket}\0${f.rootCause}`));
  const counts: Partial<Record<ImportBucket, number>> = {};
  for (const f of findings) counts[f.bucket] = (counts[f.bucket] ?? 0) + 1;
  const rootCauses = section.rootCauses.filter((c) => causes.has(`${c.bucket}\0${c.name}`));
  const realBreakages = findings.filter((f) => REAL_BREAKAGE_BUCKETS.includes(f.bucket));
  return {
    environment: section.environment.note,
    counts,
    rootCauses: rootCauses.slice(0, LIST_CAP),
    rootCauseCount: rootCauses.length,
    realBreakages: realBreakages.slice(0, LIST_CAP),
    realBreakageCount: realBreakages.length,
    findings,
  };
};

/** Duplicate clusters with a file at `path` (a file, or anything in a folder), optionally of one kind. */
export const dupesOf = (clusters: DuplicateCluster[], path: string, folder: boolean, kind?: DuplicateKind): DuplicateCluster[] =>
  clusters.filter((c) => (kind === undefined || c.kind === kind) && c.files.some((f) => isUnder(f, path, folder)));
