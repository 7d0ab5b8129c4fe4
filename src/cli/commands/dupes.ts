/** `census dupes`: the scan with duplicate detection on, rendered as the duplicates view. */
import type { DuplicatesOptions } from '../../model/duplicates.js';
import { UsageError } from '../../util/errors.js';
import { integerOption, stringOption, type ParsedArgs } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { emitView, formatFrom, formatUsage } from '../format.js';
import { SCAN_OPTIONS } from '../options.js';

const fraction = (args: ParsedArgs, name: 'min-similarity' | 'min-overlap'): number | undefined => {
  const text = stringOption(args.values, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || value > 1) throw new UsageError(`--${name} must be a number from 0 to 1, got "${text}"`);
  return value;
};

const duplicatesOptionsFrom = (args: ParsedArgs): Partial<DuplicatesOptions> => {
  const minSimilarity = fraction(args, 'min-similarity');
  const minOverlap = fraction(args, 'min-overlap');
  const minBlockTokens = integerOption(args.values, 'min-block-tokens', 0);
  return {
    ...(minSimilarity !== undefined ? { minSimilarity } : {}),
    ...(minOverlap !== undefined ? { minOverlap } : {}),
    ...(minBlockTokens > 0 ? { minBlockTokens } : {}),
    ...(args.values['abstract-identifiers'] === true ? { abstractIdentifiers: true } : {}),
  };
};

export const dupesCommand: Command = {
  name: 'dupes',
  summary: 'find copied, renamed, diverged and near-duplicate files, shared blocks and cross-language overlap, with the copy to keep',
  usage: `census dupes [path] ${formatUsage('dupes')} [--min-similarity X] [--min-block-tokens N] [--abstract-identifiers]`,
  options: ['format', 'output', 'min-similarity', 'min-block-tokens', 'min-overlap', 'abstract-identifiers', ...SCAN_OPTIONS],
  details: [
    'The keeper is the copy reachable from production, else the most recently changed, else the one in the canonical folder.',
    'Cross-language overlap is a hint from names, comments and identifiers, never a certain duplicate.',
  ],
  view: 'dupes',
  run: async (args, io) => {
    const [{ auditOrScan }, { scanOptionsFrom }] = await Promise.all([import('../../audit-run.js'), import('../scan-options.js')]);
    const format = formatFrom(args, 'dupes', 'dupes');
    const duplicates = duplicatesOptionsFrom(args);
    // Keepers need verdicts (the whole graph), but nothing here shows the import triage.
    const result = await auditOrScan({ ...scanOptionsFrom(args, io), duplicates, importTriage: false });
    await emitView('dupes', format, result.audit.duplicates!, args, io);
    return EXIT_OK;
  },
};
