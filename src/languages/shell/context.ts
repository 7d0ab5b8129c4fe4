/**
 * The CommandContext for a command found in a shell script: where it runs and where the script is.
 * A CommandFact's `cwd` is relative to the script's folder (set when the script `cd`s somewhere
 * anchored to its own folder); without one the command runs wherever the script was started,
 * `callerDir` (the repo root unless the caller knows better).
 */
import type { CommandContext } from '../../commandline/types.js';
import type { CommandFact } from '../../model/facts.js';
import { dirname, joinRepo } from '../../util/path.js';

export const shellCommandContext = (
  scriptPath: string,
  fact: Pick<CommandFact, 'cwd'>,
  options: { callerDir?: string; pathMap?: CommandContext['pathMap'] } = {},
): CommandContext => {
  const scriptDir = dirname(scriptPath);
  // A cwd that climbs out of the repo stays unnormalised, so every path under it is reported outside.
  const cwd = fact.cwd === undefined ? (options.callerDir ?? '') : (joinRepo(scriptDir, fact.cwd) ?? `${scriptDir}/${fact.cwd}`);
  return { cwd, scriptDir, ...(options.pathMap ? { pathMap: options.pathMap } : {}) };
};
