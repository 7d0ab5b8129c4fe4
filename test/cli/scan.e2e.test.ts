/** End-to-end: the built `census scan` on real directories, checked by exit code and output. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';
import { schemaErrors } from '../helpers/schema.js';

test('scan of the demo prints a terminal summary and exits 0', () => {
  const r = runCli(['scan', 'examples/demo']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /census \S+ — examples\/demo/);
  assert.match(r.stdout, /source files are reachable from production/);
});

test('scan --format json gives a schema-valid, deterministic Audit', () => {
  const a = runCli(['scan', 'examples/demo', '--format', 'json']);
  const b = runCli(['scan', 'examples/demo', '--format', 'json', '--workers', '2']);
  assert.equal(a.code, 0, a.stderr);
  const audit = JSON.parse(a.stdout);
  assert.deepEqual(schemaErrors(audit), []);
  const stripTime = (s: string) => s.replace(/"generatedAt": "[^"]+"/, '');
  assert.equal(stripTime(a.stdout), stripTime(b.stdout));
});

test('a path that does not exist is one clear line and exit 2', () => {
  const r = runCli(['scan', 'no/such/dir']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'census: no such directory: no/such/dir\n');
  assert.equal(r.stdout, '');
});

test('an unknown option is one clear line and exit 2', () => {
  const r = runCli(['scan', '--frobnicate']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^census: Unknown option '--frobnicate'\n$/);
});

test('an unknown format names the choices', () => {
  const r = runCli(['scan', 'examples/demo', '--format', 'pdf']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown format "pdf" for scan; choose one of terminal, json, md, html/);
});

test('--max-file-size must be a number', () => {
  const r = runCli(['scan', 'examples/demo', '--max-file-size', 'big']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--max-file-size must be a whole number, got "big"/);
});

test('--help lists the commands and exits 0; no command exits 2', () => {
  const help = runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /scan\s+list every file/);
  assert.equal(runCli([]).code, 2);
});

test('scan --output writes the report to a file and says so', () => {
  const out = join(scratchDir('census-out-'), 'audit.json');
  const r = runCli(['scan', 'examples/demo', '--format', 'json', '--output', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /wrote /);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).root, 'examples/demo');
});

test('scan --duplicates puts the duplicate clusters in the Audit; without it there are none', () => {
  const withClusters = JSON.parse(runCli(['scan', 'examples/demo', '--duplicates', '--format', 'json']).stdout);
  assert.deepEqual(schemaErrors(withClusters), []);
  assert.deepEqual(withClusters.duplicates.clusters.map((c: { kind: string; files: string[] }) => [c.kind, c.files]), [
    ['renamed', ['scripts/archive/ingest_nightly_v1.py', 'scripts/ingest_nightly.py']],
  ]);
  const without = JSON.parse(runCli(['scan', 'examples/demo', '--format', 'json']).stdout);
  assert.equal(without.duplicates, undefined);
});
