/**
 * The runtime overlay: merge runs' evidence into the verdicts. Runtime evidence only adds — a
 * file a run loaded is production ("loaded in run <label>") even when no static edge reaches
 * it, and that gap is reported (runtimeOnly: a dynamic edge the analysis missed). Statically
 * production files no run loaded are dormant. Utilization = loaded source files / source files
 * in scope. Pure: returns new records for the files it changes and leaves the input untouched.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Edge } from '../model/edge.js';
import type { FileRecord } from '../model/file.js';
import { isSourceLanguage } from '../languages/registry.js';
import { RUNTIME_ONLY_FINDING, type RuntimeOnlyFile, type RuntimeSection, type RuntimeTrace, type Utilization } from '../model/runtime.js';
import { byString } from '../util/compare.js';
import { compareDiagnostics, diagnostic } from '../util/diagnostics.js';
import { buildHintIndex } from './missing-edge-hint.js';
import { plural } from '../util/words.js';

export interface OverlayInput {
  files: FileRecord[];
  edges: Edge[];
  traces: RuntimeTrace[];
  /** Folder prefix that utilization and dormant are about ('' or absent: the whole repo). */
  scope?: string;
  /** Maps a dotted module name from the evidence to a repo file (the Python resolver's view); null when none. */
  moduleToFile?: (name: string) => string | null;
}

export interface OverlayResult {
  files: FileRecord[];
  runtime: RuntimeSection;
  /** One `runtime/no-static-edge` finding per runtime-only file, and notes about evidence census could not place. */
  diagnostics: Diagnostic[];
}

const MAX_NAMED = 3;

export const normaliseScope = (scope: string | undefined): string => (scope ?? '').replace(/^\.\/+/, '').replace(/\/+$/, '').replace(/^\.$/, '');

const inScope = (scope: string) => (path: string): boolean => scope === '' || path === scope || path.startsWith(`${scope}/`);

export const percentage = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);

const utilization = (scope: string, scoped: string[], loaded: ReadonlySet<string>): Utilization => {
  const count = scoped.filter((f) => loaded.has(f)).length;
  return { scope, loaded: count, total: scoped.length, pct: percentage(count, scoped.length) };
};

/** Each label's loaded files (traces with the same label merge), in first-seen label order. */
const filesByLabel = (traces: RuntimeTrace[], moduleToFile: OverlayInput['moduleToFile'], unmapped: Set<string>): Map<string, Set<string>> => {
  const out = new Map<string, Set<string>>();
  for (const trace of traces) {
    const set = out.get(trace.label) ?? out.set(trace.label, new Set()).get(trace.label)!;
    for (const f of trace.files) set.add(f);
    for (const m of trace.modules) {
      const file = moduleToFile?.(m) ?? null;
      if (file === null) {
        unmapped.add(m);
        continue;
      }
      set.add(file);
      // Python ran the parent packages' __init__ first.
      const parts = m.split('.');
      for (let i = 1; i < parts.length; i++) {
        const parent = moduleToFile?.(parts.slice(0, i).join('.')) ?? null;
        if (parent !== null) set.add(parent);
      }
    }
  }
  return out;
};

const runtimeEvidence = (file: FileRecord, labels: string[], hint: string | undefined): string[] => {
  const loadedIn = labels.map((label) => `${file.path} is loaded in run ${label}`);
  if (file.verdict === 'production') return [...(file.evidence ?? []), ...loadedIn];
  const finding = hint ? `${RUNTIME_ONLY_FINDING} (${hint})` : RUNTIME_ONLY_FINDING;
  const before = file.verdict ? [`without the run: ${file.verdict}${file.evidence?.length ? ` — ${file.evidence.join('; ')}` : ''}`] : [];
  return [...loadedIn, finding, ...before];
};

export const overlayRuntime = (input: OverlayInput): OverlayResult => {
  const scope = normaliseScope(input.scope);
  const unmapped = new Set<string>();
  const byLabel = filesByLabel(input.traces, input.moduleToFile, unmapped);
  const labelsOf = new Map<string, string[]>();
  for (const [label, files] of byLabel) for (const f of files) (labelsOf.get(f) ?? labelsOf.set(f, []).get(f)!).push(label);
  const loaded = new Set(labelsOf.keys());

  const sourcePaths = input.files.filter((f) => isSourceLanguage(f.language)).map((f) => f.path);
  const scoped = sourcePaths.filter(inScope(scope)).sort(byString);
  const hints = buildHintIndex(input.edges, loaded);

  const runtimeOnly: RuntimeOnlyFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const files = input.files.map((file) => {
    const labels = labelsOf.get(file.path);
    if (!labels || !isSourceLanguage(file.language)) return file;
    if (file.verdict === 'production') return { ...file, evidence: runtimeEvidence(file, labels, undefined) };
    const hint = hints.hintFor(file.path);
    const entry: RuntimeOnlyFile = { file: file.path, labels };
    if (file.verdict) entry.staticVerdict = file.verdict;
    if (hint) entry.hint = hint;
    runtimeOnly.push(entry);
    diagnostics.push(diagnostic('runtime/no-static-edge', 'info', hint ? `${RUNTIME_ONLY_FINDING}; ${hint}` : RUNTIME_ONLY_FINDING, file.path));
    return { ...file, verdict: 'production' as const, evidence: runtimeEvidence(file, labels, hint) };
  });

  const scanned = new Set(input.files.map((f) => f.path));
  const notScanned = [...loaded].filter((f) => !scanned.has(f)).sort(byString);
  if (notScanned.length > 0) {
    const named = `${notScanned.slice(0, MAX_NAMED).join(', ')}${notScanned.length > MAX_NAMED ? ` and ${notScanned.length - MAX_NAMED} more` : ''}`;
    diagnostics.push(diagnostic('runtime/not-scanned', 'info', `${plural(notScanned.length, 'loaded file is', 'loaded files are')} not part of this scan (excluded or outside --include): ${named}`));
  }

  const runtime: RuntimeSection = {
    sources: input.traces.map((t) => ({ label: t.label, source: t.source, format: t.format })),
    loaded: [...loaded].sort(byString),
    utilization: utilization(scope, scoped, loaded),
    runtimeOnly: runtimeOnly.sort((a, b) => byString(a.file, b.file)),
    dormant: input.files
      .filter((f) => f.verdict === 'production' && isSourceLanguage(f.language) && inScope(scope)(f.path) && !loaded.has(f.path))
      .map((f) => f.path)
      .sort(byString),
    byLabel: [...byLabel].map(([label, set]) => {
      const { loaded: count, total, pct } = utilization(scope, scoped, set);
      return { label, loaded: count, total, pct };
    }),
    unmappedModules: unmapped.size,
  };
  return { files, runtime, diagnostics: diagnostics.sort(compareDiagnostics) };
};

