/** Broken-import triage on fixture repos: one bucket per fixture, and the seed's torch cascade. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedFor, fixtureCases, fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { schemaErrors } from '../helpers/schema.js';
import type { ScanOptions } from '../../src/pipeline.js';
import type { ImportsSection } from '../../src/model/imports.js';
import { runImportTriage } from '../../src/analyses/imports/index.js';
import { buildImportLoadGraph, lazyImportLoadGraph, spreadFailure } from '../../src/analyses/imports/cascade.js';
import type { Edge } from '../../src/model/edge.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchDir } from '../helpers/scratch.js';

const AREA = 'imports';

/** No $VIRTUAL_ENV or $CONDA_PREFIX from the machine running the tests. */
const triage = async (name: string, options: Partial<ScanOptions> = {}): Promise<ImportsSection> => {
  const { audit } = await scanDir(fixturePath(AREA, name), { env: {}, ...options });
  assert.deepEqual(schemaErrors(audit), [], `${name}: the Audit matches docs/audit.schema.json`);
  assert.ok(audit.imports, `${name}: the scan has an imports section`);
  return audit.imports;
};

for (const name of fixtureCases(AREA)) {
  test(`import triage: ${name}`, async () => {
    const actual = await triage(name);
    assert.deepEqual(actual, expectedFor(AREA, name, actual));
  });
}

test('seed: one root cause per missing package, none broken-internal in the core package, only the real script breakages', async () => {
  const s = await triage('seed-torch-cascade');
  const environmentCauses = s.rootCauses.filter((r) => r.bucket === 'missing-from-environment').map((r) => r.name);
  assert.deepEqual(environmentCauses, ['torch', 'lightning', 'hydra-core']);
  const torch = s.rootCauses[0];
  assert.equal(torch.message, 'torch — declared, not installed: 6 imports fail directly, 11 repo modules fail through them');
  assert.ok(torch.files?.includes('ocr/core/models/head.py'), 'head.py fails only through interfaces/models.py');
  assert.deepEqual(s.findings.filter((f) => f.file.startsWith('ocr/') && f.bucket === 'broken-internal'), []);
  const real = s.findings.filter((f) => ['broken-internal', 'missing-name', 'stdlib-removed'].includes(f.bucket)).map((f) => `${f.file}:${f.line} ${f.bucket}`);
  assert.deepEqual(real, [
    'scripts/checkpoints/convert_legacy_checkpoints.py:3 broken-internal',
    'scripts/data/preprocess.py:4 broken-internal',
    'scripts/validation/validate_coordinate_consistency.py:2 missing-name',
  ]);
  const tiktoken = s.findings.find((f) => f.specifier === 'tiktoken');
  assert.equal(tiktoken?.bucket, 'optional');
  assert.equal(tiktoken?.breaksModule, false);
  assert.equal(s.rootCauses.length, 8);
  assert.equal(s.findings.length, 15);
});

test('seed with --no-env: declared packages are assumed installed, and the note says so', async () => {
  const s = await triage('seed-torch-cascade', { noEnv: true });
  assert.equal(s.environment.mode, 'manifests-only');
  assert.match(s.environment.note, /^--no-env: imports are checked against the declared dependencies only/);
  assert.deepEqual(s.rootCauses.map((r) => `${r.bucket} ${r.name}`), [
    'broken-internal ocr.core.legacy_transforms',
    'broken-internal ocr_ui',
    'missing-name ocr/core/validation.py:CoordinateValidator',
    'undeclared albumentations',
  ]);
});

test('a module inside a function, guarded, or type-only never takes its module down', async () => {
  const env = await triage('py-missing-from-environment');
  const fastapi = env.findings.find((f) => f.specifier === 'fastapi');
  assert.equal(fastapi?.breaksModule, false);
  assert.match(fastapi?.detail ?? '', /inside a function/);
  const typeOnly = await triage('py-type-only');
  assert.ok(typeOnly.findings.every((f) => f.bucket === 'type-only' && !f.breaksModule));
  assert.ok(typeOnly.rootCauses.every((r) => r.affectedFiles === 0));
});

test('an except clause that does not catch ImportError does not make an import optional', async () => {
  const s = await triage('py-optional');
  assert.deepEqual(s.findings.map((f) => [f.specifier, f.bucket]), [['orjson', 'optional'], ['openpyxl', 'optional'], ['xlsxwriter', 'undeclared']]);
});

test('malformed site-packages metadata is a warning naming the file; the environment is still used', async () => {
  const { audit } = await scanDir(fixturePath(AREA, 'py-bad-env-metadata'), { env: {} });
  assert.deepEqual(audit.warnings.map((w) => [w.id, w.location?.file]), [['python-env/malformed-metadata', '.venv/lib/python3.11/site-packages/pendulum-3.0.0.dist-info/METADATA']]);
  assert.equal(audit.imports?.environment.mode, 'venv');
  assert.deepEqual(audit.imports?.findings.map((f) => f.specifier), ['croniter'], 'pendulum is on disk, only its metadata is broken');
});

test('an interpreter that fails stops the scan (a usage error); the triage alone falls back to manifests only and warns', async () => {
  const failing = fixturePath('python-env', 'interpreters/failing-python');
  await assert.rejects(scanDir(fixturePath(AREA, 'seed-torch-cascade'), { env: {}, python: failing }), (e: Error) => e.name === 'UsageError' && /exited with code 3/.test(e.message));
  const { audit, rootAbs, facts, context } = await scanDir(fixturePath(AREA, 'seed-torch-cascade'), { env: {} });
  const run = await runImportTriage({ rootAbs, files: audit.files, edges: audit.edges, facts, manifests: context.manifests }, { python: failing, env: {} });
  const s = run.section;
  assert.equal(s.environment.mode, 'manifests-only');
  assert.match(s.environment.note, /could not be used \(see the warning\)/);
  assert.ok(run.diagnostics.some((d) => d.id === 'python-env/interpreter' && /exited with code 3/.test(d.message)));
  assert.ok(!s.rootCauses.some((r) => r.name === 'torch'), 'manifests only: torch is declared, so not a finding');
});

test('an interpreter that hangs is stopped at the time limit and the triage falls back', async () => {
  const { audit, rootAbs, facts, context } = await scanDir(fixturePath(AREA, 'py-undeclared'), { env: {} });
  // The fake sleeps 30 s and exits without answering: only the deadline gives the message below.
  const run = await runImportTriage(
    { rootAbs, files: audit.files, edges: audit.edges, facts, manifests: context.manifests },
    { python: fixturePath('python-env', 'interpreters/hanging-python'), env: {}, interpreterTimeoutMs: 300 },
  );
  assert.equal(run.section.environment.mode, 'manifests-only');
  assert.ok(run.diagnostics.some((d) => /did not answer within 0\.3 s/.test(d.message)));
  assert.deepEqual(run.section.findings.map((f) => [f.specifier, f.bucket]), [['urllib3', 'undeclared'], ['bs4', 'undeclared']]);
});

test('the triage is deterministic', async () => {
  const a = await triage('seed-torch-cascade');
  const b = await triage('seed-torch-cascade', { workers: 2 });
  assert.deepEqual(a, b);
});

test('failure spreads backwards along load edges, once per module, with its distance', () => {
  const reverse = new Map([
    ['torch_user.py', ['a.py', 'b.py']],
    ['a.py', ['c.py']],
    ['b.py', ['c.py']],
    ['c.py', ['a.py']], // a cycle
  ]);
  assert.deepEqual([...spreadFailure(reverse, ['torch_user.py'])], [['torch_user.py', 0], ['a.py', 1], ['b.py', 1], ['c.py', 2]]);
  assert.deepEqual([...spreadFailure(reverse, [])], []);
});

test('the lazy load graph answers as the whole graph, in its order, walking or after it is built (every fixture, every file)', async () => {
  for (const name of fixtureCases(AREA)) {
    const { audit } = await scanDir(fixturePath(AREA, name), { env: {} });
    // The triage's grouping: each importer's import edges, in the pipeline's order.
    const groups = new Map<string, Edge[]>();
    for (const e of audit.edges) {
      if (e.kind !== 'import' && e.kind !== 'dynamic-import' && e.kind !== 'type-import') continue;
      const list = groups.get(e.from);
      if (list) list.push(e);
      else groups.set(e.from, [e]);
    }
    const whole = buildImportLoadGraph(audit.files, groups);
    const paths = audit.files.map((f) => f.path);
    let asked = 0;
    for (const asks of [0, 3, Infinity]) {
      const lazy = lazyImportLoadGraph(audit.files, groups, asks);
      for (const path of paths) {
        assert.deepEqual(lazy.get(path), whole.get(path), `${name}: ${path}, after ${asks} walks`);
        if (whole.get(path) !== undefined) asked++;
      }
      assert.deepEqual([...spreadFailure(lazy, paths.slice(0, 2))], [...spreadFailure(whole, paths.slice(0, 2))], name);
    }
    if (name === 'seed-torch-cascade') assert.ok(asked > 20, 'the seed has importers and package inits to answer');
  }
});

test('pytest pythonpath from pytest.ini, tox.ini and setup.cfg is on the path: the test imports resolve, no broken-internal', async () => {
  const cases = [
    { name: 'py-pytest-pythonpath-ini', test: 'tests/test_ledger.py', target: 'lib/ledger/__init__.py', via: 'pythonpath:lib' },
    { name: 'py-pytest-pythonpath-tox', test: 'tests/test_money.py', target: 'lib/money.py', via: 'pythonpath:lib' },
    { name: 'py-pytest-pythonpath-setup-cfg', test: 'tests/test_monthly.py', target: 'code/reports/monthly.py', via: 'pythonpath:code' },
  ];
  for (const c of cases) {
    const { audit } = await scanDir(fixturePath(AREA, c.name), { env: {} });
    const edge = audit.edges.find((e) => e.from === c.test && e.kind === 'import' && e.to === c.target);
    assert.equal(edge?.via, c.via, `${c.name}: ${c.test} imports ${c.target} through pytest's pythonpath`);
    assert.deepEqual(audit.imports!.findings.filter((f) => f.bucket === 'broken-internal'), [], c.name);
    assert.equal(audit.files.find((f) => f.path === c.target)?.verdict, 'test', `${c.name}: the module is reached from the test pytest collects`);
  }
});

test("pytest reads only the first config with a pytest section: pytest.ini's pythonpath, not pyproject's", async () => {
  const { audit } = await scanDir(fixturePath(AREA, 'py-pytest-pythonpath-precedence'), { env: {} });
  const imports = audit.edges.filter((e) => e.from === 'tests/test_parse.py' && e.kind === 'import');
  assert.deepEqual(imports.map((e) => [e.specifier, e.to, e.via ?? e.unresolved]), [['csvish', 'lib/csvish.py', 'pythonpath:lib'], ['shim', null, 'not-on-path:vendor/shim.py']]);
});

test('an import that names a file but for case is broken on Linux, and the file it names is in use, not dead', async () => {
  const { audit } = await scanDir(fixturePath(AREA, 'js-case-twin'), { env: {} });
  const verdict = (path: string) => audit.files.find((f) => f.path === path);
  const twin = verdict('src/admin/importmap.js');
  assert.equal(twin?.verdict, 'production');
  assert.ok((twin?.evidence ?? []).some((e) => e.includes('differs from its path only in case')), (twin?.evidence ?? []).join('\n'));
  assert.equal(verdict('src/admin/orphan.js')?.verdict, 'dead');
  const finding = audit.imports?.findings.find((f) => f.specifier === './admin/importMap');
  assert.equal(finding?.bucket, 'broken-internal');
});

test('two import statements on one line are triaged apart: each statement gets its own edges', async () => {
  const dir = scratchDir('census-one-line-');
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', '__init__.py'), '');
  writeFileSync(join(dir, 'app', 'models.py'), 'class User:\n    pass\n');
  writeFileSync(join(dir, 'main.py'), 'import app.gone; from app.models import Order; from app import models\n');
  const { audit } = await scanDir(dir, { env: {}, noEnv: true });
  const found = (audit.imports?.findings ?? []).map((f) => `${f.line} ${f.specifier} ${f.bucket}${f.name ? ` ${f.name}` : ''}`);
  assert.deepEqual(found, ['1 app.gone broken-internal', '1 app.models missing-name Order']);
  assert.ok(audit.edges.some((e) => e.from === 'main.py' && e.specifier === 'app' && e.to === 'app/models.py'), 'from app import models reaches the module');
});

test('import triage: a minified line of 20,000 requires of one module classifies its edges once, and the one finding stays', { timeout: 120_000 }, async () => {
  // Each statement walked the line's 20,000 edges and classified every edge of `./gone` again (1,500 of them: 16 s of triage).
  const repo = mkdtempSync(join(tmpdir(), 'census-triage-line-'));
  try {
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'line', main: 'index.js', type: 'module' }));
    writeFileSync(join(repo, 'here.js'), 'export const a = 1;\n');
    writeFileSync(join(repo, 'index.js'), "import { a } from './here.js';\nimport { b } from './here.js';\nimport './bundle.cjs';\n");
    writeFileSync(join(repo, 'bundle.cjs'), `${Array.from({ length: 20_000 }, (_, i) => `exports.x${i}=require('./gone');`).join('')}\n`);
    const { audit } = await scanDir(repo);
    const findings = (audit.imports?.findings ?? []).map((f) => `${f.file}:${f.line} ${f.specifier} ${f.name ?? ''} ${f.bucket}`);
    assert.deepEqual(findings, ['bundle.cjs:1 ./gone  broken-internal', 'index.js:2 ./here.js b missing-name']);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
