import { allChains } from '../../classify/explain.js';
import { scan } from '../../pipeline.js';
import { UsageError } from '../../util/errors.js';
import { toPosix } from '../../util/path.js';
import { integerOption, type ParsedArgs } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { SCAN_OPTIONS } from '../options.js';
import { scanOptionsFrom } from '../scan-options.js';

/** `census why <file> [path]`: the file is relative to the scanned root. */
const splitArgs = (args: ParsedArgs): { file: string; rest: ParsedArgs } => {
  const [file, ...positionals] = args.positionals;
  if (!file) throw new UsageError('which file? usage: census why <file> [path]');
  return { file: toPosix(file).replace(/^\.\//, ''), rest: { ...args, positionals } };
};

export const whyCommand: Command = {
  name: 'why',
  summary: 'explain one file\'s verdict: the chain from an entry point, or what was checked',
  usage: 'census why <file> [path] [--all] [--limit N]',
  options: ['all', 'limit', ...SCAN_OPTIONS],
  details: ['<file> is relative to the scanned path (default: the current directory).'],
  run: async (args, io) => {
    const { file, rest } = splitArgs(args);
    const result = await scan(scanOptionsFrom(rest, io));
    const record = result.audit.files.find((f) => f.path === file);
    if (!record) throw new UsageError(`${file} is not in the census of ${result.audit.root} (excluded, ignored or misspelt?)`);
    const lines: string[] = [];
    if (!record.verdict) {
      lines.push(`${file}: ${record.language} file — census gives verdicts to source files only (Python, JavaScript/TypeScript, shell).`);
    } else {
      lines.push(`${file}: ${record.verdict}`);
      if (args.values.all) {
        const limit = integerOption(args.values, 'limit', 20);
        const chains = allChains(result.audit, file, limit);
        if (chains.length === 0) for (const e of record.evidence ?? []) lines.push(`  ${e}`);
        chains.forEach((c, i) => {
          lines.push(`  chain ${i + 1} (${c.tier}):`);
          c.sentences.forEach((s, k) => lines.push(`    ${k === 0 ? '' : '→ '}${s}`));
        });
        if (chains.length === limit) lines.push(`  (stopped at --limit ${limit})`);
      } else {
        (record.evidence ?? []).forEach((s, k) => lines.push(`  ${k === 0 ? '' : '→ '}${s}`));
      }
      if (record.lastChange && !(record.evidence ?? []).some((e) => e.includes(record.lastChange!))) lines.push(`  last commit ${record.lastChange}`);
    }
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
