// Loads census's one-file CommonJS build (dist/bundle/census.cjs, made by scripts/bundle.mjs) with
// a V8 code cache: the bytecode of every function an earlier run compiled, kept in a folder of the
// OS temp folder that only this user may write (never in the audited repo).
//
// Why: Node 20 has no compile cache for ES modules (Node 22's `module.enableCompileCache` is not
// there), so every census process parsed and compiled the bundle's source again, and then each
// function it ran the first time: on saleor's cold scan about 0.23 s of ~2.6 s CPU, what loading
// the same code from a code cache saves (docs/architecture.md, "Where the time goes", stop 59).
// V8 takes a cache only for the same source length, V8 version and flags, and recompiles when it
// refuses one; the file's name also holds a hash of the source, Node's version and the variant
// (the one-shot engine flags or V8's defaults), so a rebuilt census never meets an old cache.
//
// The cache is written once per key, when none was taken: making one costs about 23 ms. A run
// that compiled much more than the cache held (the first run was `census --help`, or scanned a
// JavaScript tree and this one a Python tree) writes it again, so the cache grows to what is run.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

/** Bytecode compiled after the load beyond this many bytes means the cache lacked much of what ran: write it again. */
const GROWTH_TO_REWRITE = 512 * 1024;
/** Caches of other builds (other keys) older than this are removed when a new one is written. */
const STALE_MS = 24 * 3600 * 1000;

/** The user's own cache folder in the temp folder, made private; null when it is not safely ours or caching is off. */
const privateCacheDir = (tempDir, env) => {
  if (env.NODE_DISABLE_COMPILE_CACHE || typeof process.getuid !== 'function') return null;
  const dir = join(tempDir, `census-code-cache-${process.getuid()}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if (e.code !== 'EEXIST') return null;
  }
  try {
    // Another user's folder, a link or a folder others may write into could hand this process bytecode to run.
    const st = fs.lstatSync(dir);
    return st.isDirectory() && st.uid === process.getuid() && (st.mode & 0o022) === 0 ? dir : null;
  } catch {
    return null;
  }
};

const readIfThere = (path) => {
  try {
    return fs.readFileSync(path);
  } catch {
    return undefined;
  }
};

/** Writes the cache beside the old ones (a temporary name, then a rename: a reader never sees half), and drops stale ones. */
const writeCache = (dir, path, data) => {
  try {
    const temp = `${path}.${process.pid}.tmp`;
    fs.writeFileSync(temp, data, { mode: 0o600 });
    fs.renameSync(temp, path);
    const now = Date.now();
    for (const name of fs.readdirSync(dir)) {
      const other = join(dir, name);
      if (other !== path && now - fs.statSync(other).mtimeMs > STALE_MS) fs.rmSync(other, { force: true });
    }
  } catch {
    // a cache is an optimisation: a full disk or a race with another census changes nothing else
  }
};

const bytecodeBytes = () => v8.getHeapCodeStatistics().bytecode_and_metadata_size;

/**
 * Runs the CommonJS file `file` and returns its exports, `save`, to call once the command has run
 * (the cache then holds the functions it compiled), and whether V8 took a cache. `variant` names
 * the V8 flags in effect; `tempDir` and `env` are the OS temp folder and the environment (tests pass their own).
 */
export const loadWithCodeCache = (file, variant, tempDir = os.tmpdir(), env = process.env) => {
  const source = fs.readFileSync(file, 'utf8');
  const dir = privateCacheDir(tempDir, env);
  const key = createHash('sha256').update(`${process.version}\0${process.arch}\0${variant}\0`).update(source).digest('hex').slice(0, 24);
  const cachePath = dir === null ? null : join(dir, `${key}.bin`);
  const cachedData = cachePath === null ? undefined : readIfThere(cachePath);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const taken = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const loaded = bytecodeBytes();
  const save = () => {
    if (cachePath === null || (taken && bytecodeBytes() - loaded < GROWTH_TO_REWRITE)) return;
    writeCache(dir, cachePath, script.createCachedData());
  };
  return { exports: module.exports, save, cacheTaken: taken };
};
