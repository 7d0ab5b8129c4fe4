/**
 * The Python facts that outlive extraction hold strings of their own, not slices of the file's text
 * (languages/python/own-strings.ts, issue 19): a kept slice kept the whole text (saleor: 24 MB of
 * .py text held by dottedStrings, settingSwaps, summaries and import `within` through the scan).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';

test('python facts keep no slice of their text: a 4 MB module\'s facts hold under a quarter of it once the text is gone', async () => {
  // In a worker: its isolate's heap holds only what this measurement made (see the worker's header).
  const worker = new Worker(new URL('./python-own-strings.worker.js', import.meta.url));
  const { held, bytes } = await new Promise<{ held: number; bytes: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the measuring worker ended (exit ${code}) without a figure`)));
  });
  await worker.terminate();
  assert.ok(held < bytes / 4, `the facts hold ${held} bytes once a ${bytes}-character text is gone`);
});
