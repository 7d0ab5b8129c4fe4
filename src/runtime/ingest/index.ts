/**
 * `--runtime FILE...`: read existing runtime evidence, whatever produced it. The format is told
 * by content (the first reader that recognises it wins; the plain list is the fallback), and an
 * unreadable or unrecognised file is a usage error that names it.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { RuntimeTrace } from '../../model/runtime.js';
import { sortedUnique } from '../../util/compare.js';
import { diagnostic, warning } from '../../util/diagnostics.js';
import { UsageError } from '../../util/errors.js';
import { isFile } from '../../util/fs.js';
import { basename, dirname, isAbsolute, joinAbsolute, resolveAbsolute } from '../../util/path.js';
import { createRepoPathMapper } from '../repo-paths.js';
import { censusTraceFormat } from './census-trace.js';
import { coverageJsonFormat } from './coverage-json.js';
import { coverageSqliteFormat } from './coverage-sqlite.js';
import { plainListFormat } from './plain-list.js';
import { pythonImporttimeFormat } from './python-importtime.js';
import { pythonVerboseFormat } from './python-verbose.js';
import { readEvidenceInput } from './read-input.js';
import type { EvidenceFormat } from './types.js';
import { v8CoverageFormat } from './v8-coverage.js';
import { plural } from '../../util/words.js';

/** Tried in order: specific shapes first, the plain list last. */
export const EVIDENCE_FORMATS: readonly EvidenceFormat[] = [
  censusTraceFormat,
  coverageJsonFormat,
  v8CoverageFormat,
  coverageSqliteFormat,
  pythonImporttimeFormat,
  pythonVerboseFormat,
  plainListFormat,
];

export interface IngestOptions {
  /** Absolute path of the scanned root. */
  rootAbs: string;
  /** What the user's path is relative to (default: the process's working directory). */
  cwd?: string;
  /** Overrides the label the evidence carries or its file name gives. */
  label?: string;
}

export interface IngestResult {
  trace: RuntimeTrace;
  diagnostics: Diagnostic[];
}

const MAX_NAMED = 3;

const labelFromName = (name: string): string => basename(name.replace(/\/+$/, '')).replace(/^\.+/, '').replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '-') || 'run';

/** Every regular-package `__init__.py` above a Python file (Python ran them to import it). */
const withPackageInits = (files: string[], rootAbs: string): string[] => {
  const out = new Set(files);
  for (const f of files) {
    if (!f.endsWith('.py')) continue;
    for (let dir = dirname(f); dir !== ''; dir = dirname(dir)) {
      const init = `${dir}/__init__.py`;
      if (out.has(init)) continue;
      if (!isFile(joinAbsolute(rootAbs, init))) break;
      out.add(init);
    }
  }
  return [...out];
};

const listSome = (items: string[]): string => `${items.slice(0, MAX_NAMED).join(', ')}${items.length > MAX_NAMED ? ` and ${items.length - MAX_NAMED} more` : ''}`;

export const ingestEvidence = (name: string, options: IngestOptions): IngestResult => {
  const input = readEvidenceInput(name, resolveAbsolute(options.cwd ?? '.', name));
  const format = EVIDENCE_FORMATS.find((f) => f.matches(input));
  if (!format) {
    const known = EVIDENCE_FORMATS.map((f) => f.description).join('; ');
    throw new UsageError(`cannot tell what runtime evidence ${name} is (census reads: ${known})`);
  }
  const toRepo = createRepoPathMapper({ rootAbs: options.rootAbs, foreign: true });
  const reading = format.read(input, { rootAbs: options.rootAbs, toRepo });
  const paths = reading.paths ?? [];
  const mapped: string[] = [];
  const missingRelative: string[] = [];
  for (const p of paths) {
    const repoPath = toRepo(p);
    if (repoPath !== null) mapped.push(repoPath);
    else if (!isAbsolute(p) && !p.startsWith('file:')) missingRelative.push(p);
  }
  const files = sortedUnique(reading.addPackageInits ? withPackageInits(mapped, options.rootAbs) : mapped);
  const modules = sortedUnique(reading.modules ?? []);

  const diagnostics: Diagnostic[] = (reading.notes ?? []).map((note) => diagnostic('runtime/read-note', 'info', note));
  const missing = sortedUnique(missingRelative);
  if (missing.length > 0) {
    diagnostics.push(warning('runtime/missing-files', `${name}: ${plural(missing.length, 'recorded file is', 'recorded files are')} not in this repo: ${listSome(missing)}`));
  }
  if (paths.length > 0 && files.length === 0 && modules.length === 0) {
    diagnostics.push(warning('runtime/no-repo-files', `${name}: none of its ${paths.length} paths is a file of this repo (recorded for another folder?)`));
  }
  const trace: RuntimeTrace = {
    label: options.label ?? reading.label ?? labelFromName(name),
    source: name,
    format: format.id,
    files,
    modules,
  };
  return { trace, diagnostics };
};
