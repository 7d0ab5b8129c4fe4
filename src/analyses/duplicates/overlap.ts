/**
 * Possible cross-language overlap: TF-IDF cosine over subject words (split identifiers, comments,
 * docstrings, file names) between files of different language families. Only pairs that share a
 * reasonably rare term are scored, through an inverted index term → files.
 */
import { byString } from '../../util/compare.js';
import type { FileFingerprint } from './fingerprint-text.js';

export interface OverlapFile {
  index: number;
  /** The language family (languages/registry.ts familyOf). */
  family: string;
  fp: FileFingerprint;
}

export interface OverlapPair {
  a: number;
  b: number;
  cosine: number;
  sharedTerms: string[];
}

// Overlap is across families: JavaScript and TypeScript are one, so a .js and a .ts copy are near-duplicates, not overlap.

/** Files with fewer distinct terms say too little to compare. */
const MIN_TERMS = 8;
/** A term in more files than this links too much to be evidence. */
const MAX_TERM_FILES = 50;
const MIN_SHARED_TERMS = 3;
const TERMS_SHOWN = 8;

interface Posting {
  file: number;
  weight: number;
  family: string;
}

export const findOverlaps = (files: OverlapFile[], minCosine: number, related: (a: number, b: number) => boolean): OverlapPair[] => {
  const usable = files.filter((f) => f.fp.terms.length >= MIN_TERMS);
  const familyOfFile = usable.map((f) => f.family);
  if (new Set(familyOfFile).size < 2) return [];

  // Each distinct term gets an id, in order of first appearance, so each occurrence costs one
  // map lookup; a term whose files are all of one family can link no pair and gets no postings.
  const idOf = new Map<string, number>();
  const df: number[] = [];
  const firstFamily: string[] = [];
  const mixed: boolean[] = [];
  const termIdsOf = usable.map((f, u) => {
    const ids = new Uint32Array(f.fp.terms.length);
    const family = familyOfFile[u];
    for (let i = 0; i < ids.length; i++) {
      const t = f.fp.terms[i];
      let id = idOf.get(t);
      if (id === undefined) {
        idOf.set(t, (id = df.length));
        df.push(0);
        firstFamily.push(family);
        mixed.push(false);
      }
      df[id]++;
      if (firstFamily[id] !== family) mixed[id] = true;
      ids[i] = id;
    }
    return ids;
  });
  const n = usable.length;
  // Smoothed idf: in a two-file repo a shared term still counts.
  const weightOf = (u: number, i: number): number => (1 + Math.log(usable[u].fp.termCounts[i])) * Math.log(1 + n / df[termIdsOf[u][i]]);
  // A file's weights and their norm, computed for the files some pair needs.
  const weighted: ({ w: Float64Array; norm: number } | undefined)[] = new Array(n);
  const weightsOf = (u: number): { w: Float64Array; norm: number } => {
    let found = weighted[u];
    if (found) return found;
    const w = new Float64Array(termIdsOf[u].length);
    let norm = 0;
    for (let i = 0; i < w.length; i++) {
      w[i] = weightOf(u, i);
      norm += w[i] * w[i];
    }
    weighted[u] = found = { w, norm: Math.sqrt(norm) };
    return found;
  };

  const postings: Posting[][] = [];
  for (let u = 0; u < n; u++) {
    const ids = termIdsOf[u];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!mixed[id] || df[id] > MAX_TERM_FILES) continue;
      (postings[id] ??= []).push({ file: u, weight: weightOf(u, i), family: familyOfFile[u] });
    }
  }
  const dot = new Map<number, number>();
  // Terms in order of first appearance: each pair's products are summed in the same order as ever.
  for (const list of postings) {
    if (list === undefined) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        if (list[x].family === list[y].family) continue;
        const key = list[x].file * n + list[y].file;
        dot.set(key, (dot.get(key) ?? 0) + list[x].weight * list[y].weight);
      }
    }
  }

  const pairs: OverlapPair[] = [];
  for (const [key, product] of dot) {
    const ua = Math.floor(key / n);
    const ub = key % n;
    const wa = weightsOf(ua);
    const wb = weightsOf(ub);
    const cosine = product / (wa.norm * wb.norm);
    if (cosine < minCosine) continue;
    const fa = usable[ua];
    const fb = usable[ub];
    if (related(fa.index, fb.index)) continue;
    const shared = sharedTerms(fa.fp, wa.w, fb.fp, wb.w);
    if (shared.length < MIN_SHARED_TERMS) continue;
    pairs.push({ a: fa.index, b: fb.index, cosine, sharedTerms: shared.slice(0, TERMS_SHOWN) });
  }
  return pairs;
};

/** Shared terms, strongest contribution to the cosine first. */
const sharedTerms = (a: FileFingerprint, wa: Float64Array, b: FileFingerprint, wb: Float64Array): string[] => {
  const out: { term: string; score: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const c = byString(a.terms[i], b.terms[j]);
    if (c === 0) out.push({ term: a.terms[i], score: wa[i++] * wb[j++] });
    else if (c < 0) i++;
    else j++;
  }
  return out.sort((x, y) => y.score - x.score || byString(x.term, y.term)).map((t) => t.term);
};
