/** `bash [options] file`, `sh -c "…"`, `bash -lc '…'` (zsh, dash, ksh alike); `-s` reads stdin. */
import { scanArgs } from '../args.js';
import { literal } from '../value.js';
import { type Intent, type Launcher, file, script } from './types.js';

export const bash: Launcher = {
  names: ['bash', 'sh', 'zsh', 'dash', 'ksh', 'ash', 'mksh'],
  run(args): Intent[] {
    // `+x`, `+o pipefail` turn options off; they are not the script.
    const plain = args.filter((a, i) => !/^\+/.test(literal(a) ?? '') && !/^\+[oO]$/.test(literal(args[i - 1]) ?? ''));
    const scanned = scanArgs(plain, { values: ['-o', '-O', '--rcfile', '--init-file'], stops: ['-c'], stopAtPositional: true });
    if (scanned.stopped) return scanned.stopped.value ? [script(scanned.stopped.value)] : [];
    if (scanned.options.has('-s') || scanned.options.has('-i')) return [];
    const target = scanned.positionals[0];
    return target && literal(target) !== '-' ? [file(target)] : [];
  },
};
