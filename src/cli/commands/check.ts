/**
 * `census check [path]`: audit, compare with the accepted baseline and the config's thresholds,
 * print what is new and what was fixed. Exit 0 pass, 1 regression, 2 incomplete analysis (unless
 * the config accepts it) or a usage error.
 */
import { BASELINE_FILE } from '../../store/baseline.js';
import { EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_OK, type Command } from '../command.js';
import { emitView, formatFrom, formatUsage } from '../format.js';
import { SCAN_OPTIONS } from '../options.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'fail (exit 1) on findings that are not in the accepted baseline or exceed the config\'s limits',
  usage: `census check [path] ${formatUsage('check')} [--output FILE] [--record]`,
  options: ['format', 'output', 'record', 'reset-history', ...SCAN_OPTIONS],
  details: [
    `The baseline is ${BASELINE_FILE} under the scanned path (write it with census baseline).`,
    'Limits come from the census config: "check": { "maxNew": { "dead": 0 }, "max": { "broken-internal": 0 }, "allowIncomplete": false }.',
    'By default any new finding fails, except optional and type-only imports and cross-language overlap hints.',
    'exit codes: 0 pass, 1 regression, 2 usage or config error, 3 incomplete analysis (files not read or parsed, a crashed step)',
  ],
  view: 'check',
  run: async (args, io) => {
    const [{ runCheck }, { verdictLine }, { readBaseline }, { repoPrefix }, { guardrailScan }, { recordRun, requireRecordForReset }, { scanOptionsFrom }] = await Promise.all([
      import('../../guardrails/check.js'),
      import('../../report/guardrails/check-view.js'),
      import('../../store/baseline.js'),
      import('../../store/git-history.js'),
      import('../../guardrails/scan.js'),
      import('../history-access.js'),
      import('../scan-options.js'),
    ]);
    const format = formatFrom(args, 'check', 'check');
    requireRecordForReset(args);
    const { audit, rootAbs, findings, incomplete, checkConfig } = await guardrailScan(scanOptionsFrom(args, io, { whole: true }));
    const result = runCheck({
      root: audit.root,
      commit: audit.git?.commit ?? null,
      findings,
      baseline: readBaseline(rootAbs),
      baselineFile: BASELINE_FILE,
      config: checkConfig,
      incomplete,
      ...(audit.imports ? { environment: audit.imports.environment.mode } : {}),
    });
    const prefix = audit.git ? (repoPrefix(rootAbs) ?? '') : '';
    await emitView('check', format, { result, version: audit.tool.version, pathPrefix: prefix }, args, io);
    // Machine formats go to a file or a pipe; the verdict still reaches the person watching the job.
    if (format !== 'terminal' && format !== 'github' && args.values.quiet !== true) io.stderr(`${verdictLine(result)}\n`);
    if (args.values.record === true) recordRun(audit, rootAbs, 'check', args, io, findings);
    return result.status === 'pass' ? EXIT_OK : result.status === 'regression' ? EXIT_FINDINGS : EXIT_INCOMPLETE;
  },
};
