/**
 * detect entries: run every detector over the files it matches (and the repo-wide ones once),
 * add the census config's own entries, and apply its kind globs and ignores. A detector that
 * throws is a bug in census, but it must not cost the user the rest of the audit: it becomes a
 * warning.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../util/diagnostics.js';
import { basename } from '../util/path.js';
import type { LoadedConfig } from '../config/load.js';
import { configRules } from '../config/rules.js';
import { configInputs } from './config.js';
import { DETECTORS } from './index.js';
import { isRepoDetector, type CommandInput, type DetectorContext, type DetectorOutput, type EntryDetector, type EntryInput, type FileDetector, type FileNote } from './types.js';

export interface DetectedInput<T> {
  detector: string;
  source: string;
  input: T;
}

export interface Detected {
  entries: DetectedInput<EntryInput>[];
  commands: DetectedInput<CommandInput>[];
  diagnostics: Diagnostic[];
  notes: FileNote[];
}

const CONFIG_DETECTOR = 'config';

const collect = (out: Detected, detector: string, source: string, result: DetectorOutput) => {
  for (const input of result.entries) out.entries.push({ detector, source, input });
  for (const input of result.commands) out.commands.push({ detector, source, input });
  out.diagnostics.push(...result.diagnostics);
  if (result.notes) out.notes.push(...result.notes);
};

/** A name's extension as `candidates.extensions` spells it: after its last dot, lower case ('' = none). */
export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
};

/** The scan's paths by name and by extension (positions in `paths`, ascending), built once per scan. */
export interface PathBuckets {
  byName: Map<string, number[]>;
  byExtension: Map<string, number[]>;
}

/** Buckets only for the names and extensions some detector declares: every other path is in none. */
export const bucketPaths = (names: readonly string[], detectors: readonly EntryDetector[] = DETECTORS): PathBuckets => {
  const byName = new Map<string, number[]>();
  const byExtension = new Map<string, number[]>();
  for (const d of detectors) {
    if (isRepoDetector(d) || !d.candidates) continue;
    for (const name of d.candidates.names ?? []) byName.set(name, []);
    for (const ext of d.candidates.extensions ?? []) byExtension.set(ext, []);
  }
  for (let i = 0; i < names.length; i++) {
    byName.get(names[i])?.push(i);
    byExtension.get(extensionOf(names[i]))?.push(i);
  }
  return { byName, byExtension };
};

/**
 * The positions of the paths a detector's `candidates` admits, in path order; null when it
 * declares none (every path is a candidate).
 */
export const candidatePositions = (detector: FileDetector, buckets: PathBuckets): number[] | null => {
  const { candidates } = detector;
  if (!candidates) return null;
  const lists: number[][] = [];
  for (const name of candidates.names ?? []) {
    const list = buckets.byName.get(name);
    if (list && list.length > 0) lists.push(list);
  }
  for (const ext of candidates.extensions ?? []) {
    const list = buckets.byExtension.get(ext);
    if (list && list.length > 0) lists.push(list);
  }
  if (lists.length === 1) return lists[0];
  // A name and an extension (or two names) may hold the same path: merged, in order, once.
  const all = lists.flat().sort((a, b) => a - b);
  return all.filter((n, i) => i === 0 || n !== all[i - 1]);
};

/**
 * The positions among `positions` whose path the detector matches. Apart from the detection: this
 * loop runs over every path for a detector that declares no candidates, so V8 optimizes it early,
 * and kept small and alike for every detector (one list of positions) it has no branch that a
 * later detector runs first. Inside runDetector, each detector's first file read, detection or
 * warning (none of which the first detectors met) threw the optimized code away, and each
 * recompile carried the inlined manifest store.
 */
const matchingPositions = (detector: FileDetector, positions: readonly number[], paths: readonly string[], names: readonly string[]): number[] => {
  const out: number[] = [];
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k];
    if (detector.matches(paths[i], names[i])) out.push(i);
  }
  return out;
};

const runDetector = (detector: EntryDetector, paths: string[], names: string[], buckets: PathBuckets, every: () => readonly number[], ctx: DetectorContext, out: Detected) => {
  if (isRepoDetector(detector)) {
    try {
      for (const { source, output } of detector.detectRepo(ctx)) collect(out, detector.id, source, output);
    } catch (e) {
      out.diagnostics.push(warning('detector/crash', `${detector.id} detector failed: ${(e as Error).message}`));
    }
    return;
  }
  for (const i of matchingPositions(detector, candidatePositions(detector, buckets) ?? every(), paths, names)) {
    const path = paths[i];
    const text = ctx.manifests.text(path);
    if (text === null) continue;
    try {
      collect(out, detector.id, path, detector.detect({ path, text }, ctx));
    } catch (e) {
      out.diagnostics.push(warning('detector/crash', `${detector.id} detector failed: ${(e as Error).message}`, path));
    }
  }
};

/** The config re-kinds what a matching manifest declares, and drops what an ignored one does. */
const applyConfig = (out: Detected, config: LoadedConfig): Detected => {
  const rules = configRules(config);
  const keep = <T extends { kind: string }>(list: DetectedInput<T>[]) =>
    list
      .filter((d) => !rules.ignored(d.source))
      .map((d) => {
        const kind = d.detector === CONFIG_DETECTOR ? null : rules.kindOf(d.source);
        return kind === null || kind === d.input.kind ? d : { ...d, input: { ...d.input, kind } };
      });
  return { entries: keep(out.entries), commands: keep(out.commands), diagnostics: out.diagnostics, notes: out.notes };
};

/**
 * CENSUS_DETECTOR_TIMES=1 prints each entry detector's CPU milliseconds to stderr, slowest first,
 * as CENSUS_READER_TIMES does for the framework readers: the entries stage is their sum, and a
 * whole-scan profile spreads one detector over the manifest store and shared helpers.
 */
const DETECTOR_TIMES = process.env.CENSUS_DETECTOR_TIMES === '1';

export const detectEntries = (paths: string[], ctx: DetectorContext, config: LoadedConfig | null = null): Detected => {
  const out: Detected = { entries: [], commands: [], diagnostics: [], notes: [] };
  const names = paths.map(basename);
  const buckets = bucketPaths(names);
  // Every position, for the detectors that declare no candidates (made once, when one asks).
  let all: number[] | undefined;
  const every = (): readonly number[] => (all ??= Array.from(paths, (_, i) => i));
  const times: [string, number][] = [];
  for (const detector of DETECTORS) {
    const start = DETECTOR_TIMES ? process.cpuUsage() : null;
    runDetector(detector, paths, names, buckets, every, ctx, out);
    if (start !== null) {
      const used = process.cpuUsage(start);
      times.push([detector.id, (used.user + used.system) / 1000]);
    }
  }
  if (DETECTOR_TIMES) {
    times.sort((a, b) => b[1] - a[1]);
    process.stderr.write(`${times.map(([id, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${id}`).join('\n')}\n`);
  }
  if (!config) return out;
  const fromConfig = configInputs(config, paths);
  collect(out, CONFIG_DETECTOR, config.file, { ...fromConfig, diagnostics: [] });
  return applyConfig(out, config);
};
