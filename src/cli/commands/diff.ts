/** `census diff [A] [B]`: two recorded runs compared (default: the last two). */
import { HISTORY_FILE } from '../../store/history-db.js';
import { UsageError } from '../../util/errors.js';
import { isDirectory } from '../../util/fs.js';
import { resolveAbsolute } from '../../util/path.js';
import { stringOption } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { emitView, formatFrom, formatUsage } from '../format.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'compare two recorded runs: counts that moved, findings that appeared and went',
  usage: `census diff [A] [B] [--repo DIR] ${formatUsage('diff')}`,
  options: ['repo', 'format'],
  details: [
    'A and B are run numbers (as census history lists them) or commit prefixes; default: the last two runs.',
    'One run given: that run against the latest.',
    `The history is ${HISTORY_FILE} at the root of the project of --repo (default: the current directory).`,
  ],
  view: 'diff',
  run: async (args, io) => {
    const [{ diffRuns }, { findProjectRoot }, { openHistoryFor }, { pickRuns }] = await Promise.all([
      import('../../guardrails/run-diff.js'),
      import('../../discover/root.js'),
      import('../history-access.js'),
      import('../../guardrails/run-ref.js'),
    ]);
    const format = formatFrom(args, 'diff', 'diff');
    const repo = stringOption(args.values, 'repo') ?? '.';
    const askedAbs = resolveAbsolute(io.cwd, repo);
    if (!isDirectory(askedAbs)) throw new UsageError(`no such directory: ${repo}`);
    // The history lives at the project's root, wherever below it the command is run.
    const rootAbs = findProjectRoot(askedAbs).rootAbs;
    const history = openHistoryFor(rootAbs, args, io, false);
    if (!history) throw new UsageError(`no history at ${HISTORY_FILE} under ${repo}; record runs with census scan --record or census check --record`);
    try {
      const [from, to] = pickRuns(history.runs(), args.positionals);
      const diff = diffRuns(from, to, history.findingsOf(from.id), history.findingsOf(to.id));
      await emitView('diff', format, diff, args, io);
    } finally {
      history.close();
    }
    return EXIT_OK;
  },
};
