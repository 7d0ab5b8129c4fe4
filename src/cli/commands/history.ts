/**
 * `census history [path]`: the trend of recorded runs per verdict and finding category.
 * `--commits N` first audits the last N commits (read from git into a temporary folder) to backfill it.
 */
import { HISTORY_FILE } from '../../store/history-db.js';
import { UsageError } from '../../util/errors.js';
import { resolveAbsolute } from '../../util/path.js';
import { integerOption } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { emitView, formatFrom, formatUsage } from '../format.js';
import { SCAN_OPTIONS } from '../options.js';

export const historyCommand: Command = {
  name: 'history',
  summary: `show how the verdicts and findings changed over the runs recorded in ${HISTORY_FILE}`,
  usage: `census history [path] [--commits N] [--limit N] ${formatUsage('history')} [--reset-history]`,
  options: ['commits', 'limit', 'format', 'reset-history', ...SCAN_OPTIONS],
  details: [
    'Runs are recorded by census scan --record and census check --record, or backfilled with --commits N,',
    'which audits each of the last N commits, read from git into a temporary folder (commits already recorded are skipped).',
    `A damaged ${HISTORY_FILE} stops the command; --reset-history moves it aside (never deletes it) and starts a new one.`,
  ],
  view: 'history',
  run: async (args, io) => {
    const [{ repoPrefix }, { backfillHistory }, { openHistoryFor }, { scanOptionsFrom }] = await Promise.all([
      import('../../store/git-history.js'),
      import('../../guardrails/backfill.js'),
      import('../history-access.js'),
      import('../scan-options.js'),
    ]);
    const format = formatFrom(args, 'history', 'history');
    const limit = integerOption(args.values, 'limit', 20);
    const commits = integerOption(args.values, 'commits', 0);
    const options = scanOptionsFrom(args, io, { whole: true });
    const rootAbs = resolveAbsolute(io.cwd, options.root);
    // Checked before the database is created, so a failed backfill leaves nothing behind.
    if (commits > 0 && repoPrefix(rootAbs) === null) throw new UsageError(`--commits needs a git repository; ${options.root} is not in one`);
    const history = openHistoryFor(rootAbs, args, io, commits > 0 || args.values['reset-history'] === true);
    if (!history) {
      io.stdout(`census history — no history yet at ${HISTORY_FILE}.\nRecord runs with census scan --record or census check --record, or backfill with census history --commits N.\n`);
      return EXIT_OK;
    }
    try {
      if (commits > 0) await backfillHistory(history, rootAbs, commits, options, (text) => {
        if (args.values.quiet !== true) io.stderr(`census: ${text}\n`);
      });
      const runs = history.runs();
      const shown = limit > 0 ? runs.slice(-limit) : runs;
      await emitView('history', format, { file: history.file, runs: shown, total: runs.length }, args, io);
    } finally {
      history.close();
    }
    return EXIT_OK;
  },
};
