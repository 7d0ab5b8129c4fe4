/**
 * `census imports [path]`: every import that would fail, in one bucket each, the root causes
 * ranked, the real breakages file by file. `--format json` writes the whole Audit (its `imports`
 * section is the triage), so `census report` can re-render it. `--fail-on` turns buckets into a
 * CI gate; `--verify` imports the modules for real, after saying so.
 */
import { IMPORT_BUCKETS, isImportBucket, type ImportBucket } from '../../model/imports.js';
import { emit } from '../output.js';
import { UsageError } from '../../util/errors.js';
import { integerOption, listOption, stringOption, type ParsedArgs } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type Command } from '../command.js';
import { emitView, formatFrom, formatUsage } from '../format.js';
import { SCAN_OPTIONS } from '../options.js';
import { plural } from '../../util/words.js';
import type { Audit } from '../../model/audit.js';
import type { CliIo } from '../io.js';

/** `--fail-on a,b --fail-on c` → the buckets, each checked. */
export const failOnBuckets = (args: ParsedArgs): ImportBucket[] => {
  const names = listOption(args.values, 'fail-on').flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  for (const n of names) {
    if (!isImportBucket(n)) throw new UsageError(`--fail-on: unknown bucket "${n}"; choose from ${IMPORT_BUCKETS.join(', ')}`);
  }
  return [...new Set(names)] as ImportBucket[];
};

/** Exit 1, saying so, when a finding is in a --fail-on bucket. */
const gateExit = (audit: Audit, failOn: ImportBucket[], io: CliIo): number => {
  const gate = audit.imports?.findings.filter((f) => failOn.includes(f.bucket)) ?? [];
  if (gate.length === 0) return EXIT_OK;
  io.stderr(`census: ${plural(gate.length, 'finding')} in --fail-on buckets (${failOn.join(', ')})\n`);
  return EXIT_FINDINGS;
};

export const importsCommand: Command = {
  name: 'imports',
  summary: 'triage every import that would fail: real breakages vs. environment noise, with root causes',
  usage: `census imports [path] ${formatUsage('imports')} [--fail-on BUCKETS] [--python PATH | --no-env] [--verify]`,
  options: ['format', 'output', 'fail-on', 'verify', 'timeout', ...SCAN_OPTIONS],
  details: [
    `buckets: ${IMPORT_BUCKETS.join(', ')}`,
    'exit codes: 0 ok, 1 a finding is in a --fail-on bucket, 2 usage or internal error',
    '--verify runs the repo\'s code: it imports each Python module in the chosen interpreter (--python,',
    'the repo\'s environment, or python3), one subprocess per batch, with a time limit per module.',
  ],
  view: 'imports',
  run: async (args, io) => {
    const [{ chooseInterpreter, DEFAULT_VERIFY_TIMEOUT_MS, verifyImports }, { auditOrScan, recordedAuditJson }, { scanOptionsFrom }] = await Promise.all([
      import('../../analyses/imports/verify/index.js'),
      import('../../audit-run.js'),
      import('../scan-options.js'),
    ]);
    const format = formatFrom(args, 'imports', 'imports');
    const failOn = failOnBuckets(args);
    const timeoutMs = integerOption(args.values, 'timeout', DEFAULT_VERIFY_TIMEOUT_MS / 1000) * 1000;
    if (timeoutMs <= 0) throw new UsageError('--timeout must be at least 1 second');
    const options = scanOptionsFrom(args, io);
    if (args.values.verify !== true) {
      // Without --verify only the Audit is needed: a recording answers when nothing changed (audit-run.ts),
      // as its JSON text when that is the output and no gate reads the findings.
      const text = format === 'json' && failOn.length === 0 ? recordedAuditJson(options) : null;
      if (text !== null) {
        emit(text, args, io);
        return EXIT_OK;
      }
      const { audit } = await auditOrScan(options);
      await emitView('imports', format, audit, args, io);
      return gateExit(audit, failOn, io);
    }
    const { scan } = await import('../../pipeline.js');
    const result = await scan(options);
    const audit = result.audit;
    if (audit.imports) {
      const verifyOptions = { rootAbs: result.rootAbs, timeoutMs, manifests: result.context.manifests, ...(options.python !== undefined ? { python: options.python } : {}) };
      const interpreter = chooseInterpreter(verifyOptions);
      io.stderr(`census: --verify imports the Python modules of ${audit.root} with ${interpreter.shown}: this RUNS the repo's code\n`);
      const verified = await verifyImports(audit, verifyOptions, interpreter);
      if ('error' in verified) throw new UsageError(verified.error);
      audit.imports.verify = verified.section;
    }
    await emitView('imports', format, audit, args, io);
    return gateExit(audit, failOn, io);
  },
};
