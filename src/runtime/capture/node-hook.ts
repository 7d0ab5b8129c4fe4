/**
 * The Node side of `census trace`: one CommonJS preload added to NODE_OPTIONS with --require
 * (accepted by every Node version, so a child running an older Node still starts). It records
 * every CommonJS module as it loads (Module.prototype.load, then require.cache at exit) and, where
 * the runtime has module hooks, registers ESM hooks whose `load` records every file: URL:
 * `module.registerHooks` (in-thread, Node 22.15+/23.5+) when present, else `module.register`
 * (Node 20.6+, hooks run on a loader thread). Lines are `<pid>\t<absolute path>`, appended.
 */

/** The preload: plain CommonJS, no dependencies beyond node: builtins. */
export const NODE_REQUIRE_HOOK = String.raw`'use strict';
// census trace hook: records every file this Node process loads. Written by census; safe to delete.
(() => {
  const target = process.env.CENSUS_TRACE_FILE;
  if (!target) return;
  const fs = require('node:fs');
  const Module = require('node:module');
  const { isMainThread } = require('node:worker_threads');
  const { fileURLToPath, pathToFileURL } = require('node:url');
  let fd;
  try { fd = fs.openSync(target, 'a'); } catch { return; }
  const seen = new Set();
  const record = (file) => {
    if (typeof file !== 'string' || seen.has(file)) return;
    seen.add(file);
    try { fs.writeSync(fd, process.pid + '\t' + file + '\n'); } catch {}
  };
  const load = Module.prototype.load;
  Module.prototype.load = function (filename) {
    record(filename);
    return load.call(this, filename);
  };
  process.on('exit', () => { for (const file of Object.keys(require.cache)) record(file); });
  // The loader thread of module.register also runs preloads: it must not register hooks again.
  if (!isMainThread) return;
  try { fs.writeSync(fd, process.pid + '\t#node ' + process.versions.node + '\n'); } catch {}
  const recordUrl = (url) => {
    if (typeof url === 'string' && url.startsWith('file:')) {
      try { record(fileURLToPath(url)); } catch {}
    }
  };
  try {
    if (typeof Module.registerHooks === 'function') {
      Module.registerHooks({ load(url, context, nextLoad) { recordUrl(url); return nextLoad(url, context); } });
    } else if (typeof Module.register === 'function') {
      Module.register(pathToFileURL(__dirname + '/census-trace-esm-hooks.mjs').href);
    }
  } catch {}
})();
`;

/** ESM hooks for module.register (they run on the loader thread, which has its own fd). */
export const NODE_ESM_HOOKS = String.raw`// census trace hook: records every ES module file this Node process loads. Written by census; safe to delete.
import { openSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let fd = -1;
try {
  if (process.env.CENSUS_TRACE_FILE) fd = openSync(process.env.CENSUS_TRACE_FILE, 'a');
} catch {}
const seen = new Set();

export async function load(url, context, nextLoad) {
  if (fd >= 0 && url.startsWith('file:') && !seen.has(url)) {
    seen.add(url);
    try { writeSync(fd, process.pid + '\t' + fileURLToPath(url) + '\n'); } catch {}
  }
  return nextLoad(url, context);
}
`;

export const NODE_ESM_HOOKS_FILE = 'census-trace-esm-hooks.mjs';
export const NODE_REQUIRE_HOOK_FILE = 'census-trace-require.cjs';
