// Runs child.mjs in fresh Node processes: a warm-up (fills the page cache, lists the files), then
// N measured runs of the census scan and of the read+hash floor. Reports medians, the spread and the peak.
// One run's CPU is not a constant of the build: on a shared machine the same scan of the same build
// scattered by a third between runs minutes apart, every stage moving together, and a fixed probe
// moved with it (docs/architecture.md, "Stop 57"). So each stage's figure is its median over the
// runs, every run's CPU is kept, the probe runs before each scan, and two builds are compared only
// in alternating pairs (measureAgainst), never by two benches run one after the other.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './shell.mjs';

const CHILD = new URL('./child.mjs', import.meta.url).pathname;
const PROBE = new URL('./probe.mjs', import.meta.url).pathname;

const runChild = (args, child = CHILD) => {
  const start = performance.now();
  const out = run(process.execPath, [child, ...args], { timeoutMs: 1_800_000 });
  const wallMs = performance.now() - start;
  return { ...JSON.parse(out.trim().split('\n').pop()), wallMs };
};

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** The run whose wall time is the median one (its counts and sizes are the ones shown). */
const medianRun = (runs) => {
  const m = median(runs.map((r) => r.wallMs));
  return runs.reduce((best, r) => (Math.abs(r.wallMs - m) < Math.abs(best.wallMs - m) ? r : best));
};

/** Each stage's median wall and CPU ms over the runs, with its CPU range; details from `shown`. */
export const stageMedians = (runs, shown) =>
  shown.stages.map((s) => {
    const same = runs.map((r) => r.stages.find((x) => x.stage === s.stage)).filter(Boolean);
    const cpus = same.map((x) => x.cpuMs).filter((c) => c !== undefined);
    return {
      stage: s.stage,
      detail: s.detail,
      ms: median(same.map((x) => x.ms)),
      ...(cpus.length > 0 ? { cpuMs: median(cpus), cpuMinMs: Math.min(...cpus), cpuMaxMs: Math.max(...cpus) } : {}),
    };
  });

/** The probe's CPU ms now (scripts/bench/probe.mjs): how fast the machine runs a fixed job. */
const probe = () => runChild([], PROBE).probeCpuMs;

/** Measures census and the floor on `root`; `runs` measured runs each, after one warm-up unless quick. */
export const measureCorpus = (root, { runs, warmup, workers, log }) => {
  const list = join(tmpdir(), `census-bench-${process.pid}-files.json`);
  try {
    const scans = [];
    if (warmup) {
      log('  warm-up scan');
      runChild(['scan', root, String(workers), list]);
    }
    const probes = [];
    for (let i = 0; i < runs; i++) {
      log(`  scan ${i + 1}/${runs}`);
      probes.push(probe());
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
      allCpuMs: scans.map((r) => Math.round(r.cpuMs)),
      probeCpuMs: probes.map((p) => Math.round(p)),
      peakRssMiB: Math.max(...scans.map((r) => r.maxRssKiB)) / 1024,
      stages: stageMedians(scans, shown),
      stagesScanMs: median(scans.map((r) => r.scanMs)),
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

/**
 * This build against another (`other`: a folder with scripts/bench/child.mjs and dist/, e.g. a
 * snapshot of main) on `root`, in `pairs` alternating pairs: ABBA order, so that neither build is
 * always the one that runs after the other, each run a fresh process after one warm-up of each.
 */
export const measureAgainst = (root, other, { pairs, workers, log }) => {
  const otherChild = `${other.replace(/\/$/, '')}/scripts/bench/child.mjs`;
  const scanOf = (child) => runChild(['scan', root, String(workers), ''], child);
  log('  warm-up scans');
  scanOf(otherChild);
  scanOf(CHILD);
  const base = [];
  const here = [];
  for (let i = 0; i < pairs; i++) {
    log(`  pair ${i + 1}/${pairs}`);
    if (i % 2 === 0) {
      base.push(scanOf(otherChild));
      here.push(scanOf(CHILD));
    } else {
      here.push(scanOf(CHILD));
      base.push(scanOf(otherChild));
    }
  }
  const side = (runs) => ({ cpuMs: median(runs.map((r) => r.cpuMs)), allCpuMs: runs.map((r) => Math.round(r.cpuMs)), stages: stageMedians(runs, runs[0]), peakRssMiB: median(runs.map((r) => r.maxRssKiB)) / 1024 });
  return { other, pairs, base: side(base), here: side(here), lower: here.filter((r, i) => r.cpuMs < base[i].cpuMs).length };
};
