// One measured run, in its own process so that its peak memory is its own:
//   node child.mjs scan  <root> <workers|0> [listOut]   census scan() of <root>, then the Audit as JSON text
//   node child.mjs floor <listIn>                        read + sha256 every file of the list (one thread)
//   node child.mjs html  <root> <workers|0>              census scan() of <root>, then times the HTML report alone
// Prints one JSON line: timings in ms, what was measured, process.resourceUsage().maxRSS (KiB)
// and the CPU time of the whole process.
// It loads census's bundle as bin/census.js does (dist/bundle/census.cjs with its code cache, see
// bin/code-cache.js), so "load" is what a user's process pays; CENSUS_BENCH_BUILD=src loads tsc's
// dist/src instead, and CENSUS_BENCH_BUILD=esm the bundle's ES modules, to compare.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineVariantFor, tuneEngineFor } from '../../bin/engine.js';
import { loadWithCodeCache } from '../../bin/code-cache.js';

// the V8 settings bin/census.js gives a scan
tuneEngineFor('scan');

const BUILD = new URL(`../../dist/${process.env.CENSUS_BENCH_BUILD === 'src' ? 'src' : 'bundle'}/`, import.meta.url);
const ONE_FILE = fileURLToPath(new URL('census.cjs', BUILD));
const useOneFile = process.env.CENSUS_BENCH_BUILD === undefined && existsSync(ONE_FILE);
const PIPELINE = new URL('pipeline.js', BUILD);
const JSON_REPORTER = new URL('report/json.js', BUILD);
const HTML_REPORTER = new URL('report/html/index.js', BUILD);
/** Writes the code cache when the run compiled what it lacked, as bin/census.js does after a command. */
let saveCodeCache = () => {};

/** The pipeline and a reporter, from the build bin/census.js would run. */
const load = async (reporter) => {
  if (!useOneFile) return [await import(PIPELINE.href), await import((reporter === 'json' ? JSON_REPORTER : HTML_REPORTER).href)];
  const { exports, save } = loadWithCodeCache(ONE_FILE, engineVariantFor('scan'));
  saveCodeCache = save;
  return [await exports.loadPipeline(), await (reporter === 'json' ? exports.loadJsonReporter() : exports.loadHtmlReporter())];
};

const measureScan = async (root, workers, listOut) => {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const [{ scan }, { jsonPieces }] = await load('json');
  const loaded = performance.now();
  const loadCpu = process.cpuUsage(cpu0);
  const stages = [];
  const { audit } = await scan({
    root,
    include: [],
    exclude: [],
    maxFileSize: 1_000_000,
    defaultExcludes: true,
    ...(workers > 0 ? { workers } : {}),
    onProgress: (e) => stages.push(e),
  });
  const scanned = performance.now();
  // as `census scan --format json --output FILE` does: the text in pieces, never one string
  let jsonBytes = 0;
  for (const piece of jsonPieces(audit)) jsonBytes += Buffer.byteLength(piece);
  const serialised = performance.now();
  if (listOut) writeFileSync(listOut, `${JSON.stringify(audit.files.map((f) => join(root, f.path)))}\n`);
  return {
    loadMs: loaded - t0,
    loadCpuMs: (loadCpu.user + loadCpu.system) / 1000,
    scanMs: scanned - loaded,
    jsonMs: serialised - scanned,
    stages,
    files: audit.files.length,
    bytes: audit.files.reduce((n, f) => n + f.bytes, 0),
    edges: audit.edges.length,
    warnings: audit.warnings.length,
    jsonBytes,
    languages: audit.summary.languages.map((l) => `${l.language} ${l.files}`),
  };
};

// The page's render time is measured here, not asserted in a test: a busy machine is not a bug.
const measureHtml = async (root, workers) => {
  const [{ scan }, { renderHtml }] = await load('html');
  const { audit } = await scan({ root, include: [], exclude: [], maxFileSize: 1_000_000, defaultExcludes: true, ...(workers > 0 ? { workers } : {}) });
  const t0 = performance.now();
  const html = renderHtml(audit, { color: false });
  return { htmlMs: performance.now() - t0, htmlBytes: Buffer.byteLength(html), files: audit.files.length };
};

const measureFloor = (listIn) => {
  const paths = JSON.parse(readFileSync(listIn, 'utf8'));
  const t0 = performance.now();
  let bytes = 0;
  let unreadable = 0;
  for (const p of paths) {
    try {
      const data = readFileSync(p);
      bytes += data.length;
      createHash('sha256').update(data).digest('hex');
    } catch {
      unreadable++;
    }
  }
  return { floorMs: performance.now() - t0, files: paths.length, bytes, unreadable };
};

const [mode, ...args] = process.argv.slice(2);
const result = mode === 'scan' ? await measureScan(args[0], Number(args[1]), args[2])
  : mode === 'html' ? await measureHtml(args[0], Number(args[1]))
  : measureFloor(args[0]);
saveCodeCache();
const usage = process.resourceUsage();
// CPU time of all threads: on a busy machine it moves much less than wall time does.
process.stdout.write(`${JSON.stringify({ ...result, maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
