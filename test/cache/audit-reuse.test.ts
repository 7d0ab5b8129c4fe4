/**
 * A re-run with nothing changed answers from the recorded Audit (audit-run.ts, cache/snapshot.ts),
 * and whatever changed, the Audit it gives is exactly a cold scan's but for `generatedAt`: an
 * edited, added or deleted file, a changed config or manifest, a file touched without a change,
 * options, runtime evidence, an installed package, junk, a tracked file the census leaves out.
 * A damaged or unsealed record is not used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditOrScan, recordedAuditJson, type AuditRun } from '../../src/audit-run.js';
import { jsonPieces } from '../../src/report/json.js';
import type { Audit } from '../../src/model/audit.js';
import { DEFAULT_MAX_FILE_SIZE, type ScanOptions } from '../../src/pipeline.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const DEMO = join(REPO_ROOT, 'examples/demo');

const FIXTURE: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["requests"]\n',
  Procfile: 'web: python app/main.py\n',
  'app/__init__.py': '',
  'app/main.py': 'from app import util\nimport requests\n\nutil.go()\n',
  'app/util.py': 'def go():\n    return 1\n',
  'app/old.py': 'import json\n',
  'web/package.json': '{ "name": "web", "main": "index.js", "dependencies": { "left-pad": "1" } }\n',
  'web/index.js': 'const pad = require("left-pad");\nrequire("./lib");\n',
  'web/lib.js': 'module.exports = 1;\n',
  'vendor/tracked.py': 'x = 1\n',
};

const git = (repo: string, ...args: string[]): void => {
  execFileSync('git', ['-c', 'user.name=census', '-c', 'user.email=census@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'ignore' });
};

const makeRepo = (files: Record<string, string> | string): string => {
  const repo = mkdtempSync(join(tmpdir(), 'census-reuse-'));
  if (typeof files === 'string') cpSync(files, repo, { recursive: true });
  else {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
  }
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'start');
  return repo;
};

const optionsFor = (repo: string, cacheDir: string | null, more: Partial<ScanOptions> = {}): ScanOptions => ({
  root: repo, include: [], exclude: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, defaultExcludes: true, workers: 1,
  ...(cacheDir !== null ? { cache: cacheDir === '' ? {} : { dir: cacheDir } } : {}),
  ...more,
});

/** The Audit as `scan --format json` writes it, without generatedAt. */
const text = (audit: Audit): string => JSON.stringify({ ...audit, generatedAt: '' }, null, 2);

/** A warm run (recorded audit or scan) and a cold one, with the same options: the same Audit. */
const warmAndCold = async (repo: string, cacheDir: string, more: Partial<ScanOptions> = {}): Promise<AuditRun> => {
  const warm = await auditOrScan(optionsFor(repo, cacheDir, more));
  const cold = await scanDir(repo, { workers: 1, ...more });
  assert.equal(text(warm.audit), text(cold.audit));
  assert.notEqual(warm.audit.generatedAt, '');
  return warm;
};

const withRepo = async (files: Record<string, string> | string, body: (repo: string, cacheDir: string) => Promise<void>): Promise<void> => {
  const repo = makeRepo(files);
  const cacheDir = mkdtempSync(join(tmpdir(), 'census-reuse-cache-'));
  try {
    await body(repo, cacheDir);
  } finally {
    rmSync(repo, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
};

const EDITS: [string, string | Record<string, string>, (repo: string) => void][] = [
  ['demo: a file edited', DEMO, (r) => writeFileSync(join(r, 'sidecar/admin.py'), `${readFileSync(join(r, 'sidecar/admin.py'), 'utf8')}\nimport sidecar.embed\n`)],
  ['demo: a file added', DEMO, (r) => writeFileSync(join(r, 'scripts/new_tool.py'), 'from scripts import ingest_helpers\n')],
  ['demo: a file deleted', DEMO, (r) => rmSync(join(r, 'scripts/kb_measure.py'))],
  ['demo: the manifest changed', DEMO, (r) => writeFileSync(join(r, 'requirements.txt'), 'fastapi\n')],
  ['demo: a census config added', DEMO, (r) => writeFileSync(join(r, 'census.config.json'), '{ "tooling": ["scripts/kb_measure.py"] }\n')],
  ['fixture: a file edited', FIXTURE, (r) => writeFileSync(join(r, 'app/util.py'), 'import app.old\n')],
  ['fixture: a file added', FIXTURE, (r) => writeFileSync(join(r, 'web/extra.js'), 'require("./lib");\n')],
  ['fixture: a file deleted', FIXTURE, (r) => rmSync(join(r, 'web/lib.js'))],
  ['fixture: package.json changed', FIXTURE, (r) => writeFileSync(join(r, 'web/package.json'), '{ "name": "web", "main": "lib.js" }\n')],
  ['fixture: a package installed', FIXTURE, (r) => {
    mkdirSync(join(r, 'web/node_modules/left-pad'), { recursive: true });
    writeFileSync(join(r, 'web/node_modules/left-pad/package.json'), '{ "name": "left-pad" }\n');
  }],
  ['fixture: an editor swap file (the Audit lists it as junk)', FIXTURE, (r) => writeFileSync(join(r, 'app/.util.py.swp'), 'x')],
  ['fixture: a tracked file the census excludes edited (git.dirty)', FIXTURE, (r) => writeFileSync(join(r, 'vendor/tracked.py'), 'x = 2\n')],
];

test('after each kind of change the re-run gives exactly the cold Audit, then reuses it', async () => {
  for (const [what, files, change] of EDITS) {
    await withRepo(files, async (repo, cacheDir) => {
      const more = { exclude: ['vendor'] };
      assert.equal((await warmAndCold(repo, cacheDir, more)).reused, false, `${what}: first run scans`);
      assert.equal((await warmAndCold(repo, cacheDir, more)).reused, true, `${what}: nothing changed`);
      change(repo);
      assert.equal((await warmAndCold(repo, cacheDir, more)).reused, false, what);
      assert.equal((await warmAndCold(repo, cacheDir, more)).reused, true, `${what}: nothing changed since`);
    });
  }
});

test('a file touched without a change, or rewritten with the same bytes, is no change', async () => {
  await withRepo(FIXTURE, async (repo, cacheDir) => {
    await auditOrScan(optionsFor(repo, cacheDir));
    utimesSync(join(repo, 'app/util.py'), new Date(), new Date());
    writeFileSync(join(repo, 'web/lib.js'), readFileSync(join(repo, 'web/lib.js')));
    assert.equal((await warmAndCold(repo, cacheDir)).reused, true);
  });
});

test('options that change the Audit are in the key: each variant is recorded and reused on its own', async () => {
  await withRepo(FIXTURE, async (repo, cacheDir) => {
    const variants: Partial<ScanOptions>[] = [{}, { exclude: ['web'] }, { focus: 'app' }, { duplicates: {} }, { noEnv: true }];
    for (const more of variants) assert.equal((await warmAndCold(repo, cacheDir, more)).reused, false, JSON.stringify(more));
    // Up to four variants are kept: the first one was dropped, the last three still answer.
    for (const more of variants.slice(-3)) assert.equal((await warmAndCold(repo, cacheDir, more)).reused, true, JSON.stringify(more));
  });
});

test('runtime evidence is part of the key: a coverage file added to its folder, a trace edited', async () => {
  await withRepo(FIXTURE, async (repo, cacheDir) => {
    const evidence = mkdtempSync(join(tmpdir(), 'census-reuse-evidence-'));
    try {
      const coverage = (files: string[]) => `${JSON.stringify({ result: files.map((f) => ({ url: `file://${join(repo, f)}`, functions: [] })) })}\n`;
      mkdirSync(join(evidence, 'coverage'));
      writeFileSync(join(evidence, 'coverage/coverage-1.json'), coverage(['web/index.js']));
      const folder = { runtime: [join(evidence, 'coverage')] };
      assert.equal((await warmAndCold(repo, cacheDir, folder)).reused, false);
      assert.equal((await warmAndCold(repo, cacheDir, folder)).reused, true);
      writeFileSync(join(evidence, 'coverage/coverage-2.json'), coverage(['web/lib.js']));
      assert.equal((await warmAndCold(repo, cacheDir, folder)).reused, false, 'a coverage file added to the folder');
      const trace = (loaded: string[]) => `${JSON.stringify({ format: 'census-trace', version: 1, label: 'web', loaded })}\n`;
      writeFileSync(join(evidence, 'trace.json'), trace(['app/main.py']));
      const file = { runtime: [join(evidence, 'trace.json')] };
      assert.equal((await warmAndCold(repo, cacheDir, file)).reused, false);
      assert.equal((await warmAndCold(repo, cacheDir, file)).reused, true);
      writeFileSync(join(evidence, 'trace.json'), trace(['app/old.py']));
      assert.equal((await warmAndCold(repo, cacheDir, file)).reused, false, 'a trace edited');
    } finally {
      rmSync(evidence, { recursive: true, force: true });
    }
  });
});

test('a damaged record is ignored: the run scans, and records anew', async () => {
  const flip = (at: (bytes: Buffer) => number) => (f: string) => {
    const bytes = readFileSync(f);
    bytes[at(bytes)] ^= 0xff;
    writeFileSync(f, bytes);
  };
  // [what, damage, whether the Audit object is still whole, whether its JSON text is]: each part is checked on its own.
  const damages: [string, (file: string) => void, boolean, boolean][] = [
    ['truncated', (f) => truncateSync(f, Math.floor(readFileSync(f).length / 2)), false, false],
    ['a byte of the head flipped', flip(() => 40), false, false],
    ['a byte of the first record flipped', flip((b) => 36 + b.readUInt32LE(32) + 20), false, true],
    ['a byte of the JSON text flipped', flip((b) => b.length - 10), true, false],
    ['emptied', (f) => writeFileSync(f, ''), false, false],
  ];
  for (const [what, damage, objectWhole, jsonWhole] of damages) {
    await withRepo(FIXTURE, async (repo, cacheDir) => {
      await auditOrScan(optionsFor(repo, cacheDir));
      assert.ok(recordedAuditJson(optionsFor(repo, cacheDir)), `${what}: the JSON text answers before`);
      const records = readdirSync(cacheDir).filter((n) => n.endsWith('.snapshot'));
      assert.equal(records.length, 1);
      damage(join(cacheDir, records[0]));
      assert.equal(recordedAuditJson(optionsFor(repo, cacheDir)) !== null, jsonWhole, `${what}: the JSON text`);
      assert.equal((await warmAndCold(repo, cacheDir)).reused, objectWhole, what);
      if (!objectWhole) assert.equal((await warmAndCold(repo, cacheDir)).reused, true, `${what}: recorded anew`);
    });
  }
});

test('the recorded JSON text is the cold scan\'s JSON, byte for byte, with a new generatedAt', async () => {
  await withRepo(DEMO, async (repo, cacheDir) => {
    const cold = await scanDir(repo, { workers: 1 });
    assert.equal(recordedAuditJson(optionsFor(repo, cacheDir)), null, 'nothing recorded yet');
    await auditOrScan(optionsFor(repo, cacheDir));
    const text = recordedAuditJson(optionsFor(repo, cacheDir));
    assert.ok(text);
    const parsed = JSON.parse(text.join('')) as Audit;
    assert.notEqual(parsed.generatedAt, cold.audit.generatedAt);
    assert.equal(text.join(''), [...jsonPieces({ ...cold.audit, generatedAt: parsed.generatedAt })].join(''));
    writeFileSync(join(repo, 'scripts/new_tool.py'), '');
    assert.equal(recordedAuditJson(optionsFor(repo, cacheDir)), null, 'a file added');
  });
});

test('a record in .census/cache/ that census did not seal there (one that came with the repo) is not trusted', async () => {
  await withRepo(FIXTURE, async (repo) => {
    await auditOrScan(optionsFor(repo, ''));
    assert.equal((await warmAndCold(repo, '')).reused, true, 'sealed: reused');
    const folder = join(repo, '.census/cache');
    const record = readdirSync(folder).find((n) => n.endsWith('.snapshot'))!;
    // A copy is a new file (new inode and time): what a clone or checkout makes.
    cpSync(join(folder, record), join(folder, 'copy'));
    renameSync(join(folder, 'copy'), join(folder, record));
    const run = await auditOrScan(optionsFor(repo, ''));
    assert.equal(run.reused, false);
  });
});
