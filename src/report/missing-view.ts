/**
 * Commands that run a file or module the repo does not have: entry points (a unit, an image, a
 * CI step naming a script that was moved) and exec edges from scripts and code. The same
 * `exec-not-found` findings `census check` counts; the terminal summary lists them.
 */
import type { Audit } from '../model/audit.js';
import type { Entry } from '../model/entry.js';

export interface MissingTarget {
  /** `deploy/worker.conf:4` */
  where: string;
  /** What runs it and what is missing. */
  what: string;
}

/** `shown`: entry points already named elsewhere on the page (the terminal's file lists), left out here. */
export const missingTargets = (audit: Audit, shown: ReadonlySet<Entry> = new Set()): MissingTarget[] => [
  ...audit.entries
    .filter((e) => e.file === null && e.unresolved === 'not-found' && !shown.has(e))
    .map((e) => ({ where: `${e.source}${e.line ? `:${e.line}` : ''}`, what: e.unresolvedReason ?? e.evidence })),
  ...audit.edges
    .filter((e) => e.kind === 'exec' && e.to === null && e.unresolved === 'not-found')
    .map((e) => ({ where: `${e.from}:${e.line}`, what: e.label ?? e.specifier })),
];
