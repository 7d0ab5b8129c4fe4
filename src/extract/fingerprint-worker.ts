/** Worker entry: fingerprints the texts extract/fingerprint-thread.ts posts, in order; `null` asks for an 'end' once all are answered. */
import { parentPort, workerData } from 'node:worker_threads';
// fingerprint-text, not fingerprint: the worker never loads the language registry (the extractors and their parsers).
import { fingerprintText, type FileFingerprint, type FingerprintOptions } from '../analyses/duplicates/fingerprint-text.js';
import type { TokenMode } from '../analyses/duplicates/keywords.js';

export interface FingerprintJob {
  path: string;
  text: string;
  /** The tokenizer mode of the file's language (fingerprint.ts tokenModeOf). */
  mode: TokenMode;
  /** The code alone when the file mixes code and markup; absent: the whole text. */
  code?: string;
}

export type FingerprintAnswer = { fingerprint: FileFingerprint } | { error: string };

const options = workerData as FingerprintOptions;

/** The typed arrays move to the main thread instead of being copied (each has a buffer of its own). */
const buffersOf = (fp: FileFingerprint): ArrayBuffer[] =>
  [fp.tokenHashes, fp.winnowHashes, fp.winnowPositions, fp.lineTokenStarts, fp.lineNumbers, fp.termCounts].map((a) => a.buffer as ArrayBuffer);

parentPort?.on('message', (jobs: FingerprintJob[] | null) => {
  if (jobs === null) {
    parentPort?.postMessage('end');
    return;
  }
  const answers: FingerprintAnswer[] = [];
  const transfer = new Set<ArrayBuffer>();
  for (const job of jobs) {
    try {
      const fingerprint = fingerprintText(job.path, job.text, job.mode, options, job.code ?? job.text);
      answers.push({ fingerprint });
      for (const b of buffersOf(fingerprint)) transfer.add(b);
    } catch (e) {
      answers.push({ error: (e as Error).message });
    }
  }
  parentPort?.postMessage(answers, [...transfer]);
});
