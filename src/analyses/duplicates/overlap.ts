/**
 * Possible cross-language overlap: TF-IDF cosine over subject words (split identifiers, comments,
 * docstrings, file names) between files of different language families. Only pairs that share a
 * reasonably rare term are scored, through an inverted index term → files.
 */
import type { Language } from '../../model/file.js';
import { familyOf } from '../../languages/registry.js';
import { byString } from '../../util/compare.js';
import type { FileFingerprint } from './fingerprint.js';

export interface OverlapFile {
  index: number;
  language: Language;
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

export const findOverlaps = (files: OverlapFile[], minCosine: number, related: (a: number, b: number) => boolean): OverlapPair[] => {
  const usable = files.filter((f) => f.fp.terms.length >= MIN_TERMS);
  const families = new Set(usable.map((f) => familyOf(f.language)));
  if (families.size < 2) return [];

  const df = new Map<string, number>();
  for (const f of usable) for (const t of f.fp.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = usable.length;
  const weightsOf = usable.map((f) => {
    const w = new Float64Array(f.fp.terms.length);
    let norm = 0;
    f.fp.terms.forEach((t, i) => {
      // Smoothed idf: in a two-file repo a shared term still counts.
      w[i] = (1 + Math.log(f.fp.termCounts[i])) * Math.log(1 + n / df.get(t)!);
      norm += w[i] * w[i];
    });
    return { w, norm: Math.sqrt(norm) };
  });

  const postings = new Map<string, { file: number; weight: number; family: string }[]>();
  usable.forEach((f, u) => {
    f.fp.terms.forEach((t, i) => {
      const count = df.get(t)!;
      if (count < 2 || count > MAX_TERM_FILES) return;
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push({ file: u, weight: weightsOf[u].w[i], family: familyOf(f.language) });
    });
  });
  const dot = new Map<number, number>();
  for (const list of postings.values()) {
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
    const cosine = product / (weightsOf[ua].norm * weightsOf[ub].norm);
    if (cosine < minCosine) continue;
    const fa = usable[ua];
    const fb = usable[ub];
    if (related(fa.index, fb.index)) continue;
    const shared = sharedTerms(fa.fp, weightsOf[ua].w, fb.fp, weightsOf[ub].w);
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
