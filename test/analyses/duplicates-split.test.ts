/**
 * findDuplicates in two halves, as the pipeline runs them when the fingerprint thread holds the
 * fingerprints: the grouping before verdicts (group.ts, each class of exact copies represented by a
 * provisional copy), then keepers and actions (clusters.ts). The clusters must be findDuplicates'
 * whichever copy the verdicts keep: a class whose copies group alike is relabelled, any other is
 * grouped again with the real keepers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuplicateCluster } from '../../src/model/duplicates.js';
import type { FileRecord } from '../../src/model/file.js';
import { familyOf } from '../../src/languages/registry.js';
import { clustersOf, keepersOf } from '../../src/analyses/duplicates/clusters.js';
import { DEFAULT_FINGERPRINT_OPTIONS } from '../../src/analyses/duplicates/fingerprint.js';
import { DEFAULT_DUPLICATES_OPTIONS, findDuplicates, type FindDuplicatesInput } from '../../src/analyses/duplicates/find.js';
import { groupDuplicates, provisionalRepresentative } from '../../src/analyses/duplicates/group.js';
import { startFingerprintThread } from '../../src/extract/fingerprint-thread.js';
import { scanFile, type ScanRequest } from '../../src/extract/scan-file.js';
import { fixtureCases, fixturePath } from '../helpers/fixtures.js';
import { loadDuplicatesFixture } from './duplicates-fixture.js';

const options = { ...DEFAULT_DUPLICATES_OPTIONS };

/** The split as analyseHeldDuplicates runs it; also says whether a second grouping was needed. */
const split = (input: FindDuplicatesInput): { clusters: DuplicateCluster[]; regrouped: boolean } => {
  const records = new Map(input.files.map((f) => [f.path, f]));
  const recordOf = (path: string): FileRecord => records.get(path)!;
  const files = input.files.flatMap((f) => {
    const fp = input.fingerprints.get(f.path);
    return fp ? [{ path: f.path, family: familyOf(f.language), fp }] : [];
  });
  const context = { recordOf, importersOf: input.importersOf ?? (() => []) };
  const first = groupDuplicates(files, { ...options, ...input.options });
  const clusters = clustersOf(first, context);
  if (clusters) return { clusters, regrouped: false };
  const keepers = keepersOf(first, recordOf);
  const again = groupDuplicates(files, { ...options, ...input.options }, (paths) => paths.find((p) => keepers.has(p)) ?? provisionalRepresentative(paths));
  return { clusters: clustersOf(again, context)!, regrouped: true };
};

/** The input with `keep` production and the other given paths dead. */
const withVerdicts = (input: FindDuplicatesInput, keep: string, others: string[]): FindDuplicatesInput => ({
  ...input,
  files: input.files.map((f) => (f.path === keep ? { ...f, verdict: 'production' } : others.includes(f.path) ? { ...f, verdict: 'dead' } : f)),
});

for (const name of fixtureCases('duplicates')) {
  test(`the split gives findDuplicates' clusters on fixture ${name}, whichever copy of an exact class is kept`, () => {
    const input = loadDuplicatesFixture(name);
    assert.deepEqual(split(input).clusters, findDuplicates(input));
    for (const cluster of findDuplicates(input).filter((c) => c.kind === 'exact' || c.kind === 'renamed')) {
      for (const keep of cluster.files) {
        const flipped = withVerdicts(input, keep, cluster.files);
        assert.deepEqual(split(flipped).clusters, findDuplicates(flipped), `${name}, keeping ${keep}`);
      }
    }
  });
}

test('copies that group alike are relabelled; renamed copies are grouped again', () => {
  const exact = loadDuplicatesFixture('exact-copies');
  const exactPaths = exact.files.map((f) => f.path);
  const notProvisional = exactPaths.find((p) => p !== provisionalRepresentative([...exactPaths].sort()))!;
  assert.equal(split(withVerdicts(exact, notProvisional, exactPaths)).regrouped, false);
  const renamed = loadDuplicatesFixture('renamed-copy');
  const renamedPaths = renamed.files.map((f) => f.path);
  const other = renamedPaths.find((p) => p !== provisionalRepresentative([...renamedPaths].sort()))!;
  const flipped = withVerdicts(renamed, other, renamedPaths);
  const result = split(flipped);
  assert.equal(result.regrouped, true);
  assert.equal(result.clusters[0].keep, other);
  assert.deepEqual(result.clusters, findDuplicates(flipped));
});

/** The seed fixture as scan requests, and its files' inline scan results. */
const seedRequests = (): ScanRequest[] => {
  const input = loadDuplicatesFixture('seed-ml-and-sync');
  const root = fixturePath('duplicates', 'seed-ml-and-sync');
  return input.files.map((f) => {
    const abs = join(root, f.path);
    return { path: f.path, abs, bytes: readFileSync(abs).length, executable: false, symlink: false, language: f.language };
  });
};

test('a holding fingerprint thread groups as findDuplicates does, and keeps the fingerprints off the files', async () => {
  const scanOptions = { maxFileSize: 1_000_000, fingerprint: DEFAULT_FINGERPRINT_OPTIONS };
  const requests = seedRequests();
  const inline = requests.map((r) => scanFile(r, scanOptions));
  const thread = startFingerprintThread(scanOptions, undefined, true);
  try {
    const threaded = requests.map((r) => scanFile(r, scanOptions, thread.handOff(r)));
    await thread.finish();
    assert.equal(thread.holding(), true);
    assert.ok(threaded.every((s) => s.fingerprint === undefined));
    const answer = await thread.group({ files: threaded.map((s) => [s.record.path, familyOf(s.record.language)]), options });
    assert.ok(answer);
    assert.equal(answer.compared, inline.filter((s) => s.fingerprint).length);
    const input = loadDuplicatesFixture('seed-ml-and-sync');
    const records = new Map(input.files.map((f) => [f.path, f]));
    assert.deepEqual(clustersOf(answer.grouping, { recordOf: (p) => records.get(p)!, importersOf: input.importersOf! }), findDuplicates(input));
  } finally {
    await thread.close();
  }
});

test('when a holding thread dies before grouping, recover fingerprints the files on the main thread', async () => {
  const scanOptions = { maxFileSize: 1_000_000, fingerprint: DEFAULT_FINGERPRINT_OPTIONS };
  const requests = seedRequests();
  const inline = requests.map((r) => scanFile(r, scanOptions));
  // The real worker, which exits when asked to group.
  const real = new URL('../../src/extract/fingerprint-worker.js', import.meta.url).href;
  const entry = new URL(`data:text/javascript,${encodeURIComponent(`import ${JSON.stringify(real)}; import { parentPort } from 'node:worker_threads'; parentPort.on('message', (m) => { if (m && !Array.isArray(m)) process.exit(3); });`)}`);
  const thread = startFingerprintThread(scanOptions, entry, true);
  try {
    const threaded = requests.map((r) => scanFile(r, scanOptions, thread.handOff(r)));
    await thread.finish();
    assert.equal(await thread.group({ files: [], options }), null);
    thread.recover();
    assert.deepStrictEqual(threaded, inline);
  } finally {
    await thread.close();
  }
});
