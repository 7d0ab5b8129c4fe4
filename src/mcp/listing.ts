/**
 * census_list and every other long answer: one filter over the Audit's files and one way to page,
 * so an agent asks for the next page with the `nextOffset` it was given.
 */
import type { Audit } from '../model/audit.js';
import type { Language } from '../model/file.js';
import type { Verdict } from '../model/verdict.js';
import { isUnder } from './paths.js';

export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
  /** The offset of the next page, null on the last one. */
  nextOffset: number | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export const page = <T>(all: T[], offset = 0, limit = DEFAULT_LIMIT): Page<T> => {
  const size = Math.max(1, Math.min(limit, MAX_LIMIT));
  const start = Math.max(0, offset);
  const items = all.slice(start, start + size);
  return { total: all.length, offset: start, limit: size, items, nextOffset: start + size < all.length ? start + size : null };
};

export interface ListedFile {
  path: string;
  language: Language;
  verdict?: Verdict;
  lines: number;
  summary?: string;
  /** The first sentence of the verdict's evidence. */
  evidence?: string;
}

export interface ListFilter {
  verdict?: Verdict;
  /** A repo folder ('' = all). */
  folder?: string;
  language?: Language;
}

/** The Audit's files (already sorted by path) that pass every filter given. */
export const listFiles = (audit: Audit, filter: ListFilter): ListedFile[] =>
  audit.files
    .filter((f) => (filter.verdict === undefined || f.verdict === filter.verdict) && (filter.language === undefined || f.language === filter.language) && isUnder(f.path, filter.folder ?? '', true))
    .map((f) => ({
      path: f.path,
      language: f.language,
      ...(f.verdict ? { verdict: f.verdict } : {}),
      lines: f.lines,
      ...(f.summary ? { summary: f.summary } : {}),
      ...(f.evidence && f.evidence.length > 0 ? { evidence: f.evidence[0] } : {}),
    }));
