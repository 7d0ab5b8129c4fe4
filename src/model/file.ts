/** The inventory's record of one file: its language, size, lines, hash and, for source files, its verdict. */
import type { RunnableMarker } from './facts.js';
import type { Verdict } from './verdict.js';

/**
 * Languages census knows: each but `other` has one record in src/languages/registry.ts, which says
 * what the language is (source, docs or wiring) and how it is read; the compiler holds the two to
 * each other.
 */
export type Language =
  | 'python'
  | 'javascript'
  | 'typescript'
  | 'shell'
  | 'markdown'
  | 'mdx'
  | 'rst'
  | 'text'
  | 'json'
  | 'yaml'
  | 'toml'
  | 'ini'
  | 'dockerfile'
  | 'makefile'
  | 'systemd'
  | 'procfile'
  | 'crontab'
  | 'html'
  | 'css'
  | 'vue'
  | 'svelte'
  | 'astro'
  | 'marko'
  | 'tsrx'
  | 'other';

export interface FileRecord {
  /** Repo-relative POSIX path. */
  path: string;
  language: Language;
  bytes: number;
  lines: number;
  /** Lines that are neither blank nor comment-only. */
  codeLines: number;
  /** sha256 of the content, hex, first 16 chars. */
  hash: string;
  executable: boolean;
  /** True when the file is a symlink (its target is what was read). */
  symlink?: boolean;
  summary?: string;
  runnable?: RunnableMarker[];
  complexity?: number;
  /** Last commit date touching the file (ISO date, from git), when known. */
  lastChange?: string;
  /** Set for source files once verdicts are computed. */
  verdict?: Verdict;
  /** The evidence chain for the verdict, first hop first, one readable sentence each. */
  evidence?: string[];
  /** True when the file could not be read or parsed fully (see warnings). */
  incomplete?: boolean;
}
