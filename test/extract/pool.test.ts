/**
 * The pool (main thread and workers together, or workers alone on a large tree) gives what one
 * thread gives, file for file and in request order, over more files than the inline limit and more
 * batches than threads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { scanAll } from '../../src/extract/pool.js';
import type { ScanRequest } from '../../src/extract/scan-file.js';
import { writeScanTree, type TreeFile } from '../helpers/scan-tree.js';
import { LARGE_TREE_BYTES } from '../../src/util/large-tree.js';

const makeTree = (): { dir: string; requests: ScanRequest[] } => {
  const files: TreeFile[] = [];
  for (let i = 0; i < 240; i++) {
    files.push([`py/job_${i}.py`, 'python', `"""Job ${i}."""\nimport os\nfrom app.jobs import run_${i % 9} as run\n\n\ndef job_${i}():\n    return run(os.environ["X${i}"])\n`]);
    files.push([`ts/m${i}.ts`, 'typescript', `import { a${i % 5} } from './m${(i + 1) % 240}';\nconst cp = require('child_process');\nexport const f${i} = () => cp.spawn('node', ['scripts/s${i}.js']);\n`]);
  }
  // a large file, so batches differ in size and the biggest go first
  files.push(['ts/big.ts', 'typescript', Array.from({ length: 3000 }, (_, i) => `export const v${i} = ${i};`).join('\n')]);
  files.push(['README.md', 'markdown', '# Title\n\nRun `python py/job_1.py`.\n']);
  files.push(['bin/run', null, '#!/usr/bin/env python3\nimport sys\n']);
  files.push(['py/junk.py', 'python', Buffer.from([0, 1, 2, 3])]);
  return writeScanTree('census-pool-', files);
};

test('main thread and workers together give the one-thread result, in request order', async () => {
  const { dir, requests } = makeTree();
  try {
    const options = { maxFileSize: 1_000_000 };
    const one = await scanAll(requests, options, 1);
    const three = await scanAll(requests, options, 3);
    assert.equal(three.length, requests.length);
    assert.deepStrictEqual(three, one);
    assert.deepStrictEqual(three.map((s) => s.record.path), requests.map((r) => r.path));
    assert.ok(one.filter((s) => s.facts && s.facts.imports.length > 0).length >= 480, 'the source files have imports');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('on a large tree the workers alone give the one-thread result, in request order', async () => {
  const { dir, requests } = makeTree();
  try {
    // what the pool sizes by: requests as large as a tree past the large-tree size (the files are read whole either way)
    const claimed = Math.ceil(LARGE_TREE_BYTES / requests.length) + 1;
    const large = requests.map((r) => ({ ...r, bytes: claimed }));
    const options = { maxFileSize: claimed };
    const one = await scanAll(large, options, 1);
    const two = await scanAll(large, options, 2);
    assert.equal(two.length, large.length);
    assert.deepStrictEqual(two, one);
    assert.deepStrictEqual(two.map((s) => s.record.path), large.map((r) => r.path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
