/** Worker entry: scans batches of files sent by the pool. */
import { parentPort, workerData } from 'node:worker_threads';
import { scanFile, type ScanOptions, type ScanRequest } from './scan-file.js';

const options = workerData as ScanOptions;
parentPort?.on('message', (batch: ScanRequest[]) => {
  parentPort?.postMessage(batch.map((req) => scanFile(req, options)));
});
