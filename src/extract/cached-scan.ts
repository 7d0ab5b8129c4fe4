/**
 * Extraction through the facts cache: files the previous run saw are read and hashed here, and
 * answered from the cache when their bytes are unchanged; the rest (new, changed, never cached)
 * go to the worker pool as before, and what it returns is cached for the next run. A file with no
 * entry under its key is not read here at all, so a cold run reads every file once, as without
 * the cache.
 */
import type { FactsCache } from '../cache/facts-cache.js';
import { contentHash } from '../util/content-hash.js';
import { readBytes, readBytesUpTo } from '../util/fs.js';
import { readsLargeFile } from './large-file-imports.js';
import { scanAll, type FingerprintThreadStarter } from './pool.js';
import { type ScannedFile, type ScanOptions, type ScanRequest, type TextKeeper } from './scan-file.js';
import { isScannedFile } from './valid-scanned.js';

/** What discovery knew about a file besides its bytes: scanFile's result depends on all of it. */
const keyOf = (r: ScanRequest): string => `${r.path}\0${r.language ?? ''}\0${r.executable ? 'x' : '-'}${r.symlink ? 'l' : '-'}`;

/**
 * The hash a result is cached under: its bytes' (a file over --max-file-size read for its imports
 * keeps its record's hash '' and carries it as readHash), or '' for one never read.
 */
const hashOf = (s: ScannedFile): string => s.record.hash || (s.readHash ?? '');

/** Results that depend on more than the bytes (a read that failed, an extractor that crashed) are never cached. */
const cacheable = (s: ScannedFile): boolean => hashOf(s) !== '' && !s.diagnostics.some((d) => d.id.endsWith('/crash'));

const matches = (s: ScannedFile, r: ScanRequest, hash: string): boolean =>
  s.record.path === r.path && hashOf(s) === hash && s.record.executable === r.executable && (s.record.symlink === true) === r.symlink &&
  (r.language === null || s.record.language === r.language);

export const scanAllCached = async (requests: ScanRequest[], options: ScanOptions, workers: number | undefined, cache: FactsCache | null, startFingerprints?: FingerprintThreadStarter, keep?: TextKeeper): Promise<ScannedFile[]> => {
  if (cache === null) return scanAll(requests, options, workers, startFingerprints, keep);
  const results = new Array<ScannedFile>(requests.length);
  const misses: number[] = [];
  for (let i = 0; i < requests.length; i++) {
    const r = requests[i];
    const key = keyOf(r);
    // A file over --max-file-size has an entry only when it was read for its imports (up to the scan
    // cap, large-file-imports.ts): hashing it here costs less than that scan (a 2 MB bundle chunk).
    if (!cache.has(key)) {
      misses.push(i);
      continue;
    }
    const over = r.bytes > options.maxFileSize;
    // One over the limit that the scan would not read (its language is never read for imports, or it
    // is over the scan cap: scan-file.ts tooLarge) is a miss unread: its entry is stale (cached while small).
    if (over && !readsLargeFile(r.language, r.bytes, options.maxFileSize)) {
      misses.push(i);
      continue;
    }
    // No more than discovery listed, for a file over the limit: one grown since is a miss, not read whole.
    const read = over ? readBytesUpTo(r.abs, r.bytes, r.bytes) : readBytes(r.abs);
    if ('error' in read || 'over' in read || read.bytes.length > options.maxFileSize !== over) {
      misses.push(i);
      continue;
    }
    const hash = contentHash(read.bytes);
    const hit = cache.get(key, hash, (v): v is ScannedFile => isScannedFile(v) && matches(v, r, hash));
    if (hit !== undefined) results[i] = hit;
    else misses.push(i);
  }
  const scanned = await scanAll(misses.map((i) => requests[i]), options, workers, undefined, keep);
  for (let k = 0; k < misses.length; k++) {
    const i = misses[k];
    const s = scanned[k];
    results[i] = s;
    if (cacheable(s)) cache.put(keyOf(requests[i]), hashOf(s), s);
  }
  cache.save();
  return results;
};
