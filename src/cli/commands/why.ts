/** `census why <file> [path]`: finds the file's record (and with --all every chain) and renders the why view. */
import { allChains } from '../../classify/explain.js';
import type { WhyExplanation } from '../../model/why.js';
import { scan } from '../../pipeline.js';
import { UsageError } from '../../util/errors.js';
import { isDirectory } from '../../util/fs.js';
import { dirnameAbsolute, isAbsolute, relativeNative, resolveAbsolute, toPosix, toRepoPath } from '../../util/path.js';
import { integerOption, type ParsedArgs } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { emitView, formatFrom, formatUsage } from '../format.js';
import type { CliIo } from '../io.js';
import { SCAN_OPTIONS } from '../options.js';
import { scanOptionsFrom } from '../scan-options.js';

/**
 * `census why <file> [path]`: the file may be given relative to the current folder, as an
 * absolute path, or relative to [path] (as before the root was found upward). Without [path] the
 * root is found from the file's own folder, so `census why ../other/x.py` audits x.py's project.
 */
const splitArgs = (args: ParsedArgs, io: CliIo): { file: string; candidates: string[]; rest: ParsedArgs } => {
  const [file, ...positionals] = args.positionals;
  if (!file) throw new UsageError('which file? usage: census why <file> [path]');
  const fromCwd = resolveAbsolute(io.cwd, file);
  const candidates = positionals.length === 1 ? [resolveAbsolute(io.cwd, positionals[0], file), fromCwd] : [fromCwd];
  // With no [path], the file's folder is where the root search starts (it must exist to be a file's folder).
  const folder = dirnameAbsolute(fromCwd);
  const shownFolder = isAbsolute(file) ? folder : toPosix(relativeNative(io.cwd, folder)) || '.';
  const start = positionals.length > 0 || !isDirectory(folder) ? positionals : [shownFolder];
  return { file, candidates, rest: { ...args, positionals: start } };
};

export const whyCommand: Command = {
  name: 'why',
  summary: 'explain one file\'s verdict: the chain from an entry point, or what was checked',
  usage: `census why <file> [path] [--all] [--limit N] ${formatUsage('why')}`,
  options: ['all', 'limit', 'format', 'output', ...SCAN_OPTIONS],
  details: [
    '<file> is relative to the current folder, absolute, or relative to [path]. census audits the file\'s whole project',
    '(the root found upward: a census config, the top of the git work tree, else the nearest manifest) and explains the file.',
  ],
  view: 'why',
  run: async (args, io) => {
    const format = formatFrom(args, 'why', 'why');
    const { file: asked, candidates, rest } = splitArgs(args, io);
    const result = await scan(scanOptionsFrom(rest, io, { whole: true, announce: false }));
    const byPath = new Map(result.audit.files.map((f) => [f.path, f]));
    const file = candidates.map((c) => toRepoPath(result.rootAbs, c)).find((p) => p !== null && byPath.has(p));
    const record = file === undefined || file === null ? undefined : byPath.get(file);
    if (!record || !file) throw new UsageError(`${asked} is not in the census of ${result.audit.root} (outside it, excluded, ignored or misspelt?)`);
    const explanation: WhyExplanation = { file: record };
    if (args.values.all && record.verdict) {
      const limit = integerOption(args.values, 'limit', 20);
      explanation.all = { chains: allChains(result.audit, file, limit), limit };
    }
    emitView('why', format, explanation, args, io);
    return EXIT_OK;
  },
};
