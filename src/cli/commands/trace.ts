/** `census trace -- <command>`: runs the command with census's loading hooks and writes the trace. */
import { defaultLabel, isValidLabel, TRACE_DIR } from '../../runtime/trace-file.js';
import { formatDiagnostic } from '../../util/diagnostics.js';
import { UsageError } from '../../util/errors.js';
import { isDirectory } from '../../util/fs.js';
import { relativeNative, resolveAbsolute, toPosix } from '../../util/path.js';
import { stringOption } from '../args.js';
import type { Command } from '../command.js';
import { plural } from '../../util/words.js';

const processSummary = (processes: Record<string, number>): string => {
  const parts = Object.entries(processes).map(([runtime, n]) => plural(n, `${runtime} process`, `${runtime} processes`));
  return parts.length === 0 ? 'no traced process' : parts.join(', ');
};

export const traceCommand: Command = {
  name: 'trace',
  summary: 'run a command with tracing and record which repo files it loaded (this runs your code)',
  usage: 'census trace [path] [--label NAME] [--out FILE] -- <command...>',
  options: ['label', 'out', 'quiet'],
  details: [
    '[path] is the repo root the loaded files are counted against (default: the current directory);',
    'the command runs in the current directory with its stdio passed through, and census exits with its exit code.',
    `Python (sitecustomize on PYTHONPATH), Node (--require preload in NODE_OPTIONS, ESM hooks) and bash scripts (BASH_ENV)`,
    'are traced, child processes included. The trace goes to --out, or to',
    `${TRACE_DIR}/<label>.json under the root: the one place census writes by default.`,
    'Use it with: census scan --runtime <trace file> [--scope folder/]',
  ],
  run: async (args, io) => {
    const command = args.rest;
    if (command.length === 0) throw new UsageError('what should census run? usage: census trace [--label NAME] [--out FILE] -- <command...>');
    if (args.positionals.length > 1) throw new UsageError(`expected one path before --, got ${args.positionals.length}: ${args.positionals.join(' ')}`);
    const root = toPosix(args.positionals[0] ?? '.');
    const rootAbs = resolveAbsolute(io.cwd, root);
    if (!isDirectory(rootAbs)) throw new UsageError(`no such directory: ${root}`);
    const label = stringOption(args.values, 'label') ?? defaultLabel(command);
    if (!isValidLabel(label)) throw new UsageError(`--label "${label}" must be letters, digits, '.', '_' or '-' (it names the trace file)`);
    const out = stringOption(args.values, 'out');
    const quiet = args.values.quiet === true;

    const { runTrace } = await import('../../runtime/capture/run-trace.js');
    if (!quiet) io.stderr(`census: running ${command.join(' ')} with tracing (this runs your code)\n`);
    const result = await runTrace({ command, cwd: io.cwd, rootAbs, label, ...(out ? { outFile: resolveAbsolute(io.cwd, out) } : {}) });
    if (!quiet) {
      const shown = out ?? toPosix(relativeNative(io.cwd, result.traceFile));
      const where = out ? '' : ` (${TRACE_DIR}/ is where census writes traces unless --out says otherwise)`;
      io.stderr(`census: ${processSummary(result.processes)} loaded ${plural(result.loaded.length, 'repo file')}; wrote ${shown}${where}\n`);
      for (const d of result.diagnostics) io.stderr(`census: ${formatDiagnostic(d)}\n`);
    }
    return result.exitCode;
  },
};
