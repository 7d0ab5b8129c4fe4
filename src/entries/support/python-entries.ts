/** Shared by the pyproject, setup.cfg and setup.py detectors: one entry-point reference → one module entry. */
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { joinRepo } from '../../util/path.js';
import type { DetectorOutput } from '../types.js';
import { fileEntry, moduleEntry } from './inputs.js';
import { parseEntryPointReference } from './python-entry-point.js';

export const addEntryPoint = (out: DetectorOutput, reference: string, evidence: string, file: string, line: number): void => {
  const ref = parseEntryPointReference(reference);
  if (!ref) {
    out.diagnostics.push(badReference(reference, evidence, file, line));
    return;
  }
  out.entries.push(moduleEntry(ref.module, 'production', evidence, line));
};

const badReference = (reference: string, evidence: string, file: string, line: number): Diagnostic =>
  warning('python-packaging/bad-entry-point', `${evidence}: "${reference}" is not a module:attribute reference`, file, line);

/** `scripts=[…]` / `script-files` name files relative to the project folder. */
export const addScriptFile = (out: DetectorOutput, projectDir: string, target: string, evidence: string, file: string, line: number): void => {
  const path = joinRepo(projectDir, target);
  if (path === null) out.diagnostics.push(warning('python-packaging/outside-project', `${evidence}: ${target} is outside the repo`, file, line));
  else out.entries.push(fileEntry(path, 'production', evidence, line));
};
