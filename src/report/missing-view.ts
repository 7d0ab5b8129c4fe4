/**
 * Commands that run a file or module the repo does not have: entry points (a unit, an image, a
 * CI step naming a script that was moved) and exec edges from scripts and code. The same
 * `exec-not-found` findings `census check` counts; the terminal summary lists them.
 */
import type { Audit } from '../model/audit.js';

export interface MissingTarget {
  /** `deploy/worker.conf:4` */
  where: string;
  /** What runs it and what is missing. */
  what: string;
}

export const missingTargets = (audit: Audit): MissingTarget[] => [
  ...audit.entries
    .filter((e) => e.file === null && e.unresolved === 'not-found')
    .map((e) => ({ where: `${e.source}${e.line ? `:${e.line}` : ''}`, what: e.unresolvedReason ?? e.evidence })),
  ...audit.edges
    .filter((e) => e.kind === 'exec' && e.to === null && e.unresolved === 'not-found')
    .map((e) => ({ where: `${e.from}:${e.line}`, what: e.label ?? e.specifier })),
];
