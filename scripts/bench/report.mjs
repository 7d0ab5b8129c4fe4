// The bench's printed tables. Sizes in MB are 10^6 bytes; memory is in MiB (maxRSS is KiB).
export const PEAK_RSS_LIMIT_MIB = 500;

const int = (n) => Math.round(n).toLocaleString('en-US');
const fixed = (n, digits) => n.toFixed(digits);
const mb = (bytes) => bytes / 1e6;

const table = (header, rows) => {
  const cells = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
  // first column left-aligned, the others right-aligned, except a trailing free-text column
  const line = (r) =>
    r
      .map((c, i) => (i === 0 || i === r.length - 1 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
};

/** PASS/FAIL of one corpus against its time target (if any) and the memory limit. */
export const verdicts = (result) => {
  const out = [];
  if (result.target) {
    // real corpora are judged on CPU time: the machine is shared, and wall time follows the load
    const seconds = (result.target.cpu ? result.cpuMs : result.wallMs) / 1000;
    out.push({ label: result.target.label, pass: seconds < result.target.seconds });
  }
  const rssLimit = result.target?.rssMiB ?? PEAK_RSS_LIMIT_MIB;
  out.push({ label: `peak RSS < ${rssLimit} MiB`, pass: result.peakRssMiB < rssLimit });
  return out;
};

export const speedTable = (results) =>
  table(
    ['corpus', 'files', 'MB', 'wall s', 'scan() s', 'CPU s', 'CPU range s', 'probe ms', 'files/s', 'MB/s', 'peak RSS MiB', 'read+hash s', 'census / floor', 'targets'],
    results.map((r) => [
      r.name,
      int(r.files),
      fixed(mb(r.bytes), 1),
      fixed(r.wallMs / 1000, 2),
      fixed(r.scanMs / 1000, 2),
      fixed(r.cpuMs / 1000, 2),
      `${fixed(Math.min(...r.allCpuMs) / 1000, 2)}-${fixed(Math.max(...r.allCpuMs) / 1000, 2)}`,
      `${int(Math.min(...r.probeCpuMs))}-${int(Math.max(...r.probeCpuMs))}`,
      int(r.files / (r.wallMs / 1000)),
      fixed(mb(r.bytes) / (r.wallMs / 1000), 1),
      int(r.peakRssMiB),
      fixed(r.floorMs / 1000, 2),
      `${fixed(r.scanMs / r.floorMs, 1)}x`,
      verdicts(r).map((v) => `${v.pass ? 'PASS' : 'FAIL'} ${v.label}`).join('; '),
    ]),
  );

const stageCpu = (s) => (s.cpuMs === undefined ? '' : ` / ${int(s.cpuMs)} CPU${s.cpuMinMs === undefined || s.cpuMinMs === s.cpuMaxMs ? '' : ` (${int(s.cpuMinMs)}-${int(s.cpuMaxMs)})`}`);

/** Where the time went, medians over the runs: each pipeline stage, then what no stage reports. */
export const stageLine = (r) => {
  const staged = r.stages.reduce((n, s) => n + s.ms, 0);
  // wall ms, then the process's CPU ms during the stage (all threads: extract's workers count)
  const parts = r.stages.map((s) => `${s.stage} ${int(s.ms)} ms${stageCpu(s)} (${s.detail})`);
  parts.push(`untimed ${int(Math.max(0, r.stagesScanMs - staged))} ms`);
  return `${r.name}: load ${int(r.loadMs)} ms / ${int(r.loadCpuMs)} CPU | ${parts.join(' | ')} | write (Audit JSON) ${int(r.jsonMs)} ms (${fixed(r.jsonBytes / 1e6, 1)} MB) | HTML report ${int(r.htmlMs)} ms (${fixed(r.htmlBytes / 1e6, 1)} MB, one run)`;
};

export const agreementTable = (rows) =>
  table(
    ['corpus', 'files', 'ast errors', 'imports', 'agree %', 'census extra', 'files agreeing', 'ast s', 'census s'],
    rows.map(({ name, a }) => [
      name,
      int(a.files),
      int(a.skipped),
      int(a.imports),
      a.imports === 0 ? '-' : fixed((100 * a.agreeing) / a.imports, 3),
      int(a.censusExtra),
      int(a.filesAgreeing),
      fixed(a.astMs / 1000, 1),
      fixed(a.censusMs / 1000, 1),
    ]),
  );

/** One corpus of --against: both builds' medians, every pair, and each stage's medians side by side. */
export const againstLines = (a) => [
  `${a.name}: process CPU ${fixed(a.base.cpuMs / 1000, 2)} s (other) -> ${fixed(a.here.cpuMs / 1000, 2)} s (this build), lower in ${a.lower} of ${a.pairs} pairs; peak RSS ${int(a.base.peakRssMiB)} -> ${int(a.here.peakRssMiB)} MiB`,
  `  pairs (CPU ms, other / this): ${a.base.allCpuMs.map((b, i) => `${int(b)} / ${int(a.here.allCpuMs[i])}`).join(', ')}`,
  `  stages (CPU ms, other -> this): ${a.base.stages
    .filter((s) => s.cpuMs !== undefined)
    .map((s) => `${s.stage} ${int(s.cpuMs)} -> ${int(a.here.stages.find((x) => x.stage === s.stage)?.cpuMs ?? NaN)}`)
    .join(', ')}`,
];
