/**
 * The triage as the pipeline runs it on every scan: find the environments (nothing from the repo
 * is executed; `--python` is asked for its paths only), then triage. Environment problems
 * (malformed metadata, an interpreter that fails or hangs) become diagnostics and a fallback to
 * manifests only, which the environment note says.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Edge } from '../../model/edge.js';
import type { FileFacts } from '../../model/facts.js';
import type { FileRecord } from '../../model/file.js';
import type { ImportsEnvironment } from '../../model/imports.js';
import { loadPythonEnvironment, type PythonEnvironment } from '../../languages/python/env/index.js';
import { languageRecord } from '../../languages/registry.js';
import type { Manifests } from '../../manifests/store.js';
import type { PathProbe } from '../../util/fs.js';
import { loadJavaScriptEnvironment, type JavaScriptEnvironment } from './javascript-env.js';
import { triageImports, type TriageResult } from './triage.js';

export interface ImportTriageOptions {
  /** --python PATH: the interpreter whose environment imports are checked against. */
  python?: string;
  /** --no-env: declared dependencies only. */
  noEnv?: boolean;
  /** Environment variables for finding the environment ($VIRTUAL_ENV, ...); default process.env. */
  env?: NodeJS.ProcessEnv;
  interpreterTimeoutMs?: number;
}

export interface ImportTriageInput {
  rootAbs: string;
  files: readonly FileRecord[];
  edges: readonly Edge[];
  facts: ReadonlyMap<string, FileFacts>;
  manifests: Manifests;
  /** The scan's answers about paths on disk (the JS resolver's), when it has them. */
  disk?: PathProbe;
}

export interface ImportTriageRun extends TriageResult {
  python: PythonEnvironment | null;
  diagnostics: Diagnostic[];
}

const environmentOf = (python: PythonEnvironment | null, javascript: JavaScriptEnvironment | null): ImportsEnvironment => ({
  mode: python ? python.mode : 'none',
  note: python ? python.note : 'no Python files: no Python environment needed',
  ...(python?.pythonVersion ? { pythonVersion: python.pythonVersion } : {}),
  ...(javascript ? { javascript: { mode: javascript.mode, note: javascript.note } } : {}),
});

export const runImportTriage = async (input: ImportTriageInput, options: ImportTriageOptions = {}): Promise<ImportTriageRun> => {
  const paths = input.files.map((f) => f.path);
  const ecosystems = new Set(input.files.map((f) => languageRecord(f.language)?.ecosystem));
  const hasPython = ecosystems.has('python');
  const hasJavaScript = ecosystems.has('javascript');
  const python = hasPython
    ? await loadPythonEnvironment({
        rootAbs: input.rootAbs, files: paths, manifests: input.manifests,
        ...(options.python !== undefined ? { python: options.python } : {}),
        ...(options.noEnv ? { noEnv: true } : {}),
        ...(options.env ? { env: options.env } : {}),
        ...(options.interpreterTimeoutMs !== undefined ? { interpreterTimeoutMs: options.interpreterTimeoutMs } : {}),
      })
    : null;
  const javascript = hasJavaScript
    ? loadJavaScriptEnvironment({ rootAbs: input.rootAbs, files: paths, manifests: input.manifests, ...(options.noEnv ? { noEnv: true } : {}), ...(input.disk ? { disk: input.disk } : {}) })
    : null;
  const result = triageImports({
    files: input.files, edges: input.edges, facts: input.facts, python, javascript, environment: environmentOf(python, javascript),
  });
  return { ...result, python, diagnostics: python?.diagnostics ?? [] };
};
