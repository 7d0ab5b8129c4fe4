import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Edge } from '../../src/model/edge.js';
import type { FileRecord, Language } from '../../src/model/file.js';
import type { RuntimeTrace } from '../../src/model/runtime.js';
import type { Verdict } from '../../src/model/verdict.js';
import { overlayRuntime } from '../../src/runtime/overlay.js';

const LANGUAGE_BY_EXTENSION: Record<string, Language> = { py: 'python', js: 'javascript', sh: 'shell', json: 'json', md: 'markdown' };

const file = (path: string, verdict?: Verdict, evidence?: string[]): FileRecord => {
  const record: FileRecord = { path, language: LANGUAGE_BY_EXTENSION[path.split('.').pop()!] ?? 'other', bytes: 10, lines: 1, codeLines: 1, hash: '0', executable: false };
  if (verdict) {
    record.verdict = verdict;
    record.evidence = evidence ?? [`${verdict} evidence for ${path}`];
  }
  return record;
};

const trace = (label: string, files: string[], modules: string[] = []): RuntimeTrace => ({ label, source: `${label}.log`, format: 'plain-list', files, modules });

const edge = (from: string, to: string | null, line: number, kind: Edge['kind'], specifier: string): Edge => ({ from, to, kind, line, specifier, names: [], guard: null });

/** The seed's batch run: 11 of the 71 scripts loaded. */
const SEED_LOADED = [
  'scripts/audit_logger.py',
  'scripts/batch_tasks.py',
  'scripts/cache.py',
  'scripts/config.py',
  'scripts/db.py',
  'scripts/intake_service.py',
  'scripts/production_processor.py',
  'scripts/status_manager.py',
  'scripts/validation/entity_validator.py',
  'scripts/validation/ocr_validator.py',
  'scripts/validation/pipeline_validator.py',
];
const SEED_UNUSED = Array.from({ length: 60 }, (_, i) => `scripts/utilities/check_${String(i).padStart(2, '0')}.py`);

describe('overlayRuntime: utilization', () => {
  it('counts 11 of 71 scripts loaded as 15.5%, in scope, with the repo outside scope left out', () => {
    const files = [...SEED_LOADED, ...SEED_UNUSED].map((p) => file(p, 'production')).concat([file('web/app.js', 'production'), file('README.md')]);
    const { runtime } = overlayRuntime({ files, edges: [], traces: [trace('batch', SEED_LOADED)], scope: 'scripts/' });
    assert.deepEqual(runtime.utilization, { scope: 'scripts', loaded: 11, total: 71, pct: 15.5 });
    assert.deepEqual(runtime.byLabel, [{ label: 'batch', loaded: 11, total: 71, pct: 15.5 }]);
    assert.deepEqual(runtime.loaded, SEED_LOADED);
    assert.deepEqual(runtime.dormant, SEED_UNUSED, 'production scripts no run loaded; web/app.js is out of scope');
    assert.deepEqual(runtime.runtimeOnly, []);
  });

  it('reports "19 of 29" style numbers per label and for the merged runs', () => {
    const scripts = Array.from({ length: 29 }, (_, i) => `scripts/job_${String(i).padStart(2, '0')}.py`);
    const files = scripts.map((p) => file(p, 'production'));
    const morning = trace('morning', scripts.slice(0, 12));
    const evening = trace('evening', scripts.slice(7, 19));
    const { runtime } = overlayRuntime({ files, edges: [], traces: [morning, evening], scope: 'scripts' });
    assert.deepEqual(runtime.utilization, { scope: 'scripts', loaded: 19, total: 29, pct: 65.5 });
    assert.deepEqual(runtime.byLabel, [
      { label: 'morning', loaded: 12, total: 29, pct: 41.4 },
      { label: 'evening', loaded: 12, total: 29, pct: 41.4 },
    ]);
    assert.deepEqual(runtime.sources, [
      { label: 'morning', source: 'morning.log', format: 'plain-list' },
      { label: 'evening', source: 'evening.log', format: 'plain-list' },
    ]);
    assert.equal(runtime.dormant.length, 10);
  });

  it('scopes to the whole repo without a scope, and is 0% of nothing', () => {
    const { runtime } = overlayRuntime({ files: [file('a.py', 'dead'), file('b.sh', 'dead')], edges: [], traces: [trace('r', ['a.py'])] });
    assert.deepEqual(runtime.utilization, { scope: '', loaded: 1, total: 2, pct: 50 });
    const empty = overlayRuntime({ files: [file('a.py')], edges: [], traces: [trace('r', [])], scope: 'nothing-here' });
    assert.deepEqual(empty.runtime.utilization, { scope: 'nothing-here', loaded: 0, total: 0, pct: 0 });
  });
});

describe('overlayRuntime: verdict changes', () => {
  const nightlyFiles = (): FileRecord[] => [
    file('batch/nightly_runner.py', 'production', ['Procfile worker: bash bin/run_batch.sh nightly', 'run by bin/run_batch.sh:5']),
    file('tasks/ingest_invoices.py', 'dead', ['not imported, run or loaded by any file']),
    file('tasks/ledger_common.py', 'manual', ['imported by tools/backfill_history.py:2']),
    file('tasks/purge_archive.py', 'dead'),
    file('plugins/slack_notifier.js'),
  ];
  const nightlyEdges = [
    edge('batch/nightly_runner.py', null, 16, 'dynamic-import', 'f"tasks.{name}"'),
    edge('web/server.js', null, 8, 'dynamic-import', '`./plugins/${name}.js`'),
    edge('tasks/ingest_invoices.py', 'tasks/ledger_common.py', 2, 'import', 'tasks.ledger_common'),
  ];

  it('makes a loaded file production with "loaded in run <label>", and reports the missing static edge with a hint', () => {
    const files = nightlyFiles();
    const before = structuredClone(files);
    const result = overlayRuntime({ files, edges: nightlyEdges, traces: [trace('nightly', ['batch/nightly_runner.py', 'tasks/ingest_invoices.py', 'tasks/ledger_common.py'])] });
    assert.deepEqual(files, before, 'the input is not modified');
    const byPath = new Map(result.files.map((f) => [f.path, f]));

    assert.deepEqual(byPath.get('batch/nightly_runner.py')!.evidence, ['Procfile worker: bash bin/run_batch.sh nightly', 'run by bin/run_batch.sh:5', 'batch/nightly_runner.py is loaded in run nightly']);
    assert.equal(byPath.get('tasks/ingest_invoices.py')!.verdict, 'production');
    assert.deepEqual(byPath.get('tasks/ingest_invoices.py')!.evidence, [
      'tasks/ingest_invoices.py is loaded in run nightly',
      'loaded at runtime; no static edge found (probably loaded by the computed import at batch/nightly_runner.py:16)',
      'without the run: dead — not imported, run or loaded by any file',
    ]);
    assert.equal(byPath.get('tasks/purge_archive.py')!.verdict, 'dead');
    assert.equal(byPath.get('tasks/purge_archive.py'), files[3], 'unchanged records are passed through');

    assert.deepEqual(result.runtime.runtimeOnly, [
      { file: 'tasks/ingest_invoices.py', labels: ['nightly'], staticVerdict: 'dead', hint: 'probably loaded by the computed import at batch/nightly_runner.py:16' },
      { file: 'tasks/ledger_common.py', labels: ['nightly'], staticVerdict: 'manual', hint: 'imported by tasks/ingest_invoices.py:2, which the run loaded (the static chain to it is missing)' },
    ]);
    assert.deepEqual(result.diagnostics.map((d) => [d.id, d.severity, d.location?.file]), [
      ['runtime/no-static-edge', 'info', 'tasks/ingest_invoices.py'],
      ['runtime/no-static-edge', 'info', 'tasks/ledger_common.py'],
    ]);
    assert.deepEqual(result.runtime.dormant, []);
  });

  it('prefers the computed import whose literal prefix fits the file', () => {
    const files = [file('web/server.js', 'production'), file('plugins/slack_notifier.js', 'dead'), file('web/plugins/github_status.js', 'dead')];
    const edges = [edge('web/server.js', null, 3, 'dynamic-import', 'process.env.HANDLER'), edge('web/server.js', null, 8, 'dynamic-import', '`./plugins/${name}.js`')];
    const { runtime } = overlayRuntime({ files, edges, traces: [trace('relay', ['web/server.js', 'web/plugins/github_status.js', 'plugins/slack_notifier.js'])] });
    assert.deepEqual(runtime.runtimeOnly.map((r) => [r.file, r.hint]), [
      ['plugins/slack_notifier.js', 'probably loaded by the computed import at web/server.js:3'],
      ['web/plugins/github_status.js', 'probably loaded by the computed import at web/server.js:8'],
    ]);
  });

  it('treats every file as not production while verdicts are absent', () => {
    const { runtime, files } = overlayRuntime({ files: [file('a.py'), file('b.py')], edges: [], traces: [trace('r', ['a.py'])] });
    assert.deepEqual(runtime.runtimeOnly, [{ file: 'a.py', labels: ['r'] }]);
    assert.deepEqual(runtime.dormant, []);
    assert.equal(files[0].verdict, 'production');
    assert.deepEqual(files[0].evidence, ['a.py is loaded in run r', 'loaded at runtime; no static edge found']);
    assert.equal(files[1].verdict, undefined);
  });

  it('lists every run that loaded a file, once per label', () => {
    const { files } = overlayRuntime({ files: [file('a.py', 'production', ['cron 0 2 * * * python a.py'])], edges: [], traces: [trace('mon', ['a.py']), trace('tue', ['a.py']), trace('mon', ['a.py'])] });
    assert.deepEqual(files[0].evidence, ['cron 0 2 * * * python a.py', 'a.py is loaded in run mon', 'a.py is loaded in run tue']);
  });
});

describe('overlayRuntime: evidence it must place', () => {
  it('maps module names (and their parent packages) through moduleToFile and counts the unmapped', () => {
    const modules: Record<string, string> = { scripts: 'scripts/__init__.py', 'scripts.validation': 'scripts/validation/__init__.py', 'scripts.validation.ocr_validator': 'scripts/validation/ocr_validator.py' };
    const files = Object.values(modules).map((p) => file(p, 'production')).concat(file('scripts/db.py', 'production'));
    const { runtime } = overlayRuntime({
      files,
      edges: [],
      traces: [trace('log', [], ['json', 'scripts.validation.ocr_validator', 'subprocess'])],
      moduleToFile: (name) => modules[name] ?? null,
    });
    assert.deepEqual(runtime.loaded, ['scripts/__init__.py', 'scripts/validation/__init__.py', 'scripts/validation/ocr_validator.py']);
    assert.equal(runtime.unmappedModules, 2);
    assert.deepEqual(runtime.dormant, ['scripts/db.py']);
  });

  it('keeps loaded files that are not source or not scanned out of the verdicts and says so', () => {
    const files = [file('config/settings.json'), file('app.js', 'production')];
    const result = overlayRuntime({ files, edges: [], traces: [trace('r', ['app.js', 'config/settings.json', 'build/generated.js'])] });
    assert.deepEqual(result.runtime.loaded, ['app.js', 'build/generated.js', 'config/settings.json']);
    assert.equal(result.files[0].verdict, undefined);
    assert.deepEqual(result.runtime.utilization, { scope: '', loaded: 1, total: 1, pct: 100 });
    assert.deepEqual(result.diagnostics.map((d) => d.id), ['runtime/not-scanned']);
    assert.match(result.diagnostics[0].message, /build\/generated\.js/);
  });
});
