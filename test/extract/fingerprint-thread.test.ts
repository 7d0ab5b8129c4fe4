/**
 * Fingerprints made on the second thread (census dupes on a two-core machine) are the ones
 * scanFile makes inline, file for file, across batches, for code mixed with markup and for files
 * that are not fingerprinted at all; and the file records and diagnostics are untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_FINGERPRINT_OPTIONS } from '../../src/analyses/duplicates/fingerprint.js';
import { startFingerprintThread } from '../../src/extract/fingerprint-thread.js';
import { scanFile, type ScanRequest } from '../../src/extract/scan-file.js';
import type { Language } from '../../src/model/file.js';
import { writeScanTree, type TreeFile } from '../helpers/scan-tree.js';

const FIXED: Record<string, [Language | null, string]> = {
  'app/jobs.py': ['python', '"""Runs jobs."""\nimport os\n\n\ndef run_jobs(queue):\n    for job in queue:\n        os.system(job)\n'],
  'app/crlf.py': ['python', 'def f(x):\r\n    return x + 1   \r\n\r\n'],
  'web/Card.vue': ['vue', '<template>\n  <div>{{ title }}</div>\n</template>\n<script setup lang="ts">\nconst props = defineProps<{ title: string }>();\nconsole.log(props.title);\n</script>\n'],
  'web/lib.ts': ['typescript', 'export const sum = (a: number, b: number): number => a + b;\n/* a comment */\nexport const text = `line one\n  line two\n`;\n'],
  'bin/deploy': [null, '#!/bin/sh\nset -e\necho "deploying $1"\n'],
  'README.md': ['markdown', '# Title\n\nSome words.\n'],
  'empty.py': ['python', ''],
};

const makeTree = (): { dir: string; requests: ScanRequest[] } => {
  const files: TreeFile[] = Object.entries(FIXED).map(([path, [language, text]]) => [path, language, text]);
  // More files than one batch holds, each a little different.
  for (let i = 0; i < 150; i++) files.push([`gen/m${i}.ts`, 'typescript', `export function handler${i}(input: string) {\n  return input.repeat(${i}) + "${'x'.repeat(i % 7)}";\n}\n`]);
  return writeScanTree('census-fp-thread-', files);
};

test('fingerprints from the second thread equal the inline ones, file for file', async () => {
  const { dir, requests } = makeTree();
  try {
    const options = { maxFileSize: 1_000_000, fingerprint: DEFAULT_FINGERPRINT_OPTIONS };
    const inline = requests.map((r) => scanFile(r, options));
    const thread = startFingerprintThread(options);
    const threaded = requests.map((r) => scanFile(r, options, thread.handOff(r)));
    await thread.finish();
    assert.deepStrictEqual(threaded, inline);
    assert.ok(threaded.filter((s) => s.fingerprint).length >= 155, 'the source files have fingerprints');
    assert.equal(threaded.find((s) => s.record.path === 'README.md')?.fingerprint, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the second thread makes abstracted fingerprints when asked', async () => {
  const { dir, requests } = makeTree();
  try {
    const options = { maxFileSize: 1_000_000, fingerprint: { ...DEFAULT_FINGERPRINT_OPTIONS, abstractIdentifiers: true } };
    const thread = startFingerprintThread(options);
    const threaded = requests.map((r) => scanFile(r, options, thread.handOff(r)));
    await thread.finish();
    assert.deepStrictEqual(threaded, requests.map((r) => scanFile(r, options)));
    assert.ok(threaded.every((s) => s.fingerprint === undefined || s.fingerprint.abstracted));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files a dead worker did not answer are fingerprinted on the main thread', async () => {
  const { dir, requests } = makeTree();
  try {
    const dying = join(dir, 'dying-worker.mjs');
    writeFileSync(dying, 'process.exit(3);\n');
    const options = { maxFileSize: 1_000_000, fingerprint: DEFAULT_FINGERPRINT_OPTIONS };
    const thread = startFingerprintThread(options, pathToFileURL(dying));
    const threaded = requests.map((r) => scanFile(r, options, thread.handOff(r)));
    await thread.finish();
    assert.deepStrictEqual(threaded, requests.map((r) => scanFile(r, options)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
