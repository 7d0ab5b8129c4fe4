import type { DuplicatesOptions, DuplicatesReport } from '../../model/duplicates.js';
import { renderDuplicatesMarkdown } from '../../report/duplicates-markdown.js';
import { renderDuplicatesTerminal } from '../../report/duplicates-terminal.js';
import { scan } from '../../pipeline.js';
import { UsageError } from '../../util/errors.js';
import { integerOption, stringOption, type ParsedArgs } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { renderOptions } from '../format.js';
import type { CliIo } from '../io.js';
import { emit } from '../output.js';
import { SCAN_OPTIONS } from '../options.js';
import { scanOptionsFrom } from '../scan-options.js';

const DUPES_FORMATS = {
  terminal: (report: DuplicatesReport, args: ParsedArgs, io: CliIo) => renderDuplicatesTerminal(report, renderOptions(args, io)),
  json: (report: DuplicatesReport) => `${JSON.stringify(report, null, 2)}\n`,
  md: (report: DuplicatesReport) => renderDuplicatesMarkdown(report),
};

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
  usage: 'census dupes [path] [--format terminal|json|md] [--min-similarity X] [--min-block-tokens N] [--abstract-identifiers]',
  options: ['format', 'output', 'min-similarity', 'min-block-tokens', 'min-overlap', 'abstract-identifiers', ...SCAN_OPTIONS],
  details: [
    `formats: ${Object.keys(DUPES_FORMATS).join(', ')} (json prints the Audit's duplicates section: clusters with kind, files, similarity, keep, reason)`,
    'The keeper is the copy reachable from production, else the most recently changed, else the one in the canonical folder.',
    'Cross-language overlap is a hint from names, comments and identifiers, never a certain duplicate.',
  ],
  run: async (args, io) => {
    const format = stringOption(args.values, 'format') ?? 'terminal';
    if (!Object.hasOwn(DUPES_FORMATS, format)) throw new UsageError(`unknown format "${format}" for dupes; choose one of ${Object.keys(DUPES_FORMATS).join(', ')}`);
    const duplicates = duplicatesOptionsFrom(args);
    const result = await scan({ ...scanOptionsFrom(args, io), duplicates });
    const report = result.audit.duplicates!;
    emit(DUPES_FORMATS[format as keyof typeof DUPES_FORMATS](report, args, io), args, io);
    return EXIT_OK;
  },
};
