/**
 * oxc-parser and oxc-resolver are native addons loaded at their first use (oxc-loaders.ts): a scan
 * of a repo without JavaScript or TypeScript loads neither. Held in a process of its own, since the
 * test process may have loaded them for other tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/fixtures.js';

test('a scan of a Python-only repo loads neither oxc-parser nor oxc-resolver', () => {
  const pipeline = pathToFileURL(join(REPO_ROOT, 'dist/src/pipeline.js')).href;
  const root = join(REPO_ROOT, 'test/fixtures/python/relative-imports');
  const script = [
    `import { createRequire } from 'node:module';`,
    `const { scan } = await import(${JSON.stringify(pipeline)});`,
    `const { audit } = await scan({ root: ${JSON.stringify(root)}, include: [], exclude: [], maxFileSize: 1_000_000, defaultExcludes: true });`,
    `const loaded = Object.keys(createRequire(import.meta.url).cache).filter((p) => /[\\\\/]@?oxc-(parser|resolver)[\\\\/]/.test(p));`,
    `console.log(JSON.stringify({ python: audit.files.filter((f) => f.language === 'python').length, loaded }));`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: REPO_ROOT });
  assert.equal(r.status, 0, r.stderr);
  const { python, loaded } = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { python: number; loaded: string[] };
  assert.ok(python > 0, 'the fixture has Python files');
  assert.deepEqual(loaded, []);
});

// Whether this Node lets require(esm) be turned off (a later one may not): the test needs it off.
const canTurnOffRequireEsm = (): boolean =>
  process.allowedNodeEnvironmentFlags.has('--no-experimental-require-module') &&
  spawnSync(process.execPath, ['--no-experimental-require-module', '-p', 'process.features.require_module'], { encoding: 'utf8' }).stdout.trim() === 'false';

test('with require(esm) turned off, a file the parser would read says why it was not, not how to edit the bundle', { skip: !canTurnOffRequireEsm() && 'this Node cannot turn require(esm) off' }, () => {
  const root = join(REPO_ROOT, 'examples/demo');
  const scratch = mkdtempSync(join(tmpdir(), 'census-oxc-esm-'));
  const output = join(scratch, 'audit.json');
  const r = spawnSync(process.execPath, ['--no-experimental-require-module', join(REPO_ROOT, 'bin/census.js'), 'scan', root, '--no-cache', '--format', 'json', '--output', output], { encoding: 'utf8', cwd: REPO_ROOT });
  assert.equal(r.status, 0, r.stderr);
  const audit = JSON.parse(readFileSync(output, 'utf8')) as { warnings: { id: string; message: string }[] };
  rmSync(scratch, { recursive: true, force: true });
  const failed = audit.warnings.filter((w) => w.id === 'javascript/parse-failed');
  assert.ok(failed.length > 0, 'examples/demo has files the parser reads');
  for (const w of failed) {
    assert.match(w.message, /census needs require\(esm\), on by default from Node\.js 20\.19/);
    assert.doesNotMatch(w.message, /change the require/);
  }
});

test('a scan stops with one line when oxc-resolver cannot load, instead of every JS/TS import coming out not found', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'census-oxc-load-'));
  // a native binding missing for this platform, as a require() of the package sees it
  const hook = join(scratch, 'no-oxc-resolver.cjs');
  writeFileSync(hook, [
    `const Module = require('node:module');`,
    `const resolve = Module._resolveFilename;`,
    `Module._resolveFilename = function (request, ...rest) {`,
    `  if (request === 'oxc-resolver') throw new Error('Cannot find native binding');`,
    `  return resolve.call(this, request, ...rest);`,
    `};`,
  ].join('\n'));
  const output = join(scratch, 'audit.json');
  const r = spawnSync(process.execPath, ['--require', hook, join(REPO_ROOT, 'bin/census.js'), 'scan', join(REPO_ROOT, 'examples/demo'), '--no-cache', '--format', 'json', '--output', output], { encoding: 'utf8', cwd: REPO_ROOT });
  const wrote = existsSync(output);
  rmSync(scratch, { recursive: true, force: true });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^census: oxc-resolver could not be loaded, so no JavaScript or TypeScript import can be resolved \(reinstall census on this platform\): Cannot find native binding$/m);
  assert.doesNotMatch(r.stderr, /internal error/);
  assert.equal(wrote, false, 'no Audit with every import broken');
});
