/**
 * The census pipeline, one named step per stage:
 * discover → extract → resolve → graph → (entries → classify → analyses) → Audit.
 * Each stage reads the previous stage's data; reporters only ever see the Audit.
 */
import { holdTestFlagImports } from './languages/python/test-flags.js';
import type { Audit, LanguageCount, Summary } from './model/audit.js';
import { SCHEMA_VERSION } from './model/audit.js';
import type { Diagnostic } from './model/diagnostic.js';
import type { Edge } from './model/edge.js';
import type { FileFacts } from './model/facts.js';
import type { FileRecord, Language } from './model/file.js';
import { isDocLanguage, isSourceLanguage } from './languages/registry.js';
import { createResolvers } from './languages/resolvers.js';
import { sysPathAdders, sysPathScopesOf } from './languages/python/resolve/sys-path-scopes.js';
import { absoluteRootPlacer } from './languages/python/resolve/absolute-roots.js';
import { importAliases } from './languages/python/resolve/import-aliases.js';
import { pythonScriptsContext } from './languages/python/resolve/script-folders.js';
import { discover, type DiscoveredFile } from './discover/index.js';
import { scanAllCached } from './extract/cached-scan.js';
import { unreadSources } from './extract/scan-file.js';
import { keptTexts } from './extract/kept-texts.js';
import { openFactsCache, type CacheSetting } from './cache/open.js';
import { saveSnapshot } from './cache/snapshot.js';
import { stampFiles, stampTree } from './cache/tree-stamps.js';
import { environmentStamps } from './cache/environment-stamps.js';
import { buildImportEdges, type FactsOfFile } from './graph/import-edges.js';
import { buildCodeEdges } from './graph/code-edges.js';
import { buildAmbientModuleEdges } from './graph/ambient-module-edges.js';
import { createImageContexts } from './graph/image-context.js';
import { buildDocEdges } from './graph/doc-edges.js';
import { buildEntries } from './graph/entries.js';
import { createTargetResolver } from './graph/targets.js';
import { detectEntries, type Detected } from './entries/run.js';
import { runFrameworks } from './frameworks/run.js';
import { filesOfLanguageIn } from './frameworks/files-of-language.js';
import { buildSymlinkEdges } from './graph/symlink-edges.js';
import { sortEdges } from './graph/sort-edges.js';
import { buildFrameworkEdges } from './graph/framework-edges.js';
import { loadCensusConfig, loadCensusConfigFile, type LoadedConfig } from './config/load.js';
import { focusOn } from './analyses/focus.js';
import { Manifests } from './manifests/store.js';
import { classify } from './classify/verdicts.js';
import type { Entry } from './model/entry.js';
import type { RuntimeSection } from './model/runtime.js';
import { ingestEvidence } from './runtime/ingest/index.js';
import { overlayRuntime } from './runtime/overlay.js';
import { createModuleToFile } from './runtime/module-to-file.js';
import { VERDICTS, type Verdict } from './model/verdict.js';
import { createBuildOutputMap } from './languages/javascript/build-output.js';
import type { ResolveContext } from './resolve/types.js';
import { byString } from './util/compare.js';
import { compareDiagnostics, warning } from './util/diagnostics.js';
import { createPathProbe, repoTextReader } from './util/fs.js';
import { resolveAbsolute } from './util/path.js';
import { timed, type ProgressListener } from './util/bus.js';
import { runImportTriage } from './analyses/imports/index.js';
import { describeInterpreter } from './languages/python/env/interpreter.js';
import { UsageError } from './util/errors.js';
import { analyseDuplicates, analyseHeldDuplicates, fingerprintOptionsFor, startHeldGrouping, type HeldGrouping } from './analyses/duplicates/index.js';
import { startFingerprintThread, type FingerprintThread } from './extract/fingerprint-thread.js';
import type { FingerprintThreadStarter } from './extract/pool.js';
import type { DuplicatesOptions, DuplicatesReport } from './model/duplicates.js';
import { VERSION } from './version.js';
import { plural } from './util/words.js';
import { boundHeapGrowthFor } from './util/heap-growth.js';
import { fileLinksOf } from './discover/file-links.js';

export interface ScanOptions {
  /** The directory to scan, as the user named it. */
  root: string;
  /** What `root` is relative to (default: the process's working directory). */
  cwd?: string;
  include: string[];
  exclude: string[];
  maxFileSize: number;
  defaultExcludes: boolean;
  /** Runtime evidence files (`census trace` output, coverage, import logs) to merge into the verdicts. */
  runtime?: string[];
  /** Folder that utilization is reported for ('' = the whole repo). */
  scope?: string;
  /** Worker threads for extraction (default: the machine's cores). */
  workers?: number;
  onProgress?: ProgressListener;
  /** Import triage: the Python interpreter whose environment imports are checked against (--python). */
  python?: string;
  /** Import triage: declared dependencies only, no environment (--no-env). */
  noEnv?: boolean;
  /** Environment variables for finding the Python environment ($VIRTUAL_ENV, ...); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Find duplicate and overlapping files with these options (census dupes); absent: not computed. */
  duplicates?: Partial<DuplicatesOptions>;
  /** false: no import triage (census dupes shows only the clusters): the Audit has no `imports` and none of its warnings. */
  importTriage?: boolean;
  /** Report only this folder of the root (a repo path; '' or absent: everything). The whole root is still analysed. */
  focus?: string;
  /** Read the census config from this file (absolute) instead of the root's own. */
  configFile?: string;
  /** Reuse per-file facts of earlier runs through the facts cache (src/cache/); absent: extract every file. */
  cache?: CacheSetting;
}

/** The Audit plus what later analyses need and the Audit does not carry (facts stay in memory). */
export interface ScanResult {
  audit: Audit;
  rootAbs: string;
  facts: Map<string, FileFacts>;
  context: ResolveContext;
  /** The root's census config as loaded (and validated) for this scan; null when there is none. */
  config: LoadedConfig | null;
}

export { DEFAULT_MAX_FILE_SIZE } from './extract/limits.js';

const countVerdicts = (files: FileRecord[]): Partial<Record<Verdict, number>> => {
  const out: Partial<Record<Verdict, number>> = {};
  for (const v of VERDICTS) out[v] = 0;
  for (const f of files) if (f.verdict) out[f.verdict] = (out[f.verdict] ?? 0) + 1;
  return out;
};

const compareEntries = (a: Entry, b: Entry): number =>
  byString(a.kind, b.kind) || byString(a.file ?? '', b.file ?? '') || byString(a.source, b.source) || (a.line ?? 0) - (b.line ?? 0) || byString(a.evidence, b.evidence);

const summarise = (files: FileRecord[], edges: Edge[], warnings: Diagnostic[]): Summary => {
  const byLanguage = new Map<Language, LanguageCount>();
  for (const f of files) {
    const c = byLanguage.get(f.language) ?? { language: f.language, files: 0, lines: 0, codeLines: 0 };
    c.files++;
    c.lines += f.lines;
    c.codeLines += f.codeLines;
    byLanguage.set(f.language, c);
  }
  return {
    files: files.length,
    sourceFiles: files.filter((f) => isSourceLanguage(f.language)).length,
    edges: edges.length,
    unresolvedImports: edges.filter((e) => e.to === null && e.unresolved !== undefined && e.unresolved !== 'stdlib' && e.unresolved !== 'builtin').length,
    languages: [...byLanguage.values()].sort((a, b) => b.files - a.files || byString(a.language, b.language)),
    warnings: warnings.length,
    ...(files.some((f) => f.verdict) ? { verdicts: countVerdicts(files) } : {}),
  };
};

export const scan = async (options: ScanOptions): Promise<ScanResult> => {
  // A fingerprint thread kept after extraction (census dupes) ends with the scan, whatever happens.
  const kept: { thread: FingerprintThread | null } = { thread: null };
  try {
    return await scanWith(options, kept);
  } finally {
    await kept.thread?.close();
  }
};

const scanWith = async (options: ScanOptions, kept: { thread: FingerprintThread | null }): Promise<ScanResult> => {
  const progress = options.onProgress;
  const rootAbs = resolveAbsolute(options.cwd ?? '.', options.root);
  // Evidence is read first so a bad file stops the run before the expensive part.
  const ingested = (options.runtime ?? []).map((name) => ingestEvidence(name, { rootAbs, ...(options.cwd ? { cwd: options.cwd } : {}) }));
  // An interpreter that was asked for and does not answer is a mistake to fix now, not a warning on line 856.
  if (options.python !== undefined && !options.noEnv) {
    const probe = await describeInterpreter(options.python);
    if (!probe.info) throw new UsageError(probe.diagnostics[0]?.message.replace(/; census falls back to .*$/, '') ?? `--python ${options.python} did not answer`);
  }
  // What decides the listing, stamped before the config is read and the files listed: what lets a re-run trust the audit later (cache/snapshot.ts).
  const tree = options.cache ? stampTree(rootAbs, options.defaultExcludes, options.cache.dir === undefined) : null;
  // An invalid census config is the user's to fix: it stops the run with the file and key named.
  // Manifests and configs are read through this too: links out of the tree and files over --max-file-size are not read.
  const tooLarge = new Map<string, Diagnostic>();
  // Once discovery is done, what its lstat saw of each listed file, which the reader then need not ask again.
  let listedFiles: Map<string, DiscoveredFile> | null = null;
  // JS/TS texts extraction decodes on this thread, kept until the framework readers are done.
  const extractedTexts = keptTexts();
  const readRepoText = repoTextReader(rootAbs, {
    maxBytes: options.maxFileSize,
    onTooLarge: (path, bytes) => tooLarge.set(path, warning('read/too-large', `${bytes} bytes is over --max-file-size ${options.maxFileSize}; not read`, path)),
  }, (path) => listedFiles?.get(path), (path) => extractedTexts.get(path));
  // Every manifest is read and parsed once, through this store, by whichever stage asks first.
  const manifests = new Manifests({ readText: readRepoText });
  const config = options.configFile !== undefined ? loadCensusConfigFile(options.configFile) : loadCensusConfig(manifests);
  const exclude = [...options.exclude, ...(config?.config.ignore ?? [])];
  const discovery = await timed(progress, 'discover', () => discover(rootAbs, { ...options, exclude }), (d) => plural(d.files.length, 'file'));
  listedFiles = new Map(discovery.files.map((f) => [f.path, f]));
  const extraction = { maxFileSize: options.maxFileSize, ...(options.duplicates ? { fingerprint: fingerprintOptionsFor(options.duplicates) } : {}) };
  const treeBytes = discovery.files.reduce((n, f) => n + Math.min(f.bytes, options.maxFileSize), 0);
  boundHeapGrowthFor(treeBytes);
  const cache = options.cache ? openFactsCache(rootAbs, options.cache, extraction.fingerprint ?? null, treeBytes) : null;
  // And the files' stamps before any file is read.
  const stamps = tree ? stampFiles(tree, discovery.files, rootAbs, discovery.unlisted) : null;
  // Without the facts cache, the fingerprint thread (if extraction starts one) keeps the fingerprints
  // and groups them while this thread resolves and classifies; only keepers and actions wait for the verdicts.
  const holdFingerprints: FingerprintThreadStarter | undefined = options.duplicates && !cache && ingested.length === 0 ? (o) => (kept.thread = startFingerprintThread(o, undefined, true)) : undefined;
  const extracted = await timed(progress, 'extract', () => scanAllCached(discovery.files, extraction, options.workers, cache, holdFingerprints, extractedTexts.keep), (s) => plural(s.length, 'file'));

  // Junk found by its bytes joins the junk found by its name; neither is a file of the census.
  const scanned = extracted.filter((s) => s.junk === undefined);
  const junk = [...discovery.junk, ...extracted.flatMap((s) => (s.junk !== undefined ? [{ path: s.record.path, reason: s.junk }] : []))].sort((a, b) => byString(a.path, b.path));
  const files = scanned.map((s) => s.record);
  const facts = new Map<string, FileFacts>();
  const factsOfFiles: FactsOfFile[] = [];
  for (const s of scanned) {
    if (!s.facts) continue;
    facts.set(s.record.path, s.facts);
    factsOfFiles.push({ path: s.record.path, language: s.record.language, facts: s.facts });
  }
  manifests.setFiles(new Set(files.map((f) => f.path)));
  const fingerprintsOf = () => new Map(scanned.flatMap((s) => (s.fingerprint ? [[s.record.path, s.fingerprint] as const] : [])));
  const heldGrouping: HeldGrouping | null = options.duplicates && kept.thread?.holding()
    ? startHeldGrouping(kept.thread, files, options.duplicates, () => {
      kept.thread?.recover();
      return fingerprintsOf();
    })
    : null;
  const disk = createPathProbe();
  const pathAdders = sysPathAdders(factsOfFiles, absoluteRootPlacer(factsOfFiles, manifests.files, manifests));
  const context: ResolveContext = { rootAbs, files: manifests.files, manifests, pythonPathFor: sysPathScopesOf(pathAdders), pythonPathAdders: pathAdders, folderLinks: discovery.folderLinks.length === 0 ? undefined : new Map(discovery.folderLinks.map((l) => [l.path, l.target])), pythonImportAliases: importAliases(factsOfFiles, manifests.transientText), disk, linkedFiles: new Set(discovery.files.flatMap((f) => (f.symlink ? [f.path] : []))), ...pythonScriptsContext(discovery.files, factsOfFiles) };
  const resolvers = createResolvers(context);
  const sourceOfBuilt = createBuildOutputMap(manifests);
  const importEdges = await timed(
    progress,
    'resolve',
    () => buildImportEdges(factsOfFiles, resolvers, sourceOfBuilt),
    (e) => `${e.length} import edges`,
  );
  const targets = createTargetResolver({ files: context.files, python: resolvers.python, manifests, sourceOfBuilt });
  // What discovery's lstat saw, as each record holds it (scan-file.ts copies it): no set of its own.
  const listed = listedFiles;
  const found = await timed(progress, 'entries', () => detectEntries(files.map((f) => f.path), { files: context.files, manifests, facts: (path) => facts.get(path), executable: (path) => listed.get(path)?.executable === true }, config), (d) => plural(d.entries.length, 'detected entry', 'detected entries'));
  // Framework readers run after the detectors: what runs a framework's tool decides its kind.
  const detected = await timed(progress, 'frameworks', () => {
    const d = found;
    const frameworks = runFrameworks({
      files: context.files,
      readText: manifests.text,
      manifests,
      facts: (path) => facts.get(path),
      commands: d.commands.map(({ source, input }) => ({ command: input.command, cwd: input.cwd, kind: input.kind, source, evidence: input.evidence, ...(input.line ? { line: input.line } : {}) })),
      entries: d.entries.map(({ detector, source, input }) => ({ target: input.target, targetKind: input.targetKind, kind: input.kind, detector, source, evidence: input.evidence })),
      module: (name, cwd, importer) => targets.module(name, cwd, importer),
      folderLinks: new Map(discovery.folderLinks.map((l) => [l.path, l.target])),
      fileLinks: fileLinksOf(discovery.files),
      filesOfLanguage: filesOfLanguageIn(factsOfFiles),
    });
    const merged: Detected = {
      entries: [...d.entries, ...frameworks.entries],
      commands: [...d.commands, ...frameworks.commands],
      diagnostics: [...d.diagnostics, ...frameworks.diagnostics],
      notes: d.notes,
    };
    return { ...merged, frameworks, built: buildEntries(merged, targets) };
  }, (d) => plural(d.built.entries.length, 'entry', 'entries'));
  // What the store was asked for it keeps; the rest is let go.
  extractedTexts.release();
  const entries = detected.built.entries.sort(compareEntries);
  holdTestFlagImports(factsOfFiles, importEdges, manifests.transientText, entries);
  const codeEdges = await timed(progress, 'edges', () => [
    ...buildCodeEdges(factsOfFiles.filter((f) => !isDocLanguage(f.language)), targets, createImageContexts(detected, context.files), (pattern, from) => resolvers.javascript.patternPaths?.(pattern, from) ?? null),
    ...buildFrameworkEdges(detected.frameworks.references, targets),
    ...buildSymlinkEdges(discovery.files, context.files),
  ], (e) => `${e.length} code and framework edges`);
  const docs = await timed(progress, 'docs', () => buildDocEdges(factsOfFiles.filter((f) => isDocLanguage(f.language)), files, targets), (d) => `${d.edges.length} doc edges`);
  const edges = sortEdges([...importEdges, ...buildAmbientModuleEdges(factsOfFiles, importEdges, manifests), ...codeEdges, ...docs.edges]);

  if (discovery.lastChangeDates) {
    // git log was started by discover; this waits for what it has not answered yet.
    const pending = discovery.lastChangeDates;
    const dates = await timed(progress, 'git', () => pending, (d) => plural(d.size, 'last-change date'));
    for (const f of files) {
      const date = dates.get(f.path);
      if (date) f.lastChange = date;
    }
  }
  await timed(progress, 'classify', () => {
    const { byIndex } = classify(files, edges, entries, detected.notes, unreadSources(scanned));
    let given = 0;
    for (let i = 0; i < files.length; i++) {
      const v = byIndex[i];
      if (v) {
        files[i].verdict = v.verdict;
        files[i].evidence = v.evidence;
        given++;
      }
    }
    return given;
  }, (given) => plural(given, 'verdict'));

  let runtime: RuntimeSection | undefined;
  const runtimeDiagnostics: Diagnostic[] = ingested.flatMap((i) => i.diagnostics);
  if (ingested.length > 0) {
    const overlay = overlayRuntime({
      files,
      edges,
      traces: ingested.map((i) => i.trace),
      ...(options.scope !== undefined ? { scope: options.scope } : {}),
      moduleToFile: createModuleToFile(resolvers.python, context.files),
    });
    files.splice(0, files.length, ...overlay.files);
    runtime = overlay.runtime;
    runtimeDiagnostics.push(...overlay.diagnostics);
  }

  const triage = options.importTriage === false ? null : await timed(
    progress,
    'triage',
    () => runImportTriage({ rootAbs, files, edges, facts, manifests, disk }, { python: options.python, noEnv: options.noEnv, env: options.env }),
    (t) => `${t.section.findings.length} failing imports, ${t.section.rootCauses.length} root causes`,
  );

  let duplicates: DuplicatesReport | undefined;
  if (heldGrouping) {
    duplicates = await timed(progress, 'dupes', () => analyseHeldDuplicates({ files, edges, held: heldGrouping }), (d) => plural(d.clusters.length, 'cluster'));
    await kept.thread?.close();
    kept.thread = null;
  } else if (options.duplicates) {
    const wanted = options.duplicates;
    duplicates = await timed(progress, 'dupes', () => analyseDuplicates({ files, edges, fingerprints: fingerprintsOf(), options: wanted }), (d) => plural(d.clusters.length, 'cluster'));
  }

  const stageWarnings = [
    ...runtimeDiagnostics,
    ...discovery.diagnostics,
    ...scanned.flatMap((s) => s.diagnostics),
    ...detected.diagnostics,
    ...detected.built.diagnostics,
    ...docs.diagnostics,
    ...manifests.diagnostics(),
  ];
  const warnedTooLarge = new Set(stageWarnings.filter((w) => w.id === 'read/too-large').map((w) => w.location?.file));
  for (const [path, d] of [...tooLarge].sort(([a], [b]) => byString(a, b))) if (!warnedTooLarge.has(path)) stageWarnings.push(d);
  const warnings = [...stageWarnings, ...(triage?.diagnostics ?? [])].sort(compareDiagnostics);
  files.sort((a, b) => byString(a.path, b.path));

  const focus = options.focus ?? '';
  const shown = focusOn({ files, edges, entries, warnings, junk, ...(triage ? { imports: triage.section } : {}), ...(duplicates ? { duplicates } : {}) }, focus);
  const audit: Audit = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'census', version: VERSION },
    generatedAt: new Date().toISOString(),
    root: options.root,
    ...(focus !== '' ? { focus } : {}),
    git: discovery.git ? await discovery.git : null,
    options: { include: options.include, exclude, maxFileSize: options.maxFileSize },
    summary: summarise(shown.files, shown.edges, shown.warnings),
    files: shown.files,
    edges: shown.edges,
    entries: shown.entries,
    warnings: shown.warnings,
    ...(shown.junk.length > 0 ? { junk: shown.junk } : {}),
    ...(runtime ? { runtime } : {}),
    ...(shown.imports ? { imports: shown.imports } : {}),
    ...(shown.duplicates ? { duplicates: shown.duplicates } : {}),
  };
  if (stamps) {
    const hashes = new Map(extracted.map((s) => [s.record.path, s.record.hash]));
    const environment = environmentStamps(rootAbs, files.map((f) => f.path), triage?.python ?? null);
    saveSnapshot(rootAbs, options, stamps, hashes, { audit, censusConfig: config?.config ?? null, environment });
  }
  return { audit, rootAbs, facts, context, config };
};
