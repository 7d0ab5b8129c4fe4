/**
 * Progress on standard error: one line per finished stage (files discovered, files extracted,
 * edges resolved, …) for a person watching a terminal. Shown only when standard error is a
 * terminal and the run has taken about a second (a quick run prints nothing), never with --quiet
 * or --no-progress. CENSUS_PROGRESS=force shows every stage without timings, for tests (no clock).
 */
import type { ProgressListener, StageEvent } from '../util/bus.js';
import type { ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

/** Runs shorter than this print no progress at all. */
const QUIET_FOR_MS = 1000;

const line = (e: StageEvent, timed: boolean): string => `census: ${e.stage}: ${e.detail}${timed ? ` (${(e.ms / 1000).toFixed(1)} s)` : ''}\n`;

export const progressListener = (args: ParsedArgs, io: CliIo): ProgressListener | undefined => {
  if (args.values.quiet === true || args.values['no-progress'] === true) return undefined;
  if (io.env?.CENSUS_PROGRESS === 'force') return (e) => io.stderr(line(e, false));
  if (io.stderrIsTty !== true) return undefined;
  const start = performance.now();
  const held: StageEvent[] = [];
  return (e) => {
    held.push(e);
    if (performance.now() - start < QUIET_FOR_MS) return;
    for (const event of held.splice(0)) io.stderr(line(event, true));
  };
};
