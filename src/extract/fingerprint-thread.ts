/**
 * Duplicate fingerprints on a second thread while the main thread extracts. On two cores a tree
 * under 128 MB is extracted on the main thread (pool.ts), and for `census dupes` fingerprinting is
 * about as much work again (payload: 2–2.5 s beside 2.5–3 s of extraction); one worker that only
 * fingerprints runs beside it. The main thread reads and decodes each file once and posts the text
 * (a copy, no second read); the worker loads the fingerprint modules alone, not the registry and extractors.
 * Same fingerprints as inline, file for file (the same function on the same text); a worker that
 * dies leaves its files to be fingerprinted again on the main thread.
 *
 * Holding (`hold`, census dupes without the facts cache): the fingerprints stay on the worker, which
 * groups them (analyses/duplicates/group.ts) when `group` asks, while the main thread resolves and
 * classifies; nothing is copied back. The worker lives until `close` (or its answer is lost with it).
 */
import { Worker } from 'node:worker_threads';
import { FINGERPRINT_WORKER } from '../own-files.js';
import { tokenModeOf, type FingerprintOptions } from '../analyses/duplicates/fingerprint.js';
import type { Language } from '../model/file.js';
import { fingerprintCrash, scanFile, type FingerprintHandOff, type ScannedFile, type ScanOptions, type ScanRequest } from './scan-file.js';
import type { FingerprintAnswer, FingerprintJob, FingerprintWorkerData, GroupAnswer, GroupJob } from './fingerprint-worker.js';

/** Texts are posted in batches: one message per file would cost more than small files' fingerprints. */
const BATCH_FILES = 64;
const BATCH_CHARS = 1_000_000;

interface Pending {
  result: ScannedFile;
  request: ScanRequest;
  /** Where the crash warning goes among the file's diagnostics, as inline fingerprinting puts it. */
  at: number;
  /** The worker holds its fingerprint. */
  held?: boolean;
}

export interface FingerprintThread {
  /** scanFile's hand-off for the file being scanned (`request`). */
  handOff: (request: ScanRequest) => FingerprintHandOff;
  /** Waits for every handed-off file's fingerprint and sets it on the file (when holding: only sends the last batch). */
  finish: () => Promise<void>;
  /** Whether the worker holds the fingerprints (asked to, and alive after `finish`). */
  holding: () => boolean;
  /** Groups the held fingerprints on the worker; null if it died (`recover` then puts the fingerprints on the files). */
  group: (request: GroupJob['group']) => Promise<Extract<GroupAnswer, { grouped: unknown }>['grouped'] | null>;
  /** Fingerprints every file the worker held again on the main thread (after it died). */
  recover: () => void;
  /** Ends the worker. */
  close: () => Promise<void>;
}

/** `entry` is the worker's module; tests name one that dies to see the main thread take over. */
export const startFingerprintThread = (options: ScanOptions & { fingerprint: FingerprintOptions }, entry: URL = FINGERPRINT_WORKER, hold = false): FingerprintThread => {
  const data: FingerprintWorkerData = { options: options.fingerprint, hold };
  const worker = new Worker(entry, { workerData: data });
  const pending: Pending[] = [];
  let answered = 0;
  let batch: FingerprintJob[] = [];
  let batchChars = 0;
  let failed = false;
  let ended: () => void = () => {};
  const end = new Promise<void>((resolve) => (ended = resolve));
  let grouped: ((answer: GroupAnswer | null) => void) | null = null;

  const flush = () => {
    if (batch.length === 0 || failed) return;
    worker.postMessage(batch);
    batch = [];
    batchChars = 0;
  };
  const apply = (answer: FingerprintAnswer) => {
    const p = pending[answered++];
    if ('fingerprint' in answer) p.result.fingerprint = answer.fingerprint;
    else if ('held' in answer) p.held = true;
    else p.result.diagnostics.splice(p.at, 0, fingerprintCrash(p.result.record.path, new Error(answer.error)));
  };
  worker.on('message', (message: FingerprintAnswer[] | GroupAnswer | 'end') => {
    if (message === 'end') ended();
    else if (Array.isArray(message)) for (const answer of message) apply(answer);
    else grouped?.(message);
  });
  const fail = () => {
    failed = true;
    ended();
    grouped?.(null);
  };
  /** Fingerprints on the main thread, read again: what the worker did not answer, or (`all`) also what it held. */
  const again = (all: boolean) => {
    for (let i = all ? 0 : answered; i < pending.length; i++) {
      const p = pending[i];
      if (i < answered && !p.held) continue;
      const scanned = scanFile(p.request, options);
      if (scanned.fingerprint) p.result.fingerprint = scanned.fingerprint;
      const crash = scanned.diagnostics.find((d) => d.id === 'duplicates/crash');
      if (crash) p.result.diagnostics.splice(p.at, 0, crash);
      p.held = false;
    }
    answered = pending.length;
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
      if (hold && !failed) {
        // The main thread goes on while the worker fingerprints the last batches: their answers (crash
        // warnings) arrive before the grouping's, which the pipeline awaits before it gathers warnings.
        // The worker stays for the grouping, but does not keep the process alive.
        worker.unref();
        return;
      }
      await end;
      worker.removeListener('exit', fail);
      await worker.terminate();
      // What the worker did not answer (it died: out of memory, a bug) is fingerprinted here, read again;
      // a holding worker's fingerprints died with it.
      again(hold);
    },
    holding: () => hold && !failed,
    group: async (request) => {
      if (failed) return null;
      // Awaited alone, the answer must keep the process alive.
      worker.ref();
      const answer = await new Promise<GroupAnswer | null>((resolve) => {
        grouped = resolve;
        const job: GroupJob = { group: request };
        worker.postMessage(job);
      });
      grouped = null;
      worker.unref();
      return answer && 'grouped' in answer ? answer.grouped : null;
    },
    recover: () => again(true),
    close: async () => {
      worker.removeAllListeners();
      worker.on('error', () => {});
      await worker.terminate();
    },
  };
};
