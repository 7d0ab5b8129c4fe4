// census dupes beside jscpd on the same corpus. jscpd is installed by the bench itself into
// bench/.corpora/jscpd-<version> from the npm registry. Both are timed in CPU seconds (user + system,
// through /usr/bin/time when the machine has it) as well as wall seconds: the machine is shared. The numbers are not the same unit: jscpd counts
// block clones (pairs of line ranges), census counts clusters of six kinds.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchError, run } from './shell.mjs';

const JSCPD_VERSION = '5.3.3';

const UNREACHABLE = 'the npm registry did not answer `npm ping`, so jscpd cannot be installed (check the network or the npm registry setting; --no-dupes skips this part)';

/** The jscpd binary, installed from the npm registry into bench/.corpora/jscpd the first time. */
export const ensureJscpd = (corporaDir, log) => {
  const dir = join(corporaDir, `jscpd-${JSCPD_VERSION}`);
  const bin = join(dir, 'node_modules/.bin/jscpd');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  run('npm', ['ping', '--fetch-timeout=20000', '--fetch-retries=0', '--loglevel=error'], { timeoutMs: 60_000, hint: UNREACHABLE });
  log(`npm install --prefix ${dir} jscpd@${JSCPD_VERSION}`);
  run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', '--fetch-timeout=60000', '--fetch-retries=1', `jscpd@${JSCPD_VERSION}`], {
    timeoutMs: 300_000,
    hint: 'Is the npm registry reachable from this machine (npm ping)?',
  });
  if (!existsSync(bin)) throw new BenchError(`npm installed jscpd@${JSCPD_VERSION} but ${bin} is not there`);
  return bin;
};

const TIME = '/usr/bin/time';

/** Runs `command args`: its stdout, wall seconds and (with /usr/bin/time) CPU seconds of the process tree. */
const timedRun = (command, args, options) => {
  const start = performance.now();
  if (!existsSync(TIME)) return { value: run(command, args, options), seconds: (performance.now() - start) / 1000, cpu: null };
  const dir = mkdtempSync(join(tmpdir(), 'census-bench-time-'));
  try {
    const value = run(TIME, ['-f', '%U %S', '-o', join(dir, 't'), command, ...args], options);
    const seconds = (performance.now() - start) / 1000;
    const [user, system] = readFileSync(join(dir, 't'), 'utf8').trim().split('\n').pop().split(' ').map(Number);
    return { value, seconds, cpu: user + system };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** jscpd format names per corpus language. */
const JSCPD_FORMATS = { python: 'python', typescript: 'typescript,tsx' };

export const compareDuplicates = (result, { jscpd, runs }) => {
  const censusRuns = [];
  let clusters = [];
  for (let i = 0; i < runs; i++) {
    // --no-cache: a cold run, as jscpd's always is (the corpus copies keep the facts cache and
    // the recorded Audit of earlier runs, which would answer a re-run without fingerprinting).
    const r = timedRun(process.execPath, [new URL('../../bin/census.js', import.meta.url).pathname, 'dupes', result.dir, '--no-cache', '--format', 'json', '--quiet'], { timeoutMs: 900_000 });
    censusRuns.push(r);
    clusters = JSON.parse(r.value).clusters;
  }
  const byKind = {};
  for (const c of clusters) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
  // jscpd is much slower; one run is enough to place it.
  const out = mkdtempSync(join(tmpdir(), 'census-bench-jscpd-'));
  const formats = JSCPD_FORMATS[result.language] ?? result.language;
  let j;
  let report;
  try {
    j = timedRun(jscpd, ['--silent', '--no-gitignore', '--reporters', 'json', '--output', out, '--format', formats, result.dir], { timeoutMs: 1_800_000 });
    report = JSON.parse(readFileSync(join(out, 'jscpd-report.json'), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return {
    name: result.name,
    census: { seconds: median(censusRuns.map((r) => r.seconds)), cpu: censusRuns[0].cpu === null ? null : median(censusRuns.map((r) => r.cpu)), clusters: clusters.length, byKind },
    jscpd: { seconds: j.seconds, cpu: j.cpu, clones: report.statistics.total.clones, sources: report.statistics.total.sources, duplicatedPct: report.statistics.total.percentage },
  };
};

export const dupesTable = (rows) => {
  const cpu = (x) => (x === null ? '-' : x.toFixed(1));
  const lines = ['corpus         census dupes s  census CPU s  clusters (exact/renamed/same-name/near/block/overlap)  jscpd s  jscpd CPU s  jscpd files  jscpd clones  jscpd duplicated %'];
  for (const r of rows) {
    const k = r.census.byKind;
    const kinds = ['exact', 'renamed', 'same-name', 'near', 'block', 'overlap'].map((x) => k[x] ?? 0).join('/');
    lines.push(
      `${r.name.padEnd(14)} ${r.census.seconds.toFixed(2).padStart(14)}  ${cpu(r.census.cpu).padStart(12)}  ${`${r.census.clusters} (${kinds})`.padEnd(53)}  ${r.jscpd.seconds.toFixed(1).padStart(7)}  ${cpu(r.jscpd.cpu).padStart(11)}  ${String(r.jscpd.sources).padStart(11)}  ${String(r.jscpd.clones).padStart(12)}  ${r.jscpd.duplicatedPct.toFixed(2).padStart(18)}`,
    );
  }
  return lines.join('\n');
};
