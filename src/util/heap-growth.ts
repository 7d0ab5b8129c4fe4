/**
 * How far V8 lets the heap grow past what its last full collection left alive before it collects
 * again. V8 picks a factor from its collection speed, up to 4×; a scan's data only grows until the
 * Audit is written, so at 100k files the garbage beside it was hundreds of MB of the peak, and the
 * peak scattered with when V8 happened to collect (1.45-1.77 GB over runs of one build). On a large
 * tree, a bound on the growth keeps that down for a few more full collections (docs/architecture.md,
 * "Where the time goes"). It was 25% when the 100k scan's live data neared 1.4 GB; since the edges'
 * labels are made when read (stop 62) it peaks near 1.1 GB, and at 25% its 13 full collections, each
 * marking a heap of up to 900 MB, cost about 6 s of CPU that 100% (twice the live heap, half V8's own
 * ceiling) saves for about 100 MiB more peak (stop 64, "Stop 64 (s64-big)"). A smaller tree keeps V8's
 * own choice: its heap is small, and the extra collections cost payload about 0.3 s. The flag is the
 * process's: once set, it stays.
 */
import { setFlagsFromString } from 'node:v8';
import { isLargeTree } from './large-tree.js';

const HEAP_GROWING_PERCENT = 100;

let set = false;

export const boundHeapGrowthFor = (treeBytes: number): void => {
  if (set || !isLargeTree(treeBytes)) return;
  set = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
};
