#!/usr/bin/env node
import module from 'node:module';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engineVariantFor, tuneEngineFor } from './engine.js';
import { loadWithCodeCache } from './code-cache.js';

const command = process.argv[2];
tuneEngineFor(command);
// Node 22.1+ keeps compiled code between runs (in the OS temp folder, never the audited repo):
// start-up is most of a short command such as `census why`. Older Node has no such switch.
module.enableCompileCache?.();
// census runs from its bundle (dist/bundle, made from tsc's dist/src by scripts/bundle.mjs): the
// one-file CommonJS build census.cjs with a code cache (code-cache.js says why), else the ES
// module bundle (a few dozen files to load instead of ~620 modules). In a checkout where tsc ran
// after the last bundle (dist/.tsbuildinfo is newer) the bundle is stale, and tsc's dist/src runs
// instead, so what runs is what was last compiled. An installed package has the bundle alone.
const bundle = '../dist/bundle/cli/main.js';
const oneFile = '../dist/bundle/census.cjs';
const mtime = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = mtime(bundle);
const compiled = mtime('../dist/.tsbuildinfo');
const fresh = bundled !== undefined && (compiled === undefined || bundled >= compiled);
// Help and the version print text: the ES modules load a few small files for that, where the
// whole build from its cache costs about 40 ms more.
const args = process.argv.slice(2);
const printsText = command === undefined || command === 'help' || args.some((a) => a === '--help' || a === '-h' || a === '--version');
const oneFileMtime = fresh && !printsText ? mtime(oneFile) : undefined;
if (oneFileMtime !== undefined && (compiled === undefined || oneFileMtime >= compiled)) {
  // The flags' variant is part of the cache's key: V8 refuses a cache made under other flags.
  const { exports, save } = loadWithCodeCache(fileURLToPath(new URL(oneFile, import.meta.url)), engineVariantFor(command));
  process.exitCode = await exports.run(args);
  save();
} else {
  const { run } = fresh ? await import(bundle) : await import('../dist/src/cli/main.js');
  process.exitCode = await run(args);
}
