/**
 * Junk is not source: AppleDouble `._*` companions, .DS_Store, editor backups and binary bytes
 * under a source or manifest name are listed as skipped junk, never as dead Python, never read as
 * a requirements file, and never make census check incomplete. And --include keeps the manifests
 * resolution needs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { schemaErrors } from '../helpers/schema.js';
import { scratchDir } from '../helpers/scratch.js';

const APPLEDOUBLE = Buffer.concat([Buffer.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00]), Buffer.from('Mac OS X        '), Buffer.alloc(40)]);

const makeRepo = (): string => {
  const dir = scratchDir('census-junk-');
  const w = (p: string, data: string | Buffer) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), data);
  };
  w('requirements.txt', 'boto3==1.34\n');
  w('Procfile', 'worker: python scripts/sync.py\n');
  w('scripts/sync.py', 'import boto3\nimport yaml\n\nboto3.client("s3")\n');
  w('scripts/._sync.py', APPLEDOUBLE);
  w('._requirements.txt', APPLEDOUBLE);
  w('scripts/.DS_Store', Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
  w('scripts/sync.py~', 'import boto3\n');
  w('scripts/.sync.py.swp', Buffer.concat([Buffer.from('b0VIM 8.2'), Buffer.alloc(32)]));
  w('scripts/#notes.py#', 'x = 1\n');
  w('scripts/compiled.py', Buffer.from([0x63, 0x00, 0x00, 0x01, 0xff, 0x00]));
  return dir;
};

test('junk files are one skipped list: no dead Python, no garbled requirements, no findings', () => {
  const dir = makeRepo();
  const r = runCli(['scan', '.', '--format', 'json', '--no-env'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const audit = JSON.parse(r.stdout);
  assert.deepEqual(schemaErrors(audit), []);
  assert.deepEqual(audit.junk.map((j: { path: string; reason: string }) => [j.path, j.reason]), [
    ['._requirements.txt', 'macOS AppleDouble metadata'],
    ['scripts/#notes.py#', 'editor backup'],
    ['scripts/.DS_Store', 'folder metadata'],
    ['scripts/._sync.py', 'macOS AppleDouble metadata'],
    ['scripts/.sync.py.swp', 'editor backup'],
    ['scripts/compiled.py', 'binary content in a python file'],
    ['scripts/sync.py~', 'editor backup'],
  ]);
  const paths = audit.files.map((f: { path: string }) => f.path);
  assert.deepEqual(paths, ['Procfile', 'requirements.txt', 'scripts/sync.py']);
  assert.equal(audit.summary.verdicts.dead, 0);
  assert.ok(audit.warnings.every((w: { message: string }) => !/Mac OS X|\u0000/.test(w.message)), 'no junk bytes in any warning');
  const text = runCli(['scan', '.', '--no-env'], { cwd: dir });
  assert.match(text.stdout, /^Skipped 7 junk files \(macOS AppleDouble metadata, editor backup, folder metadata, binary content in a python file\): \._requirements\.txt, scripts\/#notes\.py#, scripts\/\.DS_Store, …$/m);
});

test('junk never makes census check incomplete', () => {
  const dir = makeRepo();
  const baseline = runCli(['baseline', '.', '--no-env'], { cwd: dir });
  assert.equal(baseline.code, 0, baseline.stderr);
  const check = runCli(['check', '.', '--no-env'], { cwd: dir });
  assert.equal(check.code, 0, check.stdout + check.stderr);
  assert.doesNotMatch(check.stdout, /incomplete/i);
});

test('--include keeps the manifests resolution needs: scripts/ alone still knows requirements.txt declares boto3', () => {
  const dir = makeRepo();
  const r = runCli(['imports', '.', '--include', 'scripts/**', '--format', 'json', '--no-env'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const audit = JSON.parse(r.stdout);
  const buckets = Object.fromEntries(audit.imports.findings.map((f: { specifier: string; bucket: string }) => [f.specifier, f.bucket]));
  assert.equal(buckets.boto3, undefined, 'boto3 is declared: with --no-env a declared package counts as installed');
  assert.equal(buckets.yaml, 'undeclared');
});
