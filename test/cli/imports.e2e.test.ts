/** End-to-end: the built `census imports` on fixture repos, checked by exit code and output. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { fixturePath, standaloneFixture } from '../helpers/fixtures.js';
import { schemaErrors } from '../helpers/schema.js';

const SEED = standaloneFixture('test/fixtures/imports/seed-torch-cascade');
/** The machine's activated environments must not leak into fixture results. */
const CLEAN_ENV = { VIRTUAL_ENV: '', CONDA_PREFIX: '' };
const cli = (args: string[]) => runCli(args, { env: CLEAN_ENV });

test('census imports prints the category table, the ranked root causes, then the real breakages', () => {
  const r = cli(['imports', SEED]);
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout;
  assert.match(out, /^Category\s+Count\s+Reality\s+Action$/m);
  assert.match(out, /^missing-from-environment\s+10\s+environment: 3 packages declared, not installed \(torch, lightning, hydra-core\)\s+install them: pip install torch lightning hydra-core/m);
  assert.match(out, /^ {2}1\. torch — declared, not installed: 6 imports fail directly, 11 repo modules fail through them$/m);
  assert.match(out, /15 failing imports → 8 root causes; 3 real breakages in 3 files\./);
  const breakages = out.slice(out.indexOf('Real breakages'));
  assert.match(breakages, /scripts\/data\/preprocess\.py\n\s+4 {2}ocr\.core\.legacy_transforms — broken-internal/);
  assert.match(breakages, /CoordinateValidator from ocr\.core\.validation — missing-name/);
  assert.ok(out.indexOf('Category') < out.indexOf('Root causes') && out.indexOf('Root causes') < out.indexOf('Real breakages'));
});

test('--fail-on sets the exit code only for the buckets it names', () => {
  const failing = cli(['imports', SEED, '--fail-on', 'broken-internal,missing-name', '--format', 'json']);
  assert.equal(failing.code, 1);
  assert.match(failing.stderr, /3 findings in --fail-on buckets \(broken-internal, missing-name\)/);
  const passing = cli(['imports', 'test/fixtures/imports/py-optional', '--fail-on', 'broken-internal', '--fail-on', 'stdlib-removed']);
  assert.equal(passing.code, 0, passing.stderr);
});

test('--fail-on with an unknown bucket is a usage error', () => {
  const r = cli(['imports', SEED, '--fail-on', 'broken-internal,typo-bucket']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^census: --fail-on: unknown bucket "typo-bucket"; choose from broken-internal, missing-name, /);
  assert.equal(r.stdout, '');
});

test('--format json is the whole Audit, schema-valid, with the triage in "imports"', () => {
  const r = cli(['imports', SEED, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const audit = JSON.parse(r.stdout);
  assert.deepEqual(schemaErrors(audit), []);
  assert.deepEqual(audit.imports.rootCauses.map((c: { name: string }) => c.name).slice(0, 3), ['torch', 'lightning', 'hydra-core']);
  const finding = audit.imports.findings.find((f: { name?: string }) => f.name === 'CoordinateValidator');
  assert.deepEqual(
    { file: finding.file, line: finding.line, specifier: finding.specifier, bucket: finding.bucket, rootCause: finding.rootCause },
    { file: 'scripts/validation/validate_coordinate_consistency.py', line: 2, specifier: 'ocr.core.validation', bucket: 'missing-name', rootCause: 'ocr/core/validation.py:CoordinateValidator' },
  );
});

test('census scan --format json carries the triage too', () => {
  const r = cli(['scan', standaloneFixture('test/fixtures/imports/js-missing-from-environment'), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const audit = JSON.parse(r.stdout);
  assert.deepEqual(schemaErrors(audit), []);
  assert.deepEqual(audit.imports.rootCauses.map((c: { name: string; affectedFiles: number }) => [c.name, c.affectedFiles]), [['chalk', 2], ['vitest', 1]]);
});

test('--format md renders the seed-style table and the breakages', () => {
  const r = cli(['imports', SEED, '--format', 'md']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\| Category \| Count \| Reality \| Action \|$/m);
  assert.match(r.stdout, /^\| broken-internal \| 2 \| real: 2 modules missing or off the import path/m);
  assert.match(r.stdout, /^## Real breakages$/m);
  assert.match(r.stdout, /^\| scripts\/data\/preprocess\.py \| 4 \| ocr\.core\.legacy_transforms \| broken-internal \|/m);
});

test('an unknown format and contradictory environment options are usage errors', () => {
  assert.match(cli(['imports', SEED, '--format', 'sarif']).stderr, /unknown format "sarif" for imports; choose one of terminal, json, md/);
  const both = cli(['imports', SEED, '--python', 'python3', '--no-env']);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--python and --no-env contradict each other/);
});

test('--python with a broken interpreter is a usage error on one line, before the scan', () => {
  const r = cli(['imports', SEED, '--python', join(fixturePath('python-env', 'interpreters'), 'failing-python')]);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^census: --python \S+failing-python: the interpreter exited with code 3 \([^\n]*\)\n$/);
});

test('--no-env checks the manifests only and says so', () => {
  const r = cli(['imports', SEED, '--no-env']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Python: --no-env: imports are checked against the declared dependencies only/m);
  assert.doesNotMatch(r.stdout, /torch — declared, not installed/);
});

const hasPython3 = spawnSync('python3', ['-c', 'pass']).status === 0;

test('--verify says it runs the repo\'s code, then reports agreement, disagreements and hangs', { skip: !hasPython3 && 'python3 not on PATH' }, () => {
  const dir = standaloneFixture('test/fixtures/imports/verify-disagreements');
  // The stalling module sleeps 30 s; a limit of 5 s stops it, and leaves the other modules (and
  // Python's start) far more time than they need on a busy machine.
  const r = runCli(['imports', '.', '--verify', '--timeout', '5', '--format', 'json'], { cwd: dir, env: CLEAN_ENV });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^census: --verify imports the Python modules of \. with python3 on PATH \(no environment found for the repo\): this RUNS the repo's code\n/);
  const audit = JSON.parse(r.stdout);
  assert.deepEqual(schemaErrors(audit), []);
  const v = audit.imports.verify;
  assert.equal(v.checked, 6);
  assert.equal(v.skipped, 1, 'jobs/purge_now.py does its work at top level: importing it would run it');
  assert.equal(v.agree, 3, 'the package, the JSON formatter, and the undeclared client (both fail, same root cause)');
  assert.equal(v.timeouts, 1);
  assert.deepEqual(v.disagreements.map((d: { file: string; static: string }) => [d.file, d.static]), [
    ['jobs/exits_on_import.py', 'ok'],
    ['jobs/reads_settings_on_import.py', 'ok'],
    ['jobs/stalls_on_import.py', 'ok'],
  ]);
  assert.match(v.disagreements[1].actual, /^ValueError: invalid literal for int\(\) with base 10: 'three' \(at jobs\/reads_settings_on_import\.py:2\)$/);
  assert.match(v.disagreements[2].actual, /^did not finish within 5 s/);
  assert.ok(!existsSync(join(dir, 'jobs', '__pycache__')), 'no bytecode written into the repo');
});

test('--verify on the seed: static and real imports agree module by module', { skip: !hasPython3 && 'python3 not on PATH' }, () => {
  const r = cli(['imports', SEED, '--verify']);
  assert.equal(r.code, 0, r.stderr);
  const line = /Verified with .*: (\d+) modules imported, (\d+) agree with the static answer, (\d+) disagree/.exec(r.stdout);
  assert.ok(line, r.stdout);
  // numpy and yaml are fakes in the fixture's .venv; python3 on the test machine may lack them.
  const [checked, agree] = [Number(line[1]), Number(line[2])];
  assert.equal(checked, 25);
  assert.ok(agree >= 19, `${agree} of ${checked} agree:\n${r.stdout}`);
});
