/**
 * The facts cache inside the pipeline: hits give the same Audit as extracting again, changed files
 * miss, and every kind of bad pack (damaged, foreign, crafted, oversized, another flavour) is
 * ignored and rewritten, never trusted and never a crash.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FactsCache } from '../../src/cache/facts-cache.js';
import { writeSeal } from '../../src/cache/seal.js';
import { decodePack, deserializeValue, encodePack, packBlob, serializeValue } from '../../src/cache/pack.js';
import type { Audit } from '../../src/model/audit.js';
import { scanDir } from '../helpers/scan-fixture.js';

const FILES: Record<string, string> = {
  'app/main.py': '"""Runs the app."""\nfrom app import util\n\nif __name__ == "__main__":\n    util.go()\n',
  'app/util.py': 'import os\n\n\ndef go():\n    return os.getcwd()\n',
  'app/__init__.py': '',
  'app/old.py': 'import json\n',
  'web/index.ts': 'import { x } from "./lib";\nconsole.log(x);\n',
  'web/lib.ts': 'export const x = 1;\n',
  'package.json': '{"name": "w", "main": "web/index.ts"}\n',
  'README.md': 'Run `python -m app.main`.\n',
};

const makeRepo = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'census-cache-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
};

const withRepo = async (body: (repo: string) => Promise<void>): Promise<void> => {
  const repo = makeRepo();
  try {
    await body(repo);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
};

const comparable = (audit: Audit): string => JSON.stringify({ ...audit, generatedAt: '' });

const run = async (repo: string, cache = true, extra: { dir?: string; duplicates?: boolean } = {}) => {
  const warnings: string[] = [];
  const result = await scanDir(repo, {
    noEnv: true,
    ...(extra.duplicates ? { duplicates: {} } : {}),
    ...(cache ? { cache: { ...(extra.dir ? { dir: extra.dir } : {}), onWarning: (m: string) => warnings.push(m) } } : {}),
  });
  return { audit: comparable(result.audit), warnings };
};

const packsIn = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.pack')).sort() : []);
const cacheFolder = (repo: string) => join(repo, '.census', 'cache');
const onlyPack = (repo: string): string => {
  const packs = packsIn(cacheFolder(repo));
  assert.equal(packs.length, 1, `one pack in ${packs.join(', ')}`);
  return join(cacheFolder(repo), packs[0]);
};
const entriesOf = (file: string): number => {
  const pack = decodePack(readFileSync(file));
  assert.ok(!('invalid' in pack), 'the pack on disk is whole');
  return pack.index.size;
};

/** Rewrites every entry of the pack with `edit` (resealed: the checksum is right, the content is not). */
const craft = (file: string, edit: (value: Record<string, any>) => void): void => {
  const pack = decodePack(readFileSync(file));
  assert.ok(!('invalid' in pack));
  const entries = [...pack.index].map(([key, row]) => {
    const value = deserializeValue(packBlob(pack, key, row.hash)!) as Record<string, any>;
    edit(value);
    return { key, hash: row.hash, blob: serializeValue(value) };
  });
  writeFileSync(file, Buffer.concat(encodePack(pack.flavour, entries)));
};

/** Seals a pack written by the test, as if census had written it: what the checks below it then face. */
const reseal = (repo: string, file: string): void => writeSeal(repo, `.census/cache/${file.split('/').at(-1)}`);

test('a warm run answers from the cache and reports exactly what extracting again would', async () => {
  await withRepo(async (repo) => {
    const fresh = await run(repo, false);
    assert.ok(!existsSync(join(repo, '.census')), 'no cache asked: nothing written');
    const cold = await run(repo);
    const pack = onlyPack(repo);
    assert.equal(entriesOf(pack), Object.keys(FILES).length);
    assert.match(readFileSync(join(cacheFolder(repo), '.gitignore'), 'utf8'), /^\*$/m);
    const warm = await run(repo);
    assert.equal(cold.audit, fresh.audit);
    assert.equal(warm.audit, fresh.audit);
    assert.deepEqual([...cold.warnings, ...warm.warnings], []);
  });
});

test('hits are real: a cached fact that differs from the file shows in the audit (so equal output is not trivial)', async () => {
  await withRepo(async (repo) => {
    await run(repo);
    craft(onlyPack(repo), (v) => {
      if (v.record.path === 'app/old.py') v.record.lines = 999;
    });
    reseal(repo, onlyPack(repo));
    const warm = JSON.parse((await run(repo)).audit) as Audit;
    assert.equal(warm.files.find((f) => f.path === 'app/old.py')?.lines, 999);
  });
});

test('a changed file misses and is extracted again; a deleted file leaves the pack', async () => {
  await withRepo(async (repo) => {
    await run(repo);
    writeFileSync(join(repo, 'app/old.py'), 'from app import util\n');
    rmSync(join(repo, 'web/lib.ts'));
    const warm = await run(repo);
    assert.equal(warm.audit, (await run(repo, false)).audit);
    assert.equal(entriesOf(onlyPack(repo)), Object.keys(FILES).length - 1, 'the deleted file was evicted');
  });
});

test('other extraction options use their own pack; another flavour\'s pack under this name is ignored', async () => {
  await withRepo(async (repo) => {
    await run(repo);
    const plain = onlyPack(repo);
    const withDupes = await run(repo, true, { duplicates: true });
    assert.equal(packsIn(cacheFolder(repo)).length, 2);
    assert.equal(withDupes.audit, (await run(repo, false, { duplicates: true })).audit);
    // A pack written by another build (a bumped extractor version) under this run's file name.
    const pack = decodePack(readFileSync(plain));
    assert.ok(!('invalid' in pack));
    const cache = new FactsCache({ rootAbs: repo, flavour: 'ffffffffffffffff', maxPackBytes: 1e9 });
    assert.equal(cache.has([...pack.index.keys()][0]), false, 'no pack of this flavour yet');
    writeFileSync(join(cacheFolder(repo), 'facts-ffffffffffffffff.pack'), readFileSync(plain));
    reseal(repo, join(cacheFolder(repo), 'facts-ffffffffffffffff.pack'));
    const other = new FactsCache({ rootAbs: repo, flavour: 'ffffffffffffffff', maxPackBytes: 1e9 });
    assert.equal(other.has([...pack.index.keys()][0]), false);
    assert.match(other.stats.ignored ?? '', /another census build/);
  });
});

const BAD_PACKS: [string, (file: string) => void][] = [
  ['truncated', (f) => writeFileSync(f, readFileSync(f).subarray(0, 100))],
  ['not a pack (JSON)', (f) => writeFileSync(f, '{"entries": []}')],
  ['empty', (f) => writeFileSync(f, '')],
  ['entries of the wrong shape', (f) => craft(f, (v) => { v.record.bytes = 'many'; v.facts = { imports: 'all' }; })],
  ['entries with fields the Audit forbids', (f) => craft(f, (v) => { v.record.verdict = 'production'; v.record.owner = 'mallory'; })],
  ['fingerprints pointing past their tokens', (f) => craft(f, (v) => { v.fingerprint = { normalizedHash: 'x', tokens: 1, abstracted: false, k: 1, w: 1, tokenHashes: new Uint32Array(1), winnowHashes: new Uint32Array(1), winnowPositions: new Uint32Array([99]), lineTokenStarts: new Uint32Array(0), lineNumbers: new Uint32Array(0), terms: [], termCounts: new Uint32Array(0) }; })],
  ['entries for other content (hash mismatch)', (f) => craft(f, (v) => { v.record.hash = '0000000000000000'; })],
];

for (const [what, damage] of BAD_PACKS) {
  test(`a pack with ${what} is ignored and rewritten`, async () => {
    await withRepo(async (repo) => {
      const fresh = await run(repo, false);
      await run(repo);
      const file = onlyPack(repo);
      damage(file);
      reseal(repo, file);
      const again = await run(repo);
      assert.equal(again.audit, fresh.audit);
      assert.deepEqual(again.warnings, []);
      assert.equal(entriesOf(file), Object.keys(FILES).length, 'rewritten whole');
      assert.equal((await run(repo)).audit, fresh.audit);
    });
  });
}

test('a pack that arrived with the repository (committed, copied in: no matching seal) is not trusted, however well-formed', async () => {
  await withRepo(async (repo) => {
    const fresh = await run(repo, false);
    await run(repo);
    const file = onlyPack(repo);
    craft(file, (v) => {
      if (v.record.path === 'app/old.py') v.record.lines = 999;
    });
    const again = await run(repo);
    assert.equal(again.audit, fresh.audit, 'the forged line count was not used');
    const flavour = /facts-(\w+)\.pack$/.exec(file)![1];
    // A perfectly valid pack, copied: new inode and time, so its seal no longer matches.
    const copy = readFileSync(file);
    rmSync(file);
    writeFileSync(file, copy);
    utimesSync(file, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    assert.match(new FactsCache({ rootAbs: repo, flavour, maxPackBytes: 1e9 }).stats.ignored ?? '', /not sealed/);
  });
});

test('a pack over the size limit is not even read', async () => {
  await withRepo(async (repo) => {
    await run(repo);
    const file = onlyPack(repo);
    const flavour = /facts-(\w+)\.pack$/.exec(file)![1];
    const cache = new FactsCache({ rootAbs: repo, flavour, maxPackBytes: 10 });
    assert.match(cache.stats.ignored ?? '', /more than/);
    assert.equal(new FactsCache({ rootAbs: repo, flavour, maxPackBytes: 1e9 }).stats.ignored, undefined);
  });
});

test('a symlinked .census turns the cache off with one warning, and nothing is written through the link', async () => {
  await withRepo(async (repo) => {
    const outside = mkdtempSync(join(tmpdir(), 'census-cache-outside-'));
    try {
      symlinkSync(outside, join(repo, '.census'));
      const { audit, warnings } = await run(repo);
      assert.equal(audit, (await run(repo, false)).audit);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /facts cache off.*symlink/);
      assert.deepEqual(readdirSync(outside), []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

test('a cache folder that cannot be written: one warning, the scan goes on', async () => {
  await withRepo(async (repo) => {
    mkdirSync(join(repo, '.census'));
    writeFileSync(join(repo, '.census', 'cache'), 'a file where the folder should be\n');
    const { audit, warnings } = await run(repo);
    assert.equal(audit, (await run(repo, false)).audit);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /facts cache off \(\.census\/cache is not a folder/);
    const blocked = await run(repo, true, { dir: join(repo, 'README.md', 'cache') });
    assert.equal(blocked.warnings.length, 1);
  });
});

test('a read-only .census: the cache is read, not written, with one warning', { skip: process.getuid?.() === 0 ? 'root writes through any mode bits' : false }, async () => {
  await withRepo(async (repo) => {
    await run(repo);
    writeFileSync(join(repo, 'app/old.py'), 'import sys\n');
    chmodSync(cacheFolder(repo), 0o555);
    try {
      const { audit, warnings } = await run(repo);
      assert.equal(audit, (await run(repo, false)).audit);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /facts cache not written/);
    } finally {
      chmodSync(cacheFolder(repo), 0o755);
    }
  });
});

test('--cache-dir keeps the cache outside the repo and writes nothing into it', async () => {
  await withRepo(async (repo) => {
    const dir = mkdtempSync(join(tmpdir(), 'census-cache-dir-'));
    try {
      const cold = await run(repo, true, { dir });
      assert.equal(packsIn(dir).length, 1);
      assert.ok(!existsSync(join(repo, '.census')));
      const warm = await run(repo, true, { dir });
      assert.equal(warm.audit, cold.audit);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('a file over --max-file-size read for its imports is cached under its bytes\' hash, its record\'s hash staying empty', async () => {
  await withRepo(async (repo) => {
    // A bundle chunk over the default 1 MB limit: read for its imports alone (large-file-imports.ts).
    const chunk = `import { x } from "./lib";\n${Array.from({ length: 60_000 }, (_, i) => `export const v${i} = ${i};\n`).join('')}`;
    writeFileSync(join(repo, 'web/chunk.js'), chunk);
    const fresh = await run(repo, false);
    const bundle = (JSON.parse(fresh.audit) as Audit).files.find((f) => f.path === 'web/chunk.js');
    assert.equal(bundle?.hash, '', 'the Audit lists it as not analysed');
    await run(repo);
    assert.equal(entriesOf(onlyPack(repo)), Object.keys(FILES).length + 1, 'the chunk has an entry');
    const warm = await run(repo);
    assert.equal(warm.audit, fresh.audit);
    // The entry is used: a crafted fact shows.
    craft(onlyPack(repo), (v) => {
      if (v.record.path === 'web/chunk.js') v.record.lines = 999;
    });
    reseal(repo, onlyPack(repo));
    assert.equal((JSON.parse((await run(repo)).audit) as Audit).files.find((f) => f.path === 'web/chunk.js')?.lines, 999);
    // Changed bytes miss and are read again.
    writeFileSync(join(repo, 'web/chunk.js'), `${chunk}export const tail = 1;\n`);
    assert.equal((await run(repo)).audit, (await run(repo, false)).audit);
  });
});
