/**
 * Maps each file's evidence sentences back to the edges they were written from, so the page can
 * highlight the same chain `census why` prints without re-deriving it: a hop sentence is the
 * label of the edge it crossed (classify writes them that way), and the first sentence names the
 * root entry or docs mention.
 */
import type { Edge } from '../../model/edge.js';
import { aboutFile } from '../../util/sentences.js';

/** The sentence classify writes for a hop along `edge` (kept in step with src/classify/verdicts.ts). */
export const hopSentence = (edge: Pick<Edge, 'from' | 'line' | 'kind' | 'label'> & { to: string }): string => {
  if (edge.label) return edge.label;
  const verb = edge.kind === 'exec' ? 'run by' : edge.kind === 'reference' ? 'named in' : 'imported by';
  return aboutFile(edge.to, `${verb} ${edge.from}:${edge.line}`);
};

/** An edge as the page indexes it: its position, endpoints and the sentence it stands for. */
export interface IndexedEdge {
  index: number;
  from: string;
  to: string;
  sentence: string;
}

export interface MatchedChain {
  /** Per evidence sentence, the index of the edge it describes, or null for a plain sentence. */
  hops: (number | null)[];
  /** The file the chain starts from (the file itself when there are no hops). */
  rootFile: string;
}

/**
 * Walks `evidence` backwards from `file`: each hop sentence must be the sentence of an edge into
 * the current file. Trailing notes ("last commit ...") match nothing and stay plain sentences;
 * the first sentence is always the root, never a hop.
 */
export const matchChain = (file: string, evidence: readonly string[], incoming: ReadonlyMap<string, IndexedEdge[]>): MatchedChain => {
  const hops: (number | null)[] = evidence.map(() => null);
  let current = file;
  let matchedAny = false;
  for (let i = evidence.length - 1; i >= 1; i--) {
    const edge = (incoming.get(current) ?? []).find((e) => e.sentence === evidence[i]);
    if (!edge) {
      if (matchedAny) break;
      continue;
    }
    hops[i] = edge.index;
    current = edge.from;
    matchedAny = true;
  }
  return { hops, rootFile: current };
};

/** The edge into `rootFile` (from `rootEdges`: entries and docs mentions) that the root sentence describes, or -1. */
export const findChainRoot = (rootSentence: string, rootFile: string, rootEdges: ReadonlyMap<string, IndexedEdge[]>): number => {
  // An entry's sentence is its evidence; the root sentence says it of the file (util/sentences.ts).
  const edge = (rootEdges.get(rootFile) ?? []).find((e) => e.sentence === rootSentence || (rootSentence.startsWith(`${rootFile} is `) && rootSentence.endsWith(` ${e.sentence}`)));
  return edge ? edge.index : -1;
};
