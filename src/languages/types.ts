import type { FileFacts } from '../model/facts.js';
import type { Language } from '../model/file.js';

/**
 * A language extractor: turns one file's text into FileFacts. Pure and worker-safe:
 * it must never throw (problems go into facts.diagnostics) and never touch the disk.
 */
export interface LanguageExtractor {
  language: Language;
  /** Bump when the output for the same text changes: part of the cache key. */
  version: number;
  extract(path: string, text: string): FileFacts;
}
