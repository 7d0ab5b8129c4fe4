/**
 * Broken-import triage: a pure function of the scan (files, edges, facts) and the environments.
 * Every import that does not work lands in exactly one bucket (guards first: type-only, then
 * optional; then what the classifier found), every finding names its root cause, and the
 * cascade of each root cause through the repo's load-time imports is counted.
 */
import type { Edge } from '../../model/edge.js';
import type { FileFacts, ImportFact } from '../../model/facts.js';
import type { FileRecord, Language } from '../../model/file.js';
import { IMPORT_BUCKETS, type ImportBucket, type ImportFinding, type ImportsEnvironment, type ImportsSection } from '../../model/imports.js';
import type { PythonEnvironment } from '../../languages/python/env/index.js';
import { languageRecord } from '../../languages/registry.js';
import { byString } from '../../util/compare.js';
import { dirname } from '../../util/path.js';
import { buildLoadGraph, neverRuns, runsAtLoad } from './cascade.js';
import { classifyJavaScriptImport } from './javascript.js';
import { CASE_TWIN } from '../../graph/import-edges.js';
import type { JavaScriptEnvironment } from './javascript-env.js';
import { missingJavaScriptNames, missingPythonNames, type NameCheckContext } from './missing-names.js';
import { classifyPythonImport } from './python.js';
import { buildRootCauses, type ClassifiedFinding } from './root-causes.js';
import type { Failure } from './types.js';

export interface TriageInput {
  files: readonly FileRecord[];
  edges: readonly Edge[];
  facts: ReadonlyMap<string, FileFacts>;
  /** Null when the repo has no Python (nothing to check against). */
  python: PythonEnvironment | null;
  javascript: JavaScriptEnvironment | null;
  environment: ImportsEnvironment;
}

export interface TriageResult {
  section: ImportsSection;
  /** File → the root causes that make it fail to load. */
  causesByFile: Map<string, string[]>;
}

const IMPORT_KINDS = new Set(['import', 'dynamic-import', 'type-import']);

const keyOf = (file: string, line: number, specifier: string): string => `${file}\0${line}\0${specifier}`;

const compareFindings = (a: ImportFinding, b: ImportFinding): number =>
  byString(a.file, b.file) || a.line - b.line || byString(a.specifier, b.specifier) || byString(a.name ?? '', b.name ?? '') || byString(a.bucket, b.bucket);

const guardNote = (bucket: ImportBucket, fact: ImportFact, file: string): string =>
  bucket === 'optional' ? (fact.handles?.length ? `guarded by try/except ${fact.handles.join(', ')}; ` : 'guarded by try/catch; ')
  : bucket === 'type-only' ? (neverRuns(file) ? 'in a stub or declaration file; ' : fact.guard === 'type-checking' ? 'under TYPE_CHECKING; ' : 'a type-only import; ')
  : '';

const toFinding = (file: string, language: Language, fact: ImportFact, edge: Edge | null, failure: Failure): ImportFinding => {
  const typeOnly = fact.typeOnly === true || fact.guard === 'type-checking' || edge?.kind === 'type-import' || neverRuns(file);
  const bucket: ImportBucket = typeOnly ? 'type-only' : fact.guard === 'try' ? 'optional' : failure.base;
  const loads = !typeOnly && runsAtLoad({ kind: edge?.kind ?? (fact.syntax === 'dynamic' ? 'dynamic-import' : 'import'), guard: fact.guard }, language);
  const finding: ImportFinding = {
    file, line: fact.line, specifier: fact.specifier,
    ...(failure.name !== undefined ? { name: failure.name } : {}),
    bucket, rootCause: failure.rootCause, language,
    breaksModule: failure.fails && bucket === failure.base && loads,
    detail: `${guardNote(bucket, fact, file)}${failure.detail}${fact.guard === 'function' && bucket === failure.base && failure.fails ? ' (inside a function: fails when it runs)' : ''}`,
  };
  return finding;
};

export const triageImports = (input: TriageInput): TriageResult => {
  const fileSet = new Set(input.files.map((f) => f.path));
  const dirs = new Set<string>();
  for (const f of fileSet) dirs.add(dirname(f));
  const verdicts = new Map(input.files.map((f) => [f.path, f.verdict]));
  const nameContext: NameCheckContext = {
    facts: input.facts,
    dirs,
    incomplete: new Set(input.files.filter((f) => f.incomplete).map((f) => f.path)),
    checkable: { python: new Map(), javascript: new Map() },
  };

  // File → line → the import edges there. Nested maps, not a key string per edge and per import:
  // the keys were most of this loop's time on saleor's 60,000 edges. A line rarely holds two import
  // statements, so a statement's edges are picked from its line's by specifier: a third level (a
  // Map per line) made the groups 9.1 MB on saleor against 4.5 MB, about 100 MB more at 100k files,
  // allocated at the scan's peak.
  const groups = new Map<string, Map<number, Edge[]>>();
  for (const e of input.edges) {
    if (!IMPORT_KINDS.has(e.kind)) continue;
    let inFile = groups.get(e.from);
    if (!inFile) groups.set(e.from, (inFile = new Map()));
    const onLine = inFile.get(e.line);
    if (onLine) onLine.push(e);
    else inFile.set(e.line, [e]);
  }
  const edgesOf = (onLine: Edge[] | undefined, specifier: string): Edge[] | undefined => {
    if (onLine === undefined) return undefined;
    if (onLine.every((e) => e.specifier === specifier)) return onLine;
    const edges = onLine.filter((e) => e.specifier === specifier);
    return edges.length > 0 ? edges : undefined;
  };

  const classified: ClassifiedFinding[] = [];
  const seen = new Set<string>();
  const add = (file: string, language: Language, fact: ImportFact, edge: Edge | null, failure: Failure): void => {
    const finding = toFinding(file, language, fact, edge, failure);
    const id = `${keyOf(file, finding.line, finding.specifier)}\0${finding.name ?? ''}`;
    if (seen.has(id)) return;
    seen.add(id);
    classified.push({ finding, failure });
  };

  for (const record of [...input.files].sort((a, b) => byString(a.path, b.path))) {
    const language = record.language;
    // Each ecosystem's imports are triaged against its own environment.
    const ecosystem = languageRecord(language)?.ecosystem;
    if (ecosystem === undefined) continue;
    const facts = input.facts.get(record.path);
    const edgesOfFile = groups.get(record.path);
    if (!facts || !edgesOfFile) continue;
    const python = ecosystem === 'python' ? input.python : null;
    const javascript = ecosystem === 'javascript' ? input.javascript : null;
    if (!python && !javascript) continue;
    for (const fact of facts.imports) {
      const edges = edgesOf(edgesOfFile.get(fact.line), fact.specifier);
      if (!edges) continue;
      if (edges.every((e) => e.to !== null) && fact.names.length === 0) continue; // resolved, no names to check
      for (const edge of edges) {
        if (edge.to !== null) continue;
        const failure = python
          ? classifyPythonImport(edge, { env: python, files: fileSet, facts: input.facts })
          : classifyJavaScriptImport(edge, { env: javascript!, verdictOf: (f) => verdicts.get(f), caseTwin: edges.find((e) => e.via === CASE_TWIN)?.to ?? undefined });
        if (failure) add(record.path, language, fact, edge, failure);
      }
      const missing = python ? missingPythonNames(fact, edges, nameContext) : missingJavaScriptNames(fact, edges, nameContext);
      for (const failure of missing) add(record.path, language, fact, edges[0], failure);
    }
  }

  classified.sort((a, b) => compareFindings(a.finding, b.finding));
  const { rootCauses, causesByFile } = buildRootCauses(classified, buildLoadGraph(input.files, input.edges));
  const counts = Object.fromEntries(IMPORT_BUCKETS.map((b) => [b, 0])) as Record<ImportBucket, number>;
  for (const c of classified) counts[c.finding.bucket]++;
  return {
    section: { environment: input.environment, findings: classified.map((c) => c.finding), rootCauses, counts },
    causesByFile,
  };
};
