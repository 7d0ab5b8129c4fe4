// Runs child.mjs in fresh Node processes: a warm-up (fills the page cache, lists the files), then
// N measured runs of the census scan and of the read+hash floor. Reports medians and the peak.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './shell.mjs';

const CHILD = new URL('./child.mjs', import.meta.url).pathname;

const runChild = (args) => {
  const start = performance.now();
  const out = run(process.execPath, [CHILD, ...args], { timeoutMs: 1_800_000 });
  const wallMs = performance.now() - start;
  return { ...JSON.parse(out.trim().split('\n').pop()), wallMs };
};

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** The run whose wall time is the median one (its stage breakdown is the one shown). */
const medianRun = (runs) => {
  const m = median(runs.map((r) => r.wallMs));
  return runs.reduce((best, r) => (Math.abs(r.wallMs - m) < Math.abs(best.wallMs - m) ? r : best));
};

/** Measures census and the floor on `root`; `runs` measured runs each, after one warm-up unless quick. */
export const measureCorpus = (root, { runs, warmup, workers, log }) => {
  const list = join(tmpdir(), `census-bench-${process.pid}-files.json`);
  try {
    const scans = [];
    if (warmup) {
      log('  warm-up scan');
      runChild(['scan', root, String(workers), list]);
    }
    for (let i = 0; i < runs; i++) {
      log(`  scan ${i + 1}/${runs}`);
      scans.push(runChild(['scan', root, String(workers), i === 0 && !warmup ? list : '']));
    }
    const floors = [];
    if (warmup) runChild(['floor', list]);
    for (let i = 0; i < runs; i++) floors.push(runChild(['floor', list]));
    log('  HTML report');
    const html = runChild(['html', root, String(workers)]);
    const shown = medianRun(scans);
    return {
      files: shown.files,
      bytes: shown.bytes,
      edges: shown.edges,
      warnings: shown.warnings,
      languages: shown.languages,
      jsonBytes: shown.jsonBytes,
      runs: scans.length,
      wallMs: median(scans.map((r) => r.wallMs)),
      scanMs: median(scans.map((r) => r.scanMs)),
      cpuMs: median(scans.map((r) => r.cpuMs)),
      loadMs: median(scans.map((r) => r.loadMs)),
      loadCpuMs: median(scans.map((r) => r.loadCpuMs)),
      jsonMs: median(scans.map((r) => r.jsonMs)),
      allWallMs: scans.map((r) => Math.round(r.wallMs)),
      peakRssMiB: Math.max(...scans.map((r) => r.maxRssKiB)) / 1024,
      stages: shown.stages,
      stagesScanMs: shown.scanMs, // scan() of the run whose stages are shown
      floorMs: median(floors.map((r) => r.floorMs)),
      floorWallMs: median(floors.map((r) => r.wallMs)),
      floorRssMiB: Math.max(...floors.map((r) => r.maxRssKiB)) / 1024,
      htmlMs: html.htmlMs,
      htmlBytes: html.htmlBytes,
    };
  } finally {
    rmSync(list, { force: true });
  }
};
