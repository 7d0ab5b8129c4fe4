/** `census scan`: the whole census of a repo in any format, optionally recorded in the history. */
import { emitView, formatFrom, formatUsage } from '../format.js';
import { emit } from '../output.js';
import { EXIT_OK, type Command } from '../command.js';
import { SCAN_OPTIONS } from '../options.js';

export const scanCommand: Command = {
  name: 'scan',
  summary: 'list every file, its imports and wiring, and the verdict for each source file',
  usage: `census scan [path] ${formatUsage('audit')} [--output FILE] [--limit N] [--summary] [--runtime FILE...] [--scope FOLDER] [--duplicates] [--record]`,
  options: ['format', 'output', 'limit', 'summary', 'runtime', 'scope', 'duplicates', 'record', 'reset-history', ...SCAN_OPTIONS],
  view: 'audit',
  run: async (args, io) => {
    // What runs loads here, not with the help text (test/cli/help-loads.test.ts).
    const [{ auditOrScan, recordedAuditJson }, { scanOptionsFrom }, { recordRun, requireRecordForReset }] = await Promise.all([import('../../audit-run.js'), import('../scan-options.js'), import('../history-access.js')]);
    const format = formatFrom(args, 'audit', 'scan');
    requireRecordForReset(args);
    const recording = args.values.record === true;
    // A recorded run holds every finding section, duplicates included, like census check's.
    const withDuplicates = recording || args.values.duplicates === true;
    const options = { ...scanOptionsFrom(args, io), ...(withDuplicates ? { duplicates: {} } : {}) };
    // Nothing changed since a scan with these options: its JSON text is the output (audit-run.ts).
    const text = format === 'json' && !recording ? recordedAuditJson(options) : null;
    if (text !== null) {
      emit(text, args, io);
      return EXIT_OK;
    }
    const result = await auditOrScan(options);
    await emitView('audit', format, result.audit, args, io);
    if (recording) recordRun(result.audit, result.rootAbs, 'scan', args, io);
    return EXIT_OK;
  },
};
