/** `start-stop-daemon --start [--chdir dir] --exec prog | --startas prog [-- args]` (SysV init scripts): `prog args`; `--stop` runs nothing. */
import { optionValue, scanArgs } from '../args.js';
import { type Value, literal } from '../value.js';
import { type Intent, type Launcher, argv } from './types.js';

const VALUES = [
  '-x', '--exec', '-a', '--startas', '-d', '--chdir', '-p', '--pidfile', '-u', '--user', '-c', '--chuid', '-n', '--name', '-R', '--retry',
  '-s', '--signal', '-g', '--group', '-r', '--chroot', '-N', '--nicelevel', '-P', '--procsched', '-I', '--iosched', '-k', '--umask', '--output',
  '--notify-timeout', '--ppid',
];

/** What `start-stop-daemon … --start` starts: the program, the daemon's own arguments (after `--`) and `--chdir`; null for `--stop` and the like. */
export const daemonStarted = (args: readonly Value[]): { program: Value; args: Value[]; chdir: Value | undefined } | null => {
  const dashes = args.findIndex((a) => literal(a) === '--');
  const own = dashes < 0 ? args : args.slice(0, dashes);
  const scanned = scanArgs(own, { values: VALUES });
  if (!scanned.options.has('--start') && !scanned.options.has('-S')) return null;
  const program = optionValue(scanned, '-a', '--startas') ?? optionValue(scanned, '-x', '--exec');
  if (!program) return null;
  return { program, args: dashes < 0 ? [] : args.slice(dashes + 1), chdir: optionValue(scanned, '-d', '--chdir') };
};

export const startStopDaemon: Launcher = {
  names: ['start-stop-daemon'],
  run(args): Intent[] {
    const started = daemonStarted(args);
    return started === null ? [] : [argv([started.program, ...started.args], started.chdir)];
  },
};
