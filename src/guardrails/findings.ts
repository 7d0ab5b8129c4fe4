/**
 * The guardrail findings of an Audit: dead files, failing imports, duplicate clusters and commands
 * (in scripts and code, or entry points in deploy and CI files) that run a file that does not exist, each with its stable key (src/model/findings.ts). Pure: a
 * section the Audit does not have (no duplicates analysis, no import triage) yields nothing.
 */
import type { Audit } from '../model/audit.js';
import type { DuplicateCluster } from '../model/duplicates.js';
import type { Edge } from '../model/edge.js';
import type { Entry } from '../model/entry.js';
import type { FileRecord } from '../model/file.js';
import { FINDING_CATEGORIES, type Finding, type FindingCategory, type Incompleteness } from '../model/findings.js';
import type { ImportFinding } from '../model/imports.js';
import { VERDICTS } from '../model/verdict.js';
import { byString } from '../util/compare.js';

export const deadKey = (path: string): string => `dead:${path}`;
export const importKey = (f: Pick<ImportFinding, 'bucket' | 'file' | 'specifier' | 'name'>): string =>
  `import:${f.bucket}:${f.file}:${f.specifier}${f.name ? `:${f.name}` : ''}`;
export const dupeKey = (c: Pick<DuplicateCluster, 'kind' | 'files'>): string => `dupe:${c.kind}:${[...c.files].sort(byString).join(',')}`;
export const execKey = (e: Pick<Edge, 'from' | 'specifier'>): string => `exec-not-found:${e.from}:${e.specifier}`;

const fromDead = (f: FileRecord): Finding => ({
  key: deadKey(f.path),
  kind: 'dead',
  category: 'dead',
  file: f.path,
  line: 1,
  // The evidence names its subject ("x.py is not imported, …"); said once, after "is dead".
  message: `${f.path} is dead: ${f.evidence?.[0]?.replace(`${f.path} is `, '') ?? 'no entry point, import, command or doc reaches it'}`,
});

const fromImport = (f: ImportFinding): Finding => ({
  key: importKey(f),
  kind: 'import',
  category: f.bucket,
  file: f.file,
  line: f.line,
  message: `${f.bucket} import: ${f.name ? `${f.name} from ` : ''}${f.specifier}${f.detail ? ` — ${f.detail}` : ''}`,
});

/** A cluster is shown at the copy that should go (not the keeper), at its shared block when there is one. */
const fromCluster = (c: DuplicateCluster): Finding => {
  const files = [...c.files].sort(byString);
  const file = files.find((f) => f !== c.keep) ?? files[0];
  const line = c.ranges?.find((r) => r.file === file)?.start ?? 1;
  return {
    key: dupeKey(c),
    kind: 'duplicate',
    category: `duplicate-${c.kind}`,
    file,
    line,
    related: files.filter((f) => f !== file),
    message: `${c.kind} duplicate of ${files.filter((f) => f !== file).join(', ')} (similarity ${c.similarity.toFixed(2)}); ${c.reason}`,
  };
};

const fromExec = (e: Edge): Finding => ({
  key: execKey(e),
  kind: 'exec-not-found',
  category: 'exec-not-found',
  file: e.from,
  line: e.line,
  message: `a command runs a file that is not in the repo: ${e.label ?? e.specifier}`,
});

/** An entry point (unit, image, CI step, manifest) naming a file or module the repo does not have. */
const fromEntry = (e: Entry): Finding => ({
  key: `exec-not-found:${e.source}:${e.unresolvedReason ?? e.evidence}`,
  kind: 'exec-not-found',
  category: 'exec-not-found',
  file: e.source,
  line: e.line ?? 1,
  message: `an entry point runs a file that is not in the repo: ${e.evidence} — ${e.unresolvedReason ?? 'not found'}`,
});

/** Every finding of the Audit, one per key (the first line wins when a key repeats), sorted by key. */
export const deriveFindings = (audit: Audit): Finding[] => {
  const all: Finding[] = [
    ...audit.files.filter((f) => f.verdict === 'dead').map(fromDead),
    ...(audit.imports?.findings ?? []).map(fromImport),
    ...(audit.duplicates?.clusters ?? []).map(fromCluster),
    ...audit.edges.filter((e) => e.kind === 'exec' && e.to === null && e.unresolved === 'not-found').map(fromExec),
    ...audit.entries.filter((e) => e.file === null && e.unresolved === 'not-found').map(fromEntry),
  ];
  const byKey = new Map<string, Finding>();
  for (const f of all) {
    const seen = byKey.get(f.key);
    if (!seen || f.line < seen.line) byKey.set(f.key, f);
  }
  return [...byKey.values()].sort((a, b) => byString(a.key, b.key));
};

/** Files not read or parsed fully, and stages that crashed: an analysis with either is not clean. */
export const incompleteness = (audit: Audit): Incompleteness => ({
  files: audit.files.filter((f) => f.incomplete).map((f) => f.path),
  crashes: audit.warnings.filter((w) => w.id.endsWith('/crash')),
});

/**
 * The numbers a history run keeps: `verdict:<name>` for every verdict and `finding:<category>` for
 * every category of the sections this Audit computed (a missing section is unknown, not zero).
 */
export const runCounts = (audit: Audit, findings: Finding[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  if (audit.summary.verdicts) for (const v of VERDICTS) counts[`verdict:${v}`] = audit.summary.verdicts[v] ?? 0;
  const computed = (c: FindingCategory): boolean =>
    c.startsWith('duplicate-') ? audit.duplicates !== undefined : c === 'dead' ? audit.summary.verdicts !== undefined : c === 'exec-not-found' ? true : audit.imports !== undefined;
  for (const c of FINDING_CATEGORIES) if (computed(c)) counts[`finding:${c}`] = 0;
  for (const f of findings) counts[`finding:${f.category}`] = (counts[`finding:${f.category}`] ?? 0) + 1;
  return counts;
};
