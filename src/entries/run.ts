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
import { isRepoDetector, type CommandInput, type DetectorContext, type DetectorOutput, type EntryDetector, type EntryInput } from './types.js';

export interface DetectedInput<T> {
  detector: string;
  source: string;
  input: T;
}

export interface Detected {
  entries: DetectedInput<EntryInput>[];
  commands: DetectedInput<CommandInput>[];
  diagnostics: Diagnostic[];
}

const CONFIG_DETECTOR = 'config';

const collect = (out: Detected, detector: string, source: string, result: DetectorOutput) => {
  for (const input of result.entries) out.entries.push({ detector, source, input });
  for (const input of result.commands) out.commands.push({ detector, source, input });
  out.diagnostics.push(...result.diagnostics);
};

const runDetector = (detector: EntryDetector, paths: string[], names: string[], ctx: DetectorContext, out: Detected) => {
  if (isRepoDetector(detector)) {
    try {
      for (const { source, output } of detector.detectRepo(ctx)) collect(out, detector.id, source, output);
    } catch (e) {
      out.diagnostics.push(warning('detector/crash', `${detector.id} detector failed: ${(e as Error).message}`));
    }
    return;
  }
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i];
    if (!detector.matches(path, names[i])) continue;
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
  return { entries: keep(out.entries), commands: keep(out.commands), diagnostics: out.diagnostics };
};

export const detectEntries = (paths: string[], ctx: DetectorContext, config: LoadedConfig | null = null): Detected => {
  const out: Detected = { entries: [], commands: [], diagnostics: [] };
  const names = paths.map(basename);
  for (const detector of DETECTORS) runDetector(detector, paths, names, ctx, out);
  if (!config) return out;
  const fromConfig = configInputs(config, paths);
  collect(out, CONFIG_DETECTOR, config.file, { ...fromConfig, diagnostics: [] });
  return applyConfig(out, config);
};
