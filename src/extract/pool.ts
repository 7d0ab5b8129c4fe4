/**
 * Runs scanFile over all files on the main thread and a worker pool: as many extraction threads
 * as cores (up to 8), the main thread one of them below the large-tree size. Small repos are scanned on the main thread
 * alone: starting workers (and loading the parsers in each) costs more than it saves. So are
 * mid-sized ones when only two threads are available: each worker compiles the extractors' hot
 * code cold (V8's compiler and garbage-collector threads run per isolate) while the other
 * competes for the same two cores. Measured on a 2-core machine one thread extracted 30–36 MB
 * trees faster than two (TypeScript 36 MB: 1.3 s against 1.5 s; Python 30 MB: 0.5 s against
 * 0.65 s); in CPU, what a shared machine pays, one thread costs far less on the real corpora too
 * (saleor, 59 MB: 2.7 s against 3.6 s; payload, 62 MB: 6.1 s against 10.4 s), so two threads start
 * only past 128 MB, where they shorten the wall time enough to matter (127 MB: 1.5 s against 2.4 s
 * wall; 257 MB: 2.9 s against 4–5.6 s). Below that size (trees taken to more threads on more
 * cores, or with --workers) the main thread extracts beside its workers rather than wait for them
 * (one isolate fewer to start and compile: each worker costs about 0.1-0.2 s of CPU before its
 * first file and 0.4-0.7 s of V8 compiling on payload); it takes the workers' results in between
 * its own files. From that size on (util/large-tree.ts) the workers extract alone and the main
 * thread only takes in their results: at 100k files (saleor-100k, 2 cores) that peaked 100-150 MiB
 * lower and cost less CPU than the main thread extracting half the files into the heap that then
 * holds the whole scan (docs/architecture.md, "Where the time goes"). When a small tree is
 * fingerprinted for `census dupes`, one worker that loads only the fingerprint code does that
 * beside the main thread (fingerprint-thread.ts): it is as much work again, with no extractor to
 * compile twice.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EXTRACT_WORKER } from '../own-files.js';
import { scanFile, type ScanOptions, type ScanRequest, type ScannedFile, type TextKeeper } from './scan-file.js';
import { startFingerprintThread, type FingerprintThread } from './fingerprint-thread.js';
import { shareStrings, type StringTable } from './shared-strings.js';
import { isLargeTree } from '../util/large-tree.js';

const INLINE_MAX_FILES = 150;
const INLINE_MAX_BYTES = 2_000_000;
const BATCH_FILES = 48;
const BATCH_BYTES = 1_000_000;
/** Batches given to each worker ahead: a main thread that extracts too answers a worker only between files of its own. */
const WORKER_QUEUE = 2;
/** How long the main thread extracts before it takes in the workers' results. */
const MAIN_YIELD_MS = 8;

type PoolWorker = Worker & { pending: number[] };

const ignoreLateError = (): void => {};

const batchesOf = (requests: ScanRequest[]): ScanRequest[][] => {
  const batches: ScanRequest[][] = [];
  let current: ScanRequest[] = [];
  let bytes = 0;
  for (const r of requests) {
    current.push(r);
    bytes += r.bytes;
    if (current.length >= BATCH_FILES || bytes >= BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
};

/** Starts the fingerprint thread when scanAll wants one (the pipeline's, to keep it after extraction). */
export type FingerprintThreadStarter = (options: ScanOptions & { fingerprint: NonNullable<ScanOptions['fingerprint']> }) => FingerprintThread;

export const scanAll = async (requests: ScanRequest[], options: ScanOptions, workers?: number, startFingerprints: FingerprintThreadStarter = startFingerprintThread, keep?: TextKeeper): Promise<ScannedFile[]> => {
  const totalBytes = requests.reduce((n, r) => n + Math.min(r.bytes, options.maxFileSize), 0);
  const poolSize = Math.max(1, Math.min(workers ?? availableParallelism(), 8));
  const small = requests.length <= INLINE_MAX_FILES && totalBytes <= INLINE_MAX_BYTES;
  if (poolSize === 1 || small || (poolSize === 2 && workers === undefined && !isLargeTree(totalBytes))) {
    // Fingerprints (census dupes) are as much work again as extraction: the second core does them.
    const fingerprints = options.fingerprint && poolSize > 1 && !small ? startFingerprints({ ...options, fingerprint: options.fingerprint }) : null;
    const table: StringTable = new Map();
    const results = requests.map((r) => {
      // Texts are kept on this path only: a worker's would cross threads as copies.
      const scanned = scanFile(r, options, fingerprints?.handOff(r), keep);
      shareStrings(table, scanned);
      return scanned;
    });
    if (fingerprints) await fingerprints.finish();
    return results;
  }
  // Big files first so no thread is left with a giant file at the end.
  const order = requests.map((r, i) => i).sort((a, b) => requests[b].bytes - requests[a].bytes);
  const sorted = order.map((i) => requests[i]);
  const batches = batchesOf(sorted);
  const results = new Array<ScannedFile>(requests.length);
  const table: StringTable = new Map();
  let nextBatch = 0;
  let done = 0;
  let settled = false;
  const batchStart: number[] = [];
  let offset = 0;
  for (const b of batches) {
    batchStart.push(offset);
    offset += b.length;
  }
  await new Promise<void>((resolve, reject) => {
    const pool: Worker[] = [];
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      // a terminated worker keeps its listeners, and through them this scan's requests and results
      // (a late error was ignored before too: the promise is settled)
      for (const w of pool) {
        w.removeAllListeners();
        w.on('error', ignoreLateError);
        void w.terminate();
      }
      if (error) reject(error);
      else resolve();
    };
    const batchDone = () => {
      done++;
      if (done === batches.length) finish();
    };
    const feed = (worker: PoolWorker) => {
      if (nextBatch >= batches.length) return;
      worker.pending.push(nextBatch);
      worker.postMessage(batches[nextBatch++]);
    };
    // Below the large-tree size the main thread is one of the extraction threads: poolSize - 1 workers.
    const mainExtracts = !isLargeTree(totalBytes);
    const workerCount = mainExtracts ? Math.min(poolSize - 1, batches.length - 1) : Math.min(poolSize, batches.length);
    for (let i = 0; i < workerCount; i++) {
      const worker = Object.assign(
        new Worker(EXTRACT_WORKER, {
          workerData: options,
          // A deeply nested file can overflow a native parser's stack; a larger stack keeps that a warning, not a crash.
          resourceLimits: { stackSizeMb: 64 },
        }),
        { pending: [] as number[] },
      );
      pool.push(worker);
      worker.on('message', (scanned: ScannedFile[]) => {
        const start = batchStart[worker.pending.shift()!];
        for (let k = 0; k < scanned.length; k++) {
          const request = requests[order[start + k]];
          const s = scanned[k];
          // the path discovery already holds, not the worker's copy of it
          if (s.record.path === request.path) s.record.path = request.path;
          shareStrings(table, s);
          results[order[start + k]] = s;
        }
        feed(worker);
        batchDone();
      });
      worker.on('error', (e) => finish(e));
      // two batches each, so a worker has the next one while the main thread is inside a batch of its own
      for (let k = 0; k < WORKER_QUEUE; k++) feed(worker);
    }
    if (!mainExtracts) return;
    void (async () => {
      let yielded = performance.now();
      while (!settled && nextBatch < batches.length) {
        const index = nextBatch++;
        const batch = batches[index];
        const start = batchStart[index];
        for (let k = 0; k < batch.length; k++) {
          const s = scanFile(batch[k], options);
          shareStrings(table, s);
          results[order[start + k]] = s;
          // let the workers' results in (and their next batches out) every few milliseconds
          if (performance.now() - yielded >= MAIN_YIELD_MS) {
            await new Promise<void>((r) => setImmediate(r));
            yielded = performance.now();
            if (settled) return;
          }
        }
        batchDone();
      }
    })().catch((e: unknown) => finish(e instanceof Error ? e : new Error(String(e))));
  });
  return results;
};
