/**
 * `census baseline [path]`: accept today's findings. Writes `.census/baseline.json` under the
 * scanned path (the one file besides traces census writes by default, and only when asked) and
 * says what it wrote and how that differs from the previous baseline.
 */
import type { Baseline } from '../../model/findings.js';
import { BASELINE_FILE } from '../../store/baseline.js';
import { toPosix, relativeNative, joinAbsolute } from '../../util/path.js';
import { EXIT_OK, type Command } from '../command.js';
import { emitView, formatFrom, formatUsage } from '../format.js';
import { SCAN_OPTIONS } from '../options.js';

export const baselineCommand: Command = {
  name: 'baseline',
  summary: `accept today's findings: write them to ${BASELINE_FILE}, which census check compares against`,
  usage: `census baseline [path] ${formatUsage('baseline')}`,
  options: ['format', 'output', ...SCAN_OPTIONS],
  details: [
    'Findings are keyed by path, kind and specifier (never line numbers), so moving code does not make them new:',
    '  dead:<path>  import:<bucket>:<file>:<specifier>[:<name>]  dupe:<kind>:<files>  exec-not-found:<file>:<target>',
    'Commit the file; regenerate it when you accept new findings or to lock in fixed ones.',
  ],
  view: 'baseline',
  run: async (args, io) => {
    const [{ readBaseline, writeBaseline }, { guardrailScan }, { scanOptionsFrom }] = await Promise.all([import('../../store/baseline.js'), import('../../guardrails/scan.js'), import('../scan-options.js')]);
    const format = formatFrom(args, 'baseline', 'baseline');
    const { audit, rootAbs, findings, incomplete } = await guardrailScan(scanOptionsFrom(args, io, { whole: true }));
    const previous = readBaseline(rootAbs);
    const written: Baseline = {
      census: audit.tool.version,
      commit: audit.git?.commit ?? null,
      date: audit.generatedAt,
      ...(audit.imports ? { environment: audit.imports.environment.mode } : {}),
      findings: findings.map((f) => f.key),
    };
    writeBaseline(rootAbs, written);
    const file = toPosix(relativeNative(io.cwd, joinAbsolute(rootAbs, BASELINE_FILE))) || BASELINE_FILE;
    await emitView('baseline', format, { file, written, findings, previous, incomplete }, args, io);
    return EXIT_OK;
  },
};
