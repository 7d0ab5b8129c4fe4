#!/usr/bin/env node
// Where a scan's heap goes (issue 19, the 100k-file memory goal). Runs scan() on DIR and prints
// the heap after each stage, then the heap each part of the result holds: each part is dropped in
// turn and the heap measured again after two full collections, so a part's figure is what only it
// kept alive (what two parts share is counted with the later one).
//   npx tsc -p tsconfig.json && node --expose-gc scripts/measure-scan-memory.mjs DIR
// The bench's saleor-100k corpus is saleor ×22; a smaller replica (copies/01..04 of it in a git
// repo of their own) shows the same split at a quarter of the minute the whole one takes.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

if (typeof globalThis.gc !== 'function') {
  process.stderr.write('run with node --expose-gc\n');
  process.exit(2);
}
const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node --expose-gc scripts/measure-scan-memory.mjs DIR\n');
  process.exit(2);
}
const repo = fileURLToPath(new URL('..', import.meta.url));
const { scan } = await import(join(repo, 'dist/src/pipeline.js'));
const { jsonPieces } = await import(join(repo, 'dist/src/report/json.js'));

const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`.padStart(9);

console.log('heap after each stage (the stage\'s CPU beside it):');
let result = await scan({
  root, include: [], exclude: [], maxFileSize: 1_000_000, defaultExcludes: true,
  onProgress: (e) => console.log(`  ${e.stage.padEnd(11)} ${mb(heap())}   ${String(e.cpuMs).padStart(6)} ms CPU  ${e.detail}`),
});
const audit = result.audit;
const atEnd = heap();
let written = 0;
for (const piece of jsonPieces(audit)) written += piece.length;
console.log(`after scan() ${mb(atEnd)}; after writing the JSON (${(written / 1048576).toFixed(0)} MB of text) ${mb(heap())}`);

console.log('held by each part (dropped in this order):');
let last = heap();
const drop = (label, fn) => {
  fn();
  const now = heap();
  console.log(`  ${label.padEnd(52)} ${mb(last - now)}`);
  last = now;
};
// (properties are set to undefined, not deleted: a delete turns the object into a dictionary, larger than before)
drop('facts and the scan context (manifests, resolvers, index)', () => { result.facts = null; result.context = null; });
drop('edge sentences (label)', () => { for (const e of audit.edges) e.label = undefined; });
drop('edge names arrays', () => { for (const e of audit.edges) e.names = undefined; });
drop('edges (the rest)', () => { audit.edges = []; });
drop('file evidence chains', () => { for (const f of audit.files) f.evidence = undefined; });
drop('entries', () => { audit.entries = []; });
drop('import triage', () => { delete audit.imports; });
drop('warnings', () => { audit.warnings = []; });
drop('file records', () => { audit.files = []; });
drop('the rest of the result', () => { result = null; });
console.log(`left: ${mb(last)} (modules, compiled code, caches of the process)`);
