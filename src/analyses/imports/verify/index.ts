/**
 * `census imports --verify`: import every importable Python module of the repo in a real
 * interpreter (this runs the repo's code; the CLI says so before it starts) and compare with the
 * static triage. The interpreter: --python, else the repo's detected environment's own python,
 * else python3 on PATH.
 */
import type { Audit } from '../../../model/audit.js';
import type { VerifySection } from '../../../model/imports.js';
import { detectEnvironment } from '../../../languages/python/env/detect.js';
import { isFile } from '../../../util/fs.js';
import { joinAbsolute } from '../../../util/path.js';
import { compareVerification } from './compare.js';
import { modulesToImport } from './modules.js';
import { importModules } from './run.js';
import type { Manifests } from '../../../manifests/store.js';

export const DEFAULT_VERIFY_TIMEOUT_MS = 10_000;

export interface VerifyOptions {
  rootAbs: string;
  python?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  manifests: Manifests;
}

export interface InterpreterChoice {
  command: string;
  /** For the user: `.venv/bin/python (the repo's environment)`. */
  shown: string;
}

export const chooseInterpreter = (o: VerifyOptions): InterpreterChoice => {
  if (o.python !== undefined) return { command: o.python, shown: `${o.python} (--python)` };
  const found = detectEnvironment({ rootAbs: o.rootAbs, env: o.env ?? process.env, manifests: o.manifests }).detected;
  if (found) {
    for (const rel of ['bin/python', 'bin/python3', 'Scripts/python.exe']) {
      if (isFile(joinAbsolute(found.prefix, rel))) return { command: joinAbsolute(found.prefix, rel), shown: `${found.display}/${rel} (${found.source})` };
    }
    return { command: 'python3', shown: `python3 on PATH (${found.display} has no interpreter of its own)` };
  }
  return { command: 'python3', shown: 'python3 on PATH (no environment found for the repo)' };
};

export type VerifyResult = { section: VerifySection } | { error: string };

export const verifyImports = async (audit: Audit, o: VerifyOptions, interpreter: InterpreterChoice = chooseInterpreter(o)): Promise<VerifyResult> => {
  const { modules, skipped } = modulesToImport(audit);
  const run = await importModules(modules, { interpreter: interpreter.command, rootAbs: o.rootAbs, timeoutMs: o.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS });
  if (run.startError) return { error: `--verify: ${run.startError}` };
  return { section: compareVerification(audit, modules, run.outcomes, interpreter.shown, skipped) };
};
