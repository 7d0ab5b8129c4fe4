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
import { lazyImportLoadGraph, neverRuns, runsAtLoad } from './cascade.js';
import { classifyJavaScriptImport } from './javascript.js';
import { CASE_TWIN } from '../../graph/import-edges.js';
import type { JavaScriptEnvironment } from './javascript-env.js';
import { missingJavaScriptNames, missingPythonNames, type NameCheckContext } from './missing-names.js';
import { classifyPythonImport, type PythonTriageContext } from './python.js';
import { buildRootCauses, type ClassifiedFinding } from './root-causes.js';
import type { Failure } from './types.js';
import { StatementEdges, inStatementOrder } from './statement-edges.js';

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

/** Whether a file's import edges are in line order (the pipeline's are: it sorts every edge by file, then line). */
const inLineOrder = (edges: readonly Edge[]): boolean => {
  for (let i = 1; i < edges.length; i++) if (edges[i - 1].line > edges[i].line) return false;
  return true;
};

/**
 * File → its import edges, in the order given (the pipeline's: by file, then line); a statement's
 * edges are found by its line, then specifier. A map per file of lists per line was most of the
 * triage's time on payload (a Map and an array per line of 30,000 edges), and 9.1 MB on saleor
 * with a third level. Consecutive edges of one file (all of them, in the pipeline's order) take
 * one lookup. A function of its own: as a loop at the head of triageImports it was what V8
 * optimized first (payload's 30,000 edges), with the files' loop after it not yet run, so the
 * optimized code was thrown away as soon as the loop ended (a recompile of all of triageImports).
 */
const importEdgesByFile = (edges: readonly Edge[]): Map<string, Edge[]> => {
  const groups = new Map<string, Edge[]>();
  let lastFrom: string | undefined;
  let ofFile: Edge[] = [];
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (!IMPORT_KINDS.has(e.kind)) continue;
    if (e.from !== lastFrom) {
      lastFrom = e.from;
      const known = groups.get(e.from);
      if (known) ofFile = known;
      else groups.set(e.from, (ofFile = []));
    }
    ofFile.push(e);
  }
  return groups;
};

/** Whether every edge of a statement resolved. */
const allResolved = (edges: readonly Edge[]): boolean => {
  for (let i = 0; i < edges.length; i++) if (edges[i].to === null) return false;
  return true;
};

/** A file whose imports are triaged: its import facts and edges, and the environment of its ecosystem. */
interface FileToTriage {
  path: string;
  language: Language;
  python: PythonEnvironment | null;
  javascript: JavaScriptEnvironment | null;
  imports: ImportFact[];
  /** The file's verdict: what the JS classifier asks of an import's importer, which is this file. */
  verdict: FileRecord['verdict'];
  /** In line order (as listed within a line). */
  edgesOfFile: Edge[];
}

/**
 * The files to triage, in the order given: every finding of a file comes from that file's own
 * statements, and the findings are sorted at the end, so the order of files changes nothing. The
 * files' facts are read here, in a small loop of their own: they come in as many shapes as the
 * extractors give them optional fields (payload: 9), and read in classifyImports' loop, each shape
 * met after V8 had optimized that loop threw the whole of it away.
 */
const filesToTriage = (input: TriageInput, groups: Map<string, Edge[]>): FileToTriage[] => {
  const out: FileToTriage[] = [];
  const files = input.files;
  for (let i = 0; i < files.length; i++) {
    const record = files[i];
    const language = record.language;
    // Each ecosystem's imports are triaged against its own environment.
    const ecosystem = languageRecord(language)?.ecosystem;
    if (ecosystem === undefined) continue;
    const facts = input.facts.get(record.path);
    const edgesOfFile = groups.get(record.path);
    if (!facts || !edgesOfFile) continue;
    // A stable sort: the edges of a line stay as listed.
    if (!inLineOrder(edgesOfFile)) edgesOfFile.sort((a, b) => a.line - b.line);
    const python = ecosystem === 'python' ? input.python : null;
    const javascript = ecosystem === 'javascript' ? input.javascript : null;
    if (!python && !javascript) continue;
    out.push({ path: record.path, language, python, javascript, imports: facts.imports, verdict: record.verdict, edgesOfFile });
  }
  return out;
};

/**
 * Every finding of the files' statements, unsorted. Its own function for the reason
 * importEdgesByFile is: V8 optimizes this loop while it runs (payload's 7,000 files), and code
 * after it in the same function, not yet run, threw the optimized code away when the loop ended.
 */
const classifyImports = (
  input: TriageInput,
  groups: Map<string, Edge[]>,
  filesOf: () => Set<string>,
  nameContext: NameCheckContext,
): ClassifiedFinding[] => {
  const classified: ClassifiedFinding[] = [];
  const seen = new Set<string>();
  const add = (file: string, language: Language, fact: ImportFact, edge: Edge | null, failure: Failure): void => {
    const finding = toFinding(file, language, fact, edge, failure);
    const id = `${keyOf(file, finding.line, finding.specifier)}\0${finding.name ?? ''}`;
    if (seen.has(id)) return;
    seen.add(id);
    classified.push({ finding, failure });
  };

  // Built once, when the first Python edge is classified (a fresh context per edge was an object each).
  let pythonContext: PythonTriageContext | undefined;
  const toTriage = filesToTriage(input, groups);
  for (let f = 0; f < toTriage.length; f++) {
    const { path, language, python, javascript, imports, verdict, edgesOfFile } = toTriage[f];
    const lines = new StatementEdges(edgesOfFile, inStatementOrder(imports));
    for (let k = 0; k < imports.length; k++) {
      const fact = imports[k];
      const edges = lines.at(fact.line, fact.specifier);
      if (!edges) continue;
      // Another statement of the line with this specifier (a minified bundle's thousandth
      // `require('./m')`) classified these edges already: what they give is the same finding, kept
      // once; with no names, such a statement has nothing else to check.
      const first = lines.firstClassification(fact.line, fact.specifier);
      if (fact.names.length === 0 && (!first || allResolved(edges))) continue; // resolved, no names to check
      if (first) {
        const caseTwin = python ? undefined : (edges.find((e) => e.via === CASE_TWIN)?.to ?? undefined);
        for (let j = 0; j < edges.length; j++) {
          const edge = edges[j];
          if (edge.to !== null) continue;
          const failure = python
            ? classifyPythonImport(edge, (pythonContext ??= { env: python, files: filesOf(), facts: input.facts }))
            : classifyJavaScriptImport(edge, { env: javascript!, importerVerdict: verdict, caseTwin });
          if (failure) add(path, language, fact, edge, failure);
        }
      }
      const missing = python ? missingPythonNames(fact, edges, nameContext) : missingJavaScriptNames(fact, edges, nameContext);
      for (let j = 0; j < missing.length; j++) add(path, language, fact, edges[0], missing[j]);
    }
  }
  return classified;
};

export const triageImports = (input: TriageInput): TriageResult => {
  // Built when first asked: the Python classifier needs the file set, the Python name check the
  // folders (payload asks no Python question). The JS classifier's one question of a file other
  // than the import, its importer's verdict, is the verdict of the file triaged: every edge of a
  // file's group comes from it (a Map of every file's verdict was 4-5 ms CPU on payload).
  let fileSet: Set<string> | undefined;
  const filesOf = (): Set<string> => (fileSet ??= new Set(input.files.map((f) => f.path)));
  let dirs: Set<string> | undefined;
  const nameContext: NameCheckContext = {
    facts: input.facts,
    dirs: {
      has: (dir) => {
        if (dirs === undefined) {
          dirs = new Set();
          for (const f of filesOf()) dirs.add(dirname(f));
        }
        return dirs.has(dir);
      },
    },
    incomplete: new Set(input.files.filter((f) => f.incomplete).map((f) => f.path)),
    checkable: { python: new Map(), javascript: new Map() },
  };

  const groups = importEdgesByFile(input.edges);
  const classified = classifyImports(input, groups, filesOf, nameContext);
  classified.sort((a, b) => compareFindings(a.finding, b.finding));
  const { rootCauses, causesByFile } = buildRootCauses(classified, () => lazyImportLoadGraph(input.files, groups));
  const counts = Object.fromEntries(IMPORT_BUCKETS.map((b) => [b, 0])) as Record<ImportBucket, number>;
  for (const c of classified) counts[c.finding.bucket]++;
  return {
    section: { environment: input.environment, findings: classified.map((c) => c.finding), rootCauses, counts },
    causesByFile,
  };
};
