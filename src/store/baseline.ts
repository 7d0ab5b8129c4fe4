/**
 * `.census/baseline.json`: the accepted findings, one key per line, sorted, with a small header
 * (census version, commit, date), so a change to it reads well in a diff. Written only by
 * `census baseline`; read by `census check`.
 */
import fs from 'node:fs';
import type { Baseline } from '../model/findings.js';
import { byString } from '../util/compare.js';
import { ConfigError } from '../util/errors.js';
import { prepareCensusPath, writeCensusFile } from './census-dir.js';

export const BASELINE_FILE = '.census/baseline.json';
const MAX_BASELINE_BYTES = 32 * 1024 * 1024;

const NOTE = 'Findings accepted by `census baseline`; `census check` fails on findings that are not listed here. Regenerate with `census baseline`.';

export const renderBaseline = (baseline: Baseline): string =>
  `${JSON.stringify(
    {
      note: NOTE,
      census: baseline.census,
      commit: baseline.commit,
      date: baseline.date,
      ...(baseline.environment !== undefined ? { environment: baseline.environment } : {}),
      findings: [...new Set(baseline.findings)].sort(byString),
    },
    null,
    2,
  )}\n`;

export const writeBaseline = (rootAbs: string, baseline: Baseline): void => {
  // Atomic (a check running meanwhile never reads half a file) and never through a committed symlink.
  writeCensusFile(rootAbs, BASELINE_FILE, renderBaseline(baseline));
};

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The baseline of a root, or null when there is none. A file that is not a baseline is a ConfigError naming it. */
export const readBaseline = (rootAbs: string): Baseline | null => {
  let text: string;
  try {
    // A committed symlink here could make census quote another file's content in its errors.
    const abs = prepareCensusPath(rootAbs, BASELINE_FILE, { create: false });
    // A committed baseline of millions of keys took 970 MB to read; no real repo accepts that many findings.
    const bytes = fs.statSync(abs).size;
    if (bytes > MAX_BASELINE_BYTES) throw new ConfigError(`${BASELINE_FILE} is ${Math.round(bytes / 1048576)} MB; census reads baselines up to ${MAX_BASELINE_BYTES / 1048576} MB. Regenerate it with census baseline`);
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError(`${BASELINE_FILE}: cannot read it (${(e as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${BASELINE_FILE}: not valid JSON (${(e as Error).message}); fix it, or regenerate it with census baseline`);
  }
  const v = value as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !isStringList(v.findings)) {
    throw new ConfigError(`${BASELINE_FILE}: "findings" must be a list of finding keys; regenerate it with census baseline`);
  }
  return {
    census: typeof v.census === 'string' ? v.census : 'unknown',
    commit: typeof v.commit === 'string' ? v.commit : null,
    date: typeof v.date === 'string' ? v.date : '',
    ...(typeof v.environment === 'string' ? { environment: v.environment } : {}),
    findings: v.findings,
  };
};
