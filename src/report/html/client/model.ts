/** The page's working model: PageData decoded once into objects with edge lists per file. */
import type { PageData } from '../page-data.js';

export interface ClientFile {
  index: number;
  path: string;
  dir: string;
  name: string;
  language: string;
  lines: number;
  codeLines: number;
  /** The verdict, or `other` for files that get none (configs, docs, manifests). */
  verdict: string;
  summary: string;
  lastChange: string;
  flags: number;
  incoming: number[];
  outgoing: number[];
  /** Hops from its chain's root (0 = a root or a wiring file), or -1 for dead files. */
  depth: number;
}

export interface ClientEdge {
  index: number;
  from: number;
  to: number;
  kind: string;
  line: number;
}

export interface Model {
  data: PageData;
  files: ClientFile[];
  edges: ClientEdge[];
  byPath: Map<string, number>;
  languages: string[];
  /** Every folder that holds a file, '' excluded, sorted. */
  folders: string[];
}

/** Bit flags of PageFile (page-data.ts FLAG_*; a unit test keeps them equal). */
export function fileFlags(): { executable: number; incomplete: number; loaded: number } {
  return { executable: 1, incomplete: 2, loaded: 4 };
}

export function verdictNames(): string[] {
  return ['production', 'tooling', 'test', 'documented', 'manual', 'dead'];
}

export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function buildModel(data: PageData): Model {
  const files: ClientFile[] = data.files.map((f, index) => ({
    index,
    path: f[0],
    dir: dirOf(f[0]),
    name: f[0].slice(f[0].lastIndexOf('/') + 1),
    language: f[1],
    lines: f[2],
    codeLines: f[3],
    verdict: f[4] || 'other',
    summary: f[5],
    lastChange: f[6],
    flags: f[7],
    incoming: [],
    outgoing: [],
    depth: 0,
  }));
  const edges: ClientEdge[] = data.edges.map((e, index) => ({ index, from: e[0], to: e[1], kind: data.edgeKinds[e[2]] ?? 'import', line: e[3] }));
  for (const e of edges) {
    files[e.from].outgoing.push(e.index);
    files[e.to].incoming.push(e.index);
  }
  const folders = new Set<string>();
  for (const f of files) {
    f.depth = f.verdict === 'dead' ? -1 : (data.evidence[f.index] ?? []).filter((n) => n >= 0).length;
    for (let dir = f.dir; dir && !folders.has(dir); dir = dirOf(dir)) folders.add(dir);
  }
  const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    data,
    files,
    edges,
    byPath: new Map(files.map((f) => [f.path, f.index])),
    languages: [...new Set(files.map((f) => f.language))].sort(byString),
    folders: [...folders].sort(byString),
  };
}

/** The sentence for an edge: its label when the page has it, else what classify would write. */
export function edgeSentence(model: Model, edgeIndex: number): string {
  const label = model.data.labels[String(edgeIndex)];
  if (label !== undefined) return label;
  const e = model.edges[edgeIndex];
  const from = `${model.files[e.from].path}:${e.line}`;
  if (e.kind === 'exec') return `run by ${from}`;
  if (e.kind === 'reference') return `named in ${from}`;
  if (e.kind === 'doc-mention') return `referenced in ${from}`;
  if (e.kind === 'entry') return `entry point in ${from}`;
  return `imported by ${from}`;
}

export interface EvidenceItem {
  text: string;
  /** The edge a hop crossed, or -1 for a plain sentence. */
  edge: number;
  /**
   * A step of the chain after its root, drawn with an arrow: by chainSteps (evidence-parts' split, as
   * `census why` draws them), not by whether the sentence matched an edge (an unmatched hop is a step too).
   */
  hop: boolean;
}

export function evidenceOf(model: Model, fileIndex: number): EvidenceItem[] {
  const steps = model.data.chainSteps[fileIndex] ?? 0;
  return (model.data.evidence[fileIndex] ?? []).map((n, k) =>
    n >= 0 ? { text: edgeSentence(model, n), edge: n, hop: k > 0 && k < steps } : { text: model.data.sentences[-n - 1] ?? '', edge: -1, hop: k > 0 && k < steps },
  );
}

/** The files and edges of a file's evidence chain, root first (the same chain as `census why`). */
export function chainOf(model: Model, fileIndex: number): { files: number[]; edges: number[] } {
  const edges = (model.data.evidence[fileIndex] ?? []).filter((n) => n >= 0);
  const root = model.data.chainRoot[fileIndex] ?? -1;
  if (root >= 0) edges.unshift(root);
  const files: number[] = [];
  for (const e of edges) for (const f of [model.edges[e].from, model.edges[e].to]) if (!files.includes(f)) files.push(f);
  if (!files.includes(fileIndex)) files.push(fileIndex);
  return { files, edges };
}
