/** Audit → PageData: the compact projection the HTML page embeds (see page-data.ts). */
import type { Audit } from '../../model/audit.js';
import type { FileRecord } from '../../model/file.js';
import { evidenceParts } from '../evidence-parts.js';
import { findChainRoot, hopSentence, matchChain, type IndexedEdge } from './chain-edges.js';
import { MAX_WARNINGS, pageDuplicates, pageImports, pageRuntime } from './page-sections.js';
import {
  FLAG_EXECUTABLE,
  FLAG_INCOMPLETE,
  FLAG_LOADED,
  PAGE_EDGE_KINDS,
  type PageData,
  type PageEdge,
  type PageEntry,
  type PageFile,
} from './page-data.js';

const KIND_INDEX = new Map<string, number>(PAGE_EDGE_KINDS.map((k, i) => [k, i]));
const ENTRY_KIND = KIND_INDEX.get('entry')!;
const DOC_KIND = KIND_INDEX.get('doc-mention')!;

/** Strings shared by many files (chain roots, dead-file explanations) are stored once. */
const sentenceTable = () => {
  const sentences: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = sentences.length;
      sentences.push(s);
      index.set(s, i);
    }
    return -i - 1;
  };
  return { sentences, ref };
};

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);

const toPageFile = (f: FileRecord, loaded: ReadonlySet<string>): PageFile => [
  f.path,
  f.language,
  f.lines,
  f.codeLines,
  f.verdict ?? '',
  f.summary ?? '',
  f.lastChange ?? '',
  (f.executable ? FLAG_EXECUTABLE : 0) | (f.incomplete ? FLAG_INCOMPLETE : 0) | (loaded.has(f.path) ? FLAG_LOADED : 0),
];

/** `{ key: value }`, or nothing when the Audit has no such section (the page then hides its panel). */
const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

export const buildPageData = (audit: Audit): PageData => {
  const fileIndex = new Map(audit.files.map((f, i) => [f.path, i]));
  const loaded = new Set(audit.runtime?.loaded ?? []);
  const edges: PageEdge[] = [];
  /** The sentence of every page edge, by index; only those a chain uses are embedded (labels). */
  const sentenceOf: string[] = [];
  const hopIncoming = new Map<string, IndexedEdge[]>();
  const rootIncoming = new Map<string, IndexedEdge[]>();
  const addEdge = (from: string, to: string, kind: number, line: number, sentence: string): IndexedEdge => {
    const indexed = { index: edges.length, from, to, sentence };
    edges.push([fileIndex.get(from)!, fileIndex.get(to)!, kind, line]);
    sentenceOf.push(sentence);
    return indexed;
  };

  for (const e of audit.edges) {
    const kind = KIND_INDEX.get(e.kind);
    if (e.to === null || e.to === e.from || kind === undefined || !fileIndex.has(e.from) || !fileIndex.has(e.to)) continue;
    push(kind === DOC_KIND ? rootIncoming : hopIncoming, e.to, addEdge(e.from, e.to, kind, e.line, hopSentence({ from: e.from, to: e.to, kind: e.kind, line: e.line, label: e.label })));
  }

  const labels: Record<string, string> = {};
  const entries: PageEntry[] = [];
  for (const entry of audit.entries) {
    if (entry.file === null || !fileIndex.has(entry.file)) continue;
    const source = fileIndex.get(entry.source) ?? -1;
    entries.push([fileIndex.get(entry.file)!, source, entry.kind, entry.evidence, entry.line ?? 0, entry.command ?? '']);
    if (source === -1 || entry.source === entry.file) continue;
    const edge = addEdge(entry.source, entry.file, ENTRY_KIND, entry.line ?? 0, entry.evidence);
    push(rootIncoming, entry.file, edge);
    labels[edge.index] = entry.evidence;
  }

  const { sentences, ref } = sentenceTable();
  const evidence: number[][] = [];
  const chainRoot: number[] = [];
  const chainSteps: number[] = [];
  for (const f of audit.files) {
    const said = f.evidence ?? [];
    chainSteps.push(evidenceParts(f).chain.length);
    if (said.length === 0 || f.verdict === undefined || f.verdict === 'dead') {
      evidence.push(said.map(ref));
      chainRoot.push(-1);
      continue;
    }
    const chain = matchChain(f.path, said, hopIncoming);
    evidence.push(said.map((s, i) => chain.hops[i] ?? ref(s)));
    const root = findChainRoot(said[0], chain.rootFile, rootIncoming);
    for (const edge of [...chain.hops, root]) if (edge !== null && edge >= 0) labels[edge] = sentenceOf[edge];
    chainRoot.push(root);
  }

  return {
    meta: {
      tool: audit.tool.name,
      version: audit.tool.version,
      root: audit.root,
      generatedAt: audit.generatedAt,
      commit: audit.git?.commit ?? null,
      branch: audit.git?.branch ?? null,
      dirty: audit.git?.dirty ?? false,
      schemaVersion: audit.schemaVersion,
    },
    edgeKinds: [...PAGE_EDGE_KINDS],
    totals: {
      files: audit.summary.files,
      sourceFiles: audit.summary.sourceFiles,
      edges: audit.summary.edges,
      unresolvedImports: audit.summary.unresolvedImports,
      warnings: audit.warnings.length,
    },
    files: audit.files.map((f) => toPageFile(f, loaded)),
    edges,
    labels,
    sentences,
    evidence,
    chainRoot,
    chainSteps,
    entries,
    ...optional('imports', pageImports(audit, fileIndex)),
    ...optional('duplicates', pageDuplicates(audit.duplicates)),
    ...optional('runtime', pageRuntime(audit)),
    warnings: audit.warnings
      .slice(0, MAX_WARNINGS)
      .map((w) => [w.id, w.severity, w.message, w.location?.file ?? '', w.location?.line ?? 0]),
  };
};
