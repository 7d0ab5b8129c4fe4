/**
 * Audits for the HTML report's tests, built in memory: a large synthetic repo (thousands of files
 * in hundreds of folders, with import findings, duplicate clusters and runtime evidence) and a
 * hostile one whose every repo string is an HTML or script payload. Verdicts and evidence come
 * from the real classifier, so chains are the ones census would write.
 */
import { classify } from '../../src/classify/verdicts.js';
import { SCHEMA_VERSION, type Audit } from '../../src/model/audit.js';
import type { DuplicatesReport } from '../../src/model/duplicates.js';
import type { Edge } from '../../src/model/edge.js';
import type { Entry } from '../../src/model/entry.js';
import type { FileRecord, Language } from '../../src/model/file.js';
import type { ImportFinding, ImportsSection, RootCause } from '../../src/model/imports.js';
import type { RuntimeSection } from '../../src/model/runtime.js';

/** Deterministic pseudo-random numbers (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const WORDS = ['ingest', 'billing', 'report', 'sync', 'export', 'auth', 'cache', 'queue', 'search', 'audit', 'render', 'notify', 'schema', 'metrics', 'upload'];

const record = (path: string, language: Language, codeLines: number, summary?: string): FileRecord => ({
  path,
  language,
  bytes: codeLines * 32,
  lines: codeLines + Math.ceil(codeLines / 5),
  codeLines,
  hash: path.length.toString(16).padStart(16, '0'),
  executable: false,
  ...(summary !== undefined ? { summary } : {}),
  lastChange: '2026-03-27',
});

const importEdge = (from: string, to: string, line: number, name: string): Edge => ({
  from,
  to,
  kind: 'import',
  line,
  specifier: to.replace(/\.(py|ts)$/, '').replace(/\//g, '.'),
  names: [name],
  guard: null,
  via: 'root',
  label: `imported by ${from}:${line} as ${name}`,
});

/** Verdicts, evidence and a summary from the real classifier. */
const assemble = (root: string, files: FileRecord[], edges: Edge[], entries: Entry[], extra: Partial<Audit> = {}): Audit => {
  const { verdicts } = classify(files, edges, entries);
  for (const f of files) {
    const v = verdicts.get(f.path);
    if (v) Object.assign(f, { verdict: v.verdict, evidence: v.evidence });
  }
  const counts: Record<string, number> = {};
  for (const f of files) if (f.verdict) counts[f.verdict] = (counts[f.verdict] ?? 0) + 1;
  const languages = [...new Set(files.map((f) => f.language))].sort().map((language) => {
    const of = files.filter((f) => f.language === language);
    return { language, files: of.length, lines: of.reduce((n, f) => n + f.lines, 0), codeLines: of.reduce((n, f) => n + f.codeLines, 0) };
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'census', version: '0.1.0' },
    generatedAt: '2026-04-01T08:00:00.000Z',
    root,
    git: { commit: '0123456789abcdef0123456789abcdef01234567', branch: 'main', dirty: false },
    options: { include: [], exclude: [], maxFileSize: 1_000_000 },
    summary: {
      files: files.length,
      sourceFiles: files.filter((f) => f.verdict).length,
      edges: edges.length,
      unresolvedImports: edges.filter((e) => e.to === null).length,
      languages,
      verdicts: counts,
      warnings: 0,
    },
    files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    edges,
    entries,
    warnings: [],
    ...extra,
  };
};

/** A repo of `sourceFiles` Python and TypeScript files in about 250 folders, with every optional section. */
export const syntheticAudit = (sourceFiles = 5000): Audit => {
  const rand = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const folders: string[] = [];
  for (const top of ['services', 'jobs', 'lib', 'tools', 'tests', 'web']) {
    for (let a = 0; a < 6; a++) for (let b = 0; b < 7; b++) folders.push(`${top}/${WORDS[a]}_area/${WORDS[(a + b) % WORDS.length]}_${b}`);
  }
  const files: FileRecord[] = [];
  for (let i = 0; i < sourceFiles; i++) {
    const folder = folders[i % folders.length];
    const ts = folder.startsWith('web/');
    const prefix = folder.startsWith('tests/') ? 'test_' : '';
    files.push(record(`${folder}/${prefix}${pick(WORDS)}_${i}.${ts ? 'ts' : 'py'}`, ts ? 'typescript' : 'python', 5 + Math.floor(rand() * 400), `${pick(WORDS)} helpers for ${pick(WORDS)} (module ${i})`));
  }
  const edges: Edge[] = [];
  // Files import later files mostly, so early files are the roots of a deep, wide graph.
  files.forEach((f, i) => {
    const n = Math.floor(rand() * 5);
    for (let k = 0; k < n; k++) {
      const j = Math.min(files.length - 1, i + 1 + Math.floor(rand() * 400));
      if (j !== i) edges.push(importEdge(f.path, files[j].path, k + 1, `${pick(WORDS)}_${j}`));
    }
  });
  const entries: Entry[] = [];
  const wiring: FileRecord[] = [];
  for (let s = 0; s < 24; s++) {
    const unit = `deploy/${WORDS[s % WORDS.length]}-${s}.service`;
    wiring.push(record(unit, 'systemd', 8));
    const target = files[(s * 7) % files.length].path;
    entries.push({ file: target, kind: 'production', detector: 'systemd', source: unit, line: 6, command: `python3 ${target}`, evidence: `systemd ${unit} ExecStart: python3 ${target}` });
  }
  wiring.push(record('.github/workflows/ci.yml', 'yaml', 40));
  for (const f of files.filter((f) => f.path.startsWith('tools/')).slice(0, 30)) {
    entries.push({ file: f.path, kind: 'tooling', detector: 'github-actions', source: '.github/workflows/ci.yml', line: 12, command: `python ${f.path}`, evidence: `GitHub Actions .github/workflows/ci.yml job "lint" step 2: python ${f.path}` });
  }
  for (const f of files.filter((f) => f.path.includes('/test_'))) {
    entries.push({ file: f.path, kind: 'test', detector: 'tests', source: 'pyproject.toml', evidence: 'pytest discovery (pyproject.toml testpaths tests): test_*.py' });
  }
  wiring.push(record('pyproject.toml', 'toml', 30), record('docs/RUNBOOK.md', 'markdown', 120));
  files.filter((f) => f.path.startsWith('jobs/')).slice(0, 40).forEach((f, i) => {
    edges.push({ from: 'docs/RUNBOOK.md', to: f.path, kind: 'doc-mention', line: 10 + i, specifier: f.path, names: [], guard: null, label: `referenced in docs/RUNBOOK.md:${10 + i}` });
  });
  files.filter((f, i) => i % 13 === 0 && f.path.startsWith('tools/')).forEach((f) => Object.assign(f, { runnable: ['main-guard'] }));

  const causes: RootCause[] = WORDS.slice(0, 12).map((w, i) => ({
    name: `${w}_sdk`,
    bucket: i < 3 ? 'broken-internal' : i < 8 ? 'missing-from-environment' : 'undeclared',
    directImports: 0,
    affectedFiles: 0,
    message: `${w}_sdk — declared, not installed`,
    action: `install ${w}_sdk`,
  }));
  const findings: ImportFinding[] = [];
  for (let i = 0; i < 600; i++) {
    const cause = causes[i % causes.length];
    cause.directImports++;
    cause.affectedFiles++;
    findings.push({ file: files[(i * 37) % files.length].path, line: 3, specifier: cause.name, bucket: cause.bucket, rootCause: cause.name, language: 'python', breaksModule: true, detail: `${cause.name} is not installed here` });
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const counts = Object.fromEntries(['broken-internal', 'missing-name', 'stdlib-removed', 'missing-from-environment', 'undeclared', 'optional', 'type-only'].map((b) => [b, findings.filter((f) => f.bucket === b).length]));
  const imports: ImportsSection = {
    environment: { mode: 'manifests-only', note: 'no Python environment found: imports are checked against the declared dependencies only' },
    findings,
    rootCauses: causes,
    counts: counts as ImportsSection['counts'],
  };
  const duplicates: DuplicatesReport = {
    clusters: Array.from({ length: Math.min(150, Math.floor((files.length - 6) / 11)) }, (_, i) => {
      const pair = [files[i * 11].path, files[i * 11 + 5].path].sort();
      return { kind: i % 3 === 0 ? 'exact' : 'near', files: pair, similarity: i % 3 === 0 ? 1 : 0.86, keep: pair[0], reason: `${pair[0]} has callers; the other copy has none`, actions: [{ file: pair[0], action: 'keep' }, { file: pair[1], action: 'remove (no callers)' }] };
    }),
    options: { minSimilarity: 0.8, minBlockTokens: 50, abstractIdentifiers: true, minOverlap: 0.5 },
    filesCompared: files.length,
  };
  const audit = assemble('big-monorepo', [...files, ...wiring], edges, entries, { imports } as Partial<Audit>);
  const production = audit.files.filter((f) => f.verdict === 'production').map((f) => f.path);
  const loaded = production.filter((_, i) => i % 3 !== 0);
  const runtime: RuntimeSection = {
    sources: [{ label: 'nightly', source: 'traces/nightly.log', format: 'python-importtime' }],
    loaded,
    utilization: { scope: '', loaded: loaded.length, total: audit.summary.sourceFiles, pct: Math.round((loaded.length / audit.summary.sourceFiles) * 1000) / 10 },
    runtimeOnly: [{ file: files[4999 % files.length].path, labels: ['nightly'], staticVerdict: 'dead', hint: 'probably loaded by the computed import at jobs/runner.py:14' }],
    dormant: production.filter((_, i) => i % 3 === 0),
    byLabel: [],
    unmappedModules: 12,
  };
  return Object.assign(audit, { runtime, duplicates });
};

/** Strings that would run code if any reached the page as markup. Each sets window.__pwned. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=2">',
  "'><svg onload=window.__pwned=3>",
  '</script><script>window.__pwned=4</script>',
  '<!--<script>window.__pwned=5</script>-->',
  'javascript:window.__pwned=6',
  '\u2028\u2029</ScRiPt ><iframe srcdoc="<script>parent.__pwned=7</script>">',
];

/** A tiny repo whose file names, docstrings, commands, labels and findings are all payloads. */
export const hostileAudit = (): Audit => {
  const evil = PAYLOADS.map((p, i) => `evil/${p.replace(/\//g, '∕')}_${i}.py`);
  const files = [
    record('deploy/<b>bold</b>.service', 'systemd', 5),
    record('app/main.py', 'python', 20, PAYLOADS[0]),
    ...evil.map((path, i) => record(path, 'python', 3 + i, PAYLOADS[(i + 3) % PAYLOADS.length])),
    // Slashes kept: the payload becomes folders, and the page still shows it as text.
    record(`evil/${PAYLOADS[3]}.py`, 'python', 4, PAYLOADS[6]),
  ];
  const edges: Edge[] = evil.map((to, i) => ({ ...importEdge('app/main.py', to, i + 1, PAYLOADS[i]), label: `imported by app/main.py:${i + 1} as ${PAYLOADS[i]}` }));
  const entries: Entry[] = [
    { file: 'app/main.py', kind: 'production', detector: 'systemd', source: 'deploy/<b>bold</b>.service', line: 3, command: PAYLOADS[1], evidence: `systemd ExecStart: ${PAYLOADS[1]}` },
  ];
  const imports: ImportsSection = {
    environment: { mode: 'none', note: PAYLOADS[2] },
    findings: [{ file: evil[0], line: 1, specifier: PAYLOADS[3], name: PAYLOADS[4], bucket: 'broken-internal', rootCause: PAYLOADS[3], language: 'python', breaksModule: true, detail: PAYLOADS[5] }],
    rootCauses: [{ name: PAYLOADS[3], bucket: 'broken-internal', directImports: 1, affectedFiles: 1, files: [evil[0]], message: PAYLOADS[6], action: PAYLOADS[0] }],
    counts: { 'broken-internal': 1, 'missing-name': 0, 'stdlib-removed': 0, 'missing-from-environment': 0, undeclared: 0, optional: 0, 'type-only': 0 },
  };
  const duplicates: DuplicatesReport = {
    clusters: [{ kind: 'renamed', files: [evil[1], evil[2]], similarity: 1, keep: evil[1], reason: PAYLOADS[1], actions: [{ file: evil[1], action: PAYLOADS[2] }, { file: evil[2], action: PAYLOADS[3] }] }],
    options: { minSimilarity: 0.8, minBlockTokens: 50, abstractIdentifiers: true, minOverlap: 0.5 },
    filesCompared: 3,
  };
  const audit = assemble(PAYLOADS[1], files, edges, entries, { imports } as Partial<Audit>);
  audit.git = { commit: PAYLOADS[0], branch: PAYLOADS[3], dirty: true };
  audit.warnings = [{ id: 'read/binary', severity: 'warning', message: PAYLOADS[4], location: { file: evil[3], line: 1 } }];
  audit.summary.warnings = 1;
  return Object.assign(audit, { duplicates });
};

/** The hostile file names, as the page must show them (text, unchanged). */
export const hostilePaths = (): string[] => PAYLOADS.map((p, i) => `evil/${p.replace(/\//g, '∕')}_${i}.py`);
