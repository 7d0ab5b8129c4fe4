/** `census apply plan.json [path]`: carry out a cleanup plan with git, re-audit, and roll back on any failed check. */
import { UsageError } from '../../util/errors.js';
import { makeTempDir, readTextOrNull, removeTree } from '../../util/fs.js';
import { resolveAbsolute } from '../../util/path.js';
import { stringOption } from '../args.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type Command } from '../command.js';
import { emitView, formatFrom, formatUsage } from '../format.js';
import { SCAN_OPTIONS } from '../options.js';

export const applyCommand: Command = {
  name: 'apply',
  summary: 'carry out a cleanup plan (census plan) with git mv / git rm, rewrite the references, re-audit, roll back if anything broke',
  usage: `census apply PLAN.json [path] [--dry-run] [--archive-dir DIR] [--test CMD] [--force] ${formatUsage('apply')} [--output FILE]`,
  options: ['format', 'output', 'dry-run', 'archive-dir', 'test', 'force', ...SCAN_OPTIONS],
  details: [
    'Refuses outside git, on uncommitted changes (unless --force), and on any plan item that is unsafe or out of date; then nothing is touched.',
    'keep and review items are never carried out. The result is staged, not committed: review it with `git diff --staged`.',
    'After applying, census audits again: a new broken import, a production or tooling file that lost its verdict, an entry point',
    'naming a missing file, or a failing --test command restores the working tree and index exactly.',
    '--test runs the project\'s own command: the only time census apply runs code from the repository.',
    'Exit codes: 0 applied (or a clean dry run), 1 a check failed (rolled back), 2 refused or a usage error.',
  ],
  view: 'apply',
  run: async (args, io) => {
    const [{ applyPlan }, { scan }, { scanTargetFrom }] = await Promise.all([import('../../apply/run.js'), import('../../pipeline.js'), import('../scan-options.js')]);
    const format = formatFrom(args, 'apply', 'apply');
    const [planArg, ...rest] = args.positionals;
    if (planArg === undefined) throw new UsageError('census apply needs the plan file: census apply plan.json [path]');
    const planText = readTextOrNull(resolveAbsolute(io.cwd, planArg));
    if (planText === null) throw new UsageError(`cannot read the plan ${planArg}`);
    const target = scanTargetFrom({ ...args, positionals: rest }, io, { whole: true, announce: false });
    const { focus: _focus, scope: _scope, ...scanOptions } = target.options;
    const quiet = args.values.quiet === true;
    const test = stringOption(args.values, 'test');
    const archiveDir = stringOption(args.values, 'archive-dir');
    // The audits are apply's own: their facts cache goes to a scratch folder, not into the repo (a rollback leaves no trace), unless --cache-dir names one.
    const scratchCache = scanOptions.cache !== undefined && stringOption(args.values, 'cache-dir') === undefined ? makeTempDir('census-apply-cache-') : null;
    if (scratchCache !== null) scanOptions.cache = { ...scanOptions.cache, dir: scratchCache };
    const report = await applyPlan({
      rootAbs: target.found.rootAbs,
      root: target.options.root,
      planName: planArg,
      planText,
      dryRun: args.values['dry-run'] === true,
      force: args.values.force === true,
      ...(test !== undefined ? { test } : {}),
      ...(archiveDir !== undefined ? { archiveDir } : {}),
      audit: async (dir) => (await scan({ ...scanOptions, root: dir, cwd: dir, runtime: [] })).audit,
      progress: (message) => {
        if (!quiet) io.stderr(`census: ${message}\n`);
      },
    }).finally(() => {
      if (scratchCache !== null) removeTree(scratchCache);
    });
    await emitView('apply', format, report, args, io);
    if (report.status === 'refused') return EXIT_ERROR;
    return report.status === 'rolled-back' || report.checks.some((c) => !c.ok) ? EXIT_FINDINGS : EXIT_OK;
  },
};
