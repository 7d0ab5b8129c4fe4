/**
 * Duplicate fingerprints on a second thread while the main thread extracts. On two cores a tree
 * under 128 MB is extracted on the main thread (pool.ts), and for `census dupes` fingerprinting is
 * about as much work again (payload: 2–2.5 s beside 2.5–3 s of extraction); one worker that only
 * fingerprints runs beside it. The main thread reads and decodes each file once and posts the text
 * (a copy, no second read); the worker loads the fingerprint modules alone, not the registry and extractors.
 * Same fingerprints as inline, file for file (the same function on the same text); a worker that
 * dies leaves its files to be fingerprinted again on the main thread.
 */
import { Worker } from 'node:worker_threads';
import { tokenModeOf, type FingerprintOptions } from '../analyses/duplicates/fingerprint.js';
import type { Language } from '../model/file.js';
import { fingerprintCrash, scanFile, type FingerprintHandOff, type ScannedFile, type ScanOptions, type ScanRequest } from './scan-file.js';
import type { FingerprintAnswer, FingerprintJob } from './fingerprint-worker.js';

/** Texts are posted in batches: one message per file would cost more than small files' fingerprints. */
const BATCH_FILES = 64;
const BATCH_CHARS = 1_000_000;

interface Pending {
  result: ScannedFile;
  request: ScanRequest;
  /** Where the crash warning goes among the file's diagnostics, as inline fingerprinting puts it. */
  at: number;
}

export interface FingerprintThread {
  /** scanFile's hand-off for the file being scanned (`request`). */
  handOff: (request: ScanRequest) => FingerprintHandOff;
  /** Waits for every handed-off file's fingerprint and sets it on the file. */
  finish: () => Promise<void>;
}

const WORKER_ENTRY = new URL('./fingerprint-worker.js', import.meta.url);

/** `entry` is the worker's module; tests name one that dies to see the main thread take over. */
export const startFingerprintThread = (options: ScanOptions & { fingerprint: FingerprintOptions }, entry: URL = WORKER_ENTRY): FingerprintThread => {
  const worker = new Worker(entry, { workerData: options.fingerprint });
  const pending: Pending[] = [];
  let answered = 0;
  let batch: FingerprintJob[] = [];
  let batchChars = 0;
  let failed = false;
  let ended: () => void = () => {};
  const end = new Promise<void>((resolve) => (ended = resolve));

  const flush = () => {
    if (batch.length === 0 || failed) return;
    worker.postMessage(batch);
    batch = [];
    batchChars = 0;
  };
  const apply = (answer: FingerprintAnswer) => {
    const p = pending[answered++];
    if ('fingerprint' in answer) p.result.fingerprint = answer.fingerprint;
    else p.result.diagnostics.splice(p.at, 0, fingerprintCrash(p.result.record.path, new Error(answer.error)));
  };
  worker.on('message', (message: FingerprintAnswer[] | 'end') => {
    if (message === 'end') ended();
    else for (const answer of message) apply(answer);
  });
  const fail = () => {
    failed = true;
    ended();
  };
  worker.on('error', fail);
  worker.on('exit', fail);

  return {
    handOff: (request) => (result: ScannedFile, text: string, language: Language, code: string) => {
      pending.push({ result, request, at: result.diagnostics.length });
      const mode = tokenModeOf(language);
      batch.push(code === text ? { path: result.record.path, text, mode } : { path: result.record.path, text, mode, code });
      batchChars += text.length;
      if (batch.length >= BATCH_FILES || batchChars >= BATCH_CHARS) flush();
    },
    finish: async () => {
      flush();
      if (!failed) worker.postMessage(null);
      await end;
      worker.removeListener('exit', fail);
      await worker.terminate();
      // What the worker did not answer (it died: out of memory, a bug) is fingerprinted here, read again.
      for (const p of pending.slice(answered)) {
        const again = scanFile(p.request, options);
        if (again.fingerprint) p.result.fingerprint = again.fingerprint;
        const crash = again.diagnostics.find((d) => d.id === 'duplicates/crash');
        if (crash) p.result.diagnostics.splice(p.at, 0, crash);
      }
      answered = pending.length;
    },
  };
};
