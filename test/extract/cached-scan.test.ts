/**
 * The facts cache's warm path (extract/cached-scan.ts): a file with a cache entry is read and hashed
 * to look it up, but one over --max-file-size that the scan itself would not read (over the scan cap,
 * or of a language never read for imports) is a miss without a read: its entry was cached while it
 * was small, and reading it whole on every warm scan only to miss cost its size in memory and time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactsCache } from '../../src/cache/facts-cache.js';
import { scanAllCached } from '../../src/extract/cached-scan.js';
import { PYTHON_SCAN_CAP } from '../../src/extract/large-file-imports.js';
import type { ScanRequest } from '../../src/extract/scan-file.js';
import { scratchDir } from '../helpers/scratch.js';

test('a cached file grown past the scan cap, or of a language never read for imports, is a miss without a read', async () => {
  const dir = scratchDir('cached-scan-');
  const requests: ScanRequest[] = [];
  const add = (path: string, bytes: number, language: ScanRequest['language']): void => {
    const abs = join(dir, path);
    writeFileSync(abs, '');
    truncateSync(abs, bytes); // sparse: no disk or time spent
    requests.push({ path, abs, bytes, executable: false, symlink: false, language });
  };
  add('big.py', PYTHON_SCAN_CAP + 1, 'python');
  add('big.txt', 3000, 'other');
  add('big.sh', 3000, null);
  const looked: string[] = [];
  const cache = {
    has: () => true,
    get: (key: string) => {
      looked.push(key.split('\0')[0]);
      return undefined;
    },
    put: () => undefined,
    save: () => undefined,
  } as unknown as FactsCache;
  const results = await scanAllCached(requests, { maxFileSize: 1000 }, 1, cache);
  assert.deepEqual(looked, [], 'none of them was read and looked up');
  assert.deepEqual(results.map((r) => r.record.path), ['big.py', 'big.txt', 'big.sh']);
  assert.ok(results.every((r) => r.record.hash === ''), 'and the scan did not read them either');
});
