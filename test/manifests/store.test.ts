/**
 * The manifest store: each manifest is read from disk once per scan at most however many stages ask,
 * each is parsed once per format, a parse problem is reported once, and `nearest` finds the
 * closest file at or above a folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { relative, sep } from 'node:path';
import { Manifests, type ManifestFormat } from '../../src/manifests/store.js';
import { fixturePath } from '../helpers/fixtures.js';
import { listFiles } from '../helpers/run-detector.js';
import { scanDir } from '../helpers/scan-fixture.js';

const ROOT = fixturePath('manifests', 'every-kind');

/** Text reads (utf8) of files under `root` during `run`; extraction reads bytes, which are not counted. */
const countTextReads = async (root: string, run: () => Promise<unknown>): Promise<Map<string, number>> => {
  const counts = new Map<string, number>();
  const original = fs.readFileSync;
  const patched = function (this: unknown, ...args: Parameters<typeof fs.readFileSync>) {
    const [path, options] = args;
    const encoding = typeof options === 'string' ? options : (options as { encoding?: string } | undefined)?.encoding;
    const rel = relative(root, String(path)).split(sep).join('/');
    if (encoding && !rel.startsWith('..')) counts.set(rel, (counts.get(rel) ?? 0) + 1);
    return original.apply(fs, args);
  } as typeof fs.readFileSync;
  fs.readFileSync = patched;
  try {
    await run();
  } finally {
    fs.readFileSync = original;
  }
  return counts;
};

const MANIFESTS = [
  'pyproject.toml', 'setup.cfg', 'setup.py', 'pytest.ini', 'requirements.txt', 'requirements-base.txt', 'Pipfile',
  'package.json', 'web/package.json', 'tsconfig.json', 'tsconfig.base.json', 'web/tsconfig.json', 'services/worker/tox.ini', 'docker-compose.yml', 'Dockerfile', 'Makefile',
];

const KEPT_BY_EXTRACTION = /\.(?:json|ya?ml)$/;

test('a scan reads every manifest from disk once at most, however many stages use it', async () => {
  const files = new Set(listFiles(ROOT));
  for (const m of MANIFESTS) assert.ok(files.has(m), `the fixture has ${m}`);
  const counts = await countTextReads(ROOT, () => scanDir(ROOT, { env: {} }));
  // JSON and YAML texts extraction decoded are kept for the store (stop 55): read once at most, and
  // one read after extraction not at all; every other manifest once.
  for (const m of MANIFESTS) {
    const reads = counts.get(m) ?? 0;
    if (KEPT_BY_EXTRACTION.test(m)) assert.ok(reads <= 1, `${m} read ${reads} times`);
    else assert.equal(reads, 1, `${m} read ${reads} times`);
  }
  assert.equal(counts.get('web/package.json') ?? 0, 0, 'web/package.json, first asked after extraction, is its kept text');
  // The count is not trivially one: these manifests are each used by several stages.
  const { audit } = await scanDir(ROOT, { env: {} });
  assert.ok(audit.entries.some((e) => e.source === 'pyproject.toml'), 'pyproject.toml declares entries');
  assert.ok(audit.imports!.environment.note.includes('manifest'), 'and dependencies');
  assert.ok(audit.edges.some((e) => e.via === 'pythonpath:lib'), 'and pytest pythonpath');
  assert.ok(audit.edges.some((e) => e.via === 'tsconfig-paths'), 'tsconfig paths through extends');
});

test('the store parses a file once per format and reports its problems once', () => {
  let reads = 0;
  let parses = 0;
  const manifests = new Manifests({ files: new Set(['a.cfg']), readText: () => (reads++, 'broken') });
  const format: ManifestFormat<string> = {
    id: 'test-format',
    parse: (text, path) => (parses++, { value: null, diagnostics: [{ id: 'x/bad', severity: 'warning', message: `bad: ${text}`, location: { file: path, line: 1 } }] }),
  };
  for (let i = 0; i < 3; i++) assert.equal(manifests.get('a.cfg', format), null);
  assert.equal(manifests.text('a.cfg'), 'broken');
  assert.deepEqual([reads, parses], [1, 1]);
  assert.deepEqual(manifests.diagnostics().map((d) => d.message), ['bad: broken']);
});

test('nearest: the closest file at or above a folder; earlier names win inside one folder', () => {
  const manifests = new Manifests({ files: new Set(['package.json', 'web/package.json', 'web/app/jsconfig.json', 'web/app/tsconfig.json']), readText: () => null });
  assert.equal(manifests.nearest('web/app/src', 'package.json'), 'web/package.json');
  assert.equal(manifests.nearest('docs', 'package.json'), 'package.json');
  assert.equal(manifests.nearest('', 'package.json'), 'package.json');
  assert.equal(manifests.nearest('web/app/src', ['tsconfig.json', 'jsconfig.json']), 'web/app/tsconfig.json');
  assert.equal(manifests.nearest('web', ['tsconfig.json', 'jsconfig.json']), null);
  assert.deepEqual(manifests.all((p) => p.endsWith('package.json')), ['package.json', 'web/package.json']);
});

test('a reader that throws becomes one warning naming the file, not a crash', () => {
  const manifests = new Manifests({ files: new Set(['x.toml']), readText: () => 'text' });
  const throwing: ManifestFormat<string> = { id: 'fragile', parse: () => { throw new Error('boom'); } };
  assert.equal(manifests.get('x.toml', throwing), null);
  assert.equal(manifests.get('x.toml', throwing), null);
  assert.deepEqual(manifests.diagnostics().map((d) => [d.id, d.location?.file, d.message]), [['manifest/reader-crash', 'x.toml', 'the fragile reader failed: boom']]);
});
