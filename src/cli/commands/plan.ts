/** `census plan`: the scan with duplicates, turned into a cleanup plan (keep / review / merge / archive / delete / move per source file). */
import type { PlanOptions } from '../../plan/options.js';
import { UsageError } from '../../util/errors.js';
import { joinRepo, toPosix } from '../../util/path.js';
import { integerOption, stringOption, type ParsedArgs } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { emitView, formatFrom, formatUsage } from '../format.js';
import { SCAN_OPTIONS } from '../options.js';
import { inferFormatFromOutput } from '../output.js';

type PlanDefaults = typeof import('../../plan/options.js');

/** The archive folder as a repo path: inside the root, never the root itself. */
const archiveDirFrom = (args: ParsedArgs, { DEFAULT_ARCHIVE_DIR }: PlanDefaults): string => {
  const given = stringOption(args.values, 'archive-dir');
  if (given === undefined) return DEFAULT_ARCHIVE_DIR;
  const dir = given.startsWith('/') || /^[A-Za-z]:[\\/]/.test(given) ? null : joinRepo(toPosix(given));
  if (dir === null || dir === '') throw new UsageError(`--archive-dir ${given}: give a folder inside the repo, relative to its root (e.g. archive)`);
  return dir;
};

const planOptionsFrom = (args: ParsedArgs, defaults: PlanDefaults): PlanOptions =>
  defaults.planOptions({ archiveDir: archiveDirFrom(args, defaults), recentDays: integerOption(args.values, 'recent-days', defaults.DEFAULT_RECENT_DAYS), deleteDead: args.values['delete-dead'] === true });

export const planCommand: Command = {
  name: 'plan',
  summary: 'recommend keep, review, merge, archive, delete or move for every source file, with the evidence, as a plan census apply can carry out',
  usage: `census plan [path] ${formatUsage('plan')} [--output plan.json] [--archive-dir DIR] [--recent-days N] [--delete-dead] [--runtime FILE...]`,
  options: ['format', 'output', 'archive-dir', 'recent-days', 'delete-dead', 'runtime', ...SCAN_OPTIONS],
  details: [
    'Nothing reachable from a root, no framework file (migrations, routes, configs) and no file a run loaded, docs mention,',
    'a recent commit touched or a guarded, dynamic or string import names is ever merged, archived or deleted: those are review.',
    'Dead files with no evidence of use are archived (moved under --archive-dir); exact copies whose keeper stays are deleted.',
    'The plan writes nothing into the repo; edit the JSON (drop an item, change an action) before census apply.',
  ],
  view: 'plan',
  run: async (parsed, io) => {
    const [defaults, { planOfRepo }, { scan }, { scanTargetFrom }] = await Promise.all([import('../../plan/options.js'), import('../../plan/of-repo.js'), import('../../pipeline.js'), import('../scan-options.js')]);
    const args = inferFormatFromOutput(parsed);
    const format = formatFrom(args, 'plan', 'plan');
    const options = planOptionsFrom(args, defaults);
    // The whole root is the evidence (a file outside the folder may use one inside); the plan lists the folder's files.
    const target = scanTargetFrom(args, io, { whole: true });
    const result = await scan({ ...target.options, duplicates: {} });
    await emitView('plan', format, planOfRepo(result.audit, result.rootAbs, options, target.folder), args, io);
    return EXIT_OK;
  },
};
