/**
 * JS/TS texts extraction decoded on the main thread, kept for the framework readers and entry
 * detectors, which read a few thousand of them again through the repo reader (payload: 2,165 files,
 * 13 M characters, about 230 ms of CPU from disk: an open, stat, read and close and a UTF-8 decode
 * each); and JSON and YAML texts, which the manifest store reads (payload: 354 JSON and 54 YAML
 * files, 4.1 M characters, 30-40 ms from disk). A text is kept only as `fs.readFileSync(path, 'utf8')` would answer it (scan-file.ts hands
 * over plain UTF-8 alone), and the reader takes it only after its own checks, so what a reader sees
 * does not change; a text not kept is read from disk as before.
 */
import type { ScannedFile } from './scan-file.js';

/**
 * A text holding one of the words readers pre-test (facts textMarks) is what those readers read;
 * beside them, the payload reader walks configs' imports into small collection and field modules
 * (payload: 1,070 unmarked files read, 999 of them up to 4 KB). The rest (payload: 4,800 unmarked
 * texts, 13 M characters, nothing reads again) would only be promoted through the young
 * generation and fill the heap.
 */
const UNMARKED_MAX_CHARS = 4096;

export interface KeptTexts {
  keep(result: ScannedFile, text: string): void;
  /** The kept text of a repo path, until released. */
  get(path: string): string | undefined;
  /** Lets every kept text go: later stages read from disk (or the manifest store's own copy). */
  release(): void;
}

export const keptTexts = (): KeptTexts => {
  let texts: Map<string, string> | null = new Map();
  return {
    keep: (result, text) => {
      if (texts === null) return;
      const language = result.record.language;
      // Manifests and configs: most are read again (payload: 408 of 487, and the unread ones are small).
      if (language === 'json' || language === 'yaml') {
        texts.set(result.record.path, text);
        return;
      }
      if (language !== 'javascript' && language !== 'typescript') return;
      const marks = result.facts?.textMarks;
      if (text.length > UNMARKED_MAX_CHARS && marks !== undefined && marks.length === 0) return;
      texts.set(result.record.path, text);
    },
    get: (path) => texts?.get(path),
    release: () => {
      texts = null;
    },
  };
};
