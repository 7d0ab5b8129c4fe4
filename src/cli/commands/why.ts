/** `census why <file> [path]`: finds the file's record (and with --all every chain) and renders the why view. */
import type { Audit } from '../../model/audit.js';
import type { WhyExplanation } from '../../model/why.js';
import type { RecordedAudit } from '../../cache/snapshot.js';
import { UsageError } from '../../util/errors.js';
import { isDirectory } from '../../util/fs.js';
import { dirnameAbsolute, isAbsolute, relativeNative, resolveAbsolute, toPosix, toRepoPath } from '../../util/path.js';
import { integerOption, type ParsedArgs } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { emitView, formatFrom, formatUsage } from '../format.js';
import type { CliIo } from '../io.js';
import { SCAN_OPTIONS } from '../options.js';

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

/** A fresh scan's Audit, read the way a recorded one is. */
const scanned = (audit: Audit): RecordedAudit => {
  const byPath = new Map(audit.files.map((f) => [f.path, f]));
  return { root: audit.root, record: (path) => byPath.get(path), view: () => audit, close: () => {} };
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
    const [{ freshAudit }, { scanTargetFrom }] = await Promise.all([import('../../cache/snapshot.js'), import('../scan-options.js')]);
    const format = formatFrom(args, 'why', 'why');
    const { file: asked, candidates, rest } = splitArgs(args, io);
    const { found, options } = scanTargetFrom(rest, io, { whole: true, announce: false });
    // Review 2 of stop 52: in an unpacked package (no config, git or manifest above the file) the
    // root is the file's own folder, and what loads the file from elsewhere is not seen.
    if (found.reason === 'asked' && args.positionals.length === 1 && args.values.quiet !== true) {
      io.stderr(`census: nothing marks a project root above ${asked} (no census config, git work tree or manifest), so census audits its folder ${options.root} alone; give the project's folder: census why ${asked} PATH\n`);
    }
    const rootAbs = resolveAbsolute(options.cwd ?? '.', options.root);
    // The pipeline and the chain search load only when needed: a recorded audit answers without them.
    const explain = async (audit: RecordedAudit): Promise<WhyExplanation> => {
      const file = candidates.map((c) => toRepoPath(rootAbs, c)).find((p) => p !== null && audit.record(p) !== undefined);
      const record = file === undefined || file === null ? undefined : audit.record(file);
      if (!record || !file) throw new UsageError(`${asked} is not in the census of ${audit.root} (outside it, excluded, ignored or misspelt?)`);
      const explanation: WhyExplanation = { file: record };
      if (args.values.all && record.verdict) {
        const limit = integerOption(args.values, 'limit', 20);
        const { allChains } = await import('../../classify/explain.js');
        explanation.all = { chains: allChains(audit.view(), file, limit), limit };
      }
      return explanation;
    };
    // After a scan with nothing changed since, its recorded audit answers (cache/snapshot.ts checks
    // by stat, with no git call and no listing); any doubt, even an error reading it, and census scans as before.
    const recorded = freshAudit(rootAbs, options);
    let explanation: WhyExplanation | undefined;
    try {
      if (recorded) explanation = await explain(recorded);
    } catch {
      explanation = undefined;
    } finally {
      recorded?.close();
    }
    if (explanation === undefined) {
      const { scan } = await import('../../pipeline.js');
      explanation = await explain(scanned((await scan(options)).audit));
    }
    await emitView('why', format, explanation, args, io);
    return EXIT_OK;
  },
};
