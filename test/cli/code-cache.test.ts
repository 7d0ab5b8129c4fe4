/**
 * bin/code-cache.js loads census's one-file build with a V8 code cache kept in a private folder of
 * the OS temp folder: a second process takes what the first wrote, a changed file is never run
 * from an old cache, and a folder another user could write into is not used (its bytecode would run
 * as this user).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { scratchDir } from '../helpers/scratch.js';

interface Loaded {
  exports: { answer: () => number };
  save: () => void;
  cacheTaken: boolean;
}
type Loader = (file: string, variant: string, tempDir?: string, env?: NodeJS.ProcessEnv) => Loaded;

const { loadWithCodeCache } = (await import(pathToFileURL(join(REPO_ROOT, 'bin/code-cache.js')).href)) as { loadWithCodeCache: Loader };

/** A scratch folder standing for the OS temp folder, a CommonJS file in it, and the cache folder census would use there. */
const withTemp = <T>(source: string, body: (load: (variant: string, env?: NodeJS.ProcessEnv) => Loaded, file: string, cacheDir: string) => T): T => {
  const temp = scratchDir('census-code-cache-test-');
  const file = join(temp, 'build.cjs');
  writeFileSync(file, source);
  return body((variant, env = {}) => loadWithCodeCache(file, variant, temp, env), file, join(temp, `census-code-cache-${process.getuid!()}`));
};

const SOURCE = 'const base = 40;\nexports.answer = function answer() { return base + 2; };\n';

test('a second load takes the code cache the first one wrote, and runs the same code', () => {
  withTemp(SOURCE, (load, _file, cacheDir) => {
    const first = load('one-shot');
    assert.equal(first.cacheTaken, false);
    assert.equal(first.exports.answer(), 42);
    first.save();
    assert.equal(readdirSync(cacheDir).length, 1, 'one cache file');
    const second = load('one-shot');
    assert.equal(second.cacheTaken, true);
    assert.equal(second.exports.answer(), 42);
    // Another variant of the engine flags has a cache of its own.
    assert.equal(load('default').cacheTaken, false);
  });
});

test('a changed file of the same length is not run from the old file\'s cache', () => {
  withTemp(SOURCE, (load, file) => {
    load('one-shot').save();
    // V8 checks a cache against the source's length only: the key holds a hash of the text.
    writeFileSync(file, SOURCE.replace('40', '50'));
    const changed = load('one-shot');
    assert.equal(changed.cacheTaken, false);
    assert.equal(changed.exports.answer(), 52);
  });
});

test('a cache folder others may write into, or a link, is not used', () => {
  withTemp(SOURCE, (load, _file, cacheDir) => {
    mkdirSync(cacheDir);
    chmodSync(cacheDir, 0o777);
    const loaded = load('one-shot');
    loaded.save();
    assert.equal(loaded.cacheTaken, false);
    assert.deepEqual(readdirSync(cacheDir), [], 'nothing written into a folder others may write');
  });
  withTemp(SOURCE, (load, _file, cacheDir) => {
    const elsewhere = `${cacheDir}-target`;
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, cacheDir);
    load('one-shot').save();
    assert.deepEqual(readdirSync(elsewhere), [], 'nothing written through a link');
  });
});

test('NODE_DISABLE_COMPILE_CACHE turns the cache off', () => {
  withTemp(SOURCE, (load, _file, cacheDir) => {
    load('one-shot', { NODE_DISABLE_COMPILE_CACHE: '1' }).save();
    assert.equal(existsSync(cacheDir), false);
  });
});
