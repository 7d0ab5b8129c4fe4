/**
 * Turns parsed CLI values into pipeline ScanOptions, with one clear message for each mistake.
 * The folder asked about (the path argument, else the current folder) is audited as part of its
 * project: the root is found upward (discover/root.ts) and the report is limited to the folder.
 */
import { findProjectRoot, type FoundRoot } from '../discover/root.js';
import type { ScanOptions } from '../pipeline.js';
import { DEFAULT_MAX_FILE_SIZE } from '../extract/limits.js';
import { UsageError } from '../util/errors.js';
import { compileGlobs } from '../util/glob.js';
import { isDirectory, isFile } from '../util/fs.js';
import { isAbsolute, joinRepo, relativeNative, resolveAbsolute, toPosix, toRepoPath } from '../util/path.js';
import { integerOption, listOption, stringOption, type ParsedArgs } from './args.js';
import type { CliIo } from './io.js';
import { progressListener } from './progress.js';

export interface ScanTarget {
  options: ScanOptions;
  found: FoundRoot;
  /** The asked folder as a repo path of the root ('' = the root itself). */
  folder: string;
}

const REASONS: Record<FoundRoot['reason'], string> = {
  'census-config': 'its census config',
  git: 'the top of its git work tree',
  manifest: 'the nearest folder with a manifest',
  asked: 'the folder asked',
};

/** The root as the user sees it: relative to the current folder, or absolute when they gave an absolute path. */
const shownRoot = (rootAbs: string, io: CliIo, absolute: boolean): string => (absolute ? toPosix(rootAbs) : toPosix(relativeNative(io.cwd, rootAbs)) || '.');

/** An unescaped `[` with no `]` after it: a typo, where the matcher would quietly read a literal bracket. */
const hasUnclosedBracket = (glob: string): boolean => {
  let open = false;
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '[') open = true;
    else if (glob[i] === ']') open = false;
  }
  return open;
};

/** A bad --include/--exclude pattern is one usage line naming it, before anything is scanned. */
const checkGlobs = (option: 'include' | 'exclude', globs: string[]): void => {
  for (const g of globs) {
    if (hasUnclosedBracket(g)) throw new UsageError(`--${option} "${g}": "[" is not closed (write \\[ for a literal bracket)`);
    try {
      compileGlobs([g]);
    } catch (e) {
      throw new UsageError(`--${option} ${(e as Error).message}`);
    }
  }
};

/** Globs are written relative to the asked folder; the scan matches them against root paths. */
const underFolder = (folder: string, globs: string[]): string[] => (folder === '' ? globs : globs.map((g) => `${folder}/${g.replace(/^\.\//, '')}`));

/**
 * `whole`: the command needs the whole root (baseline, check, history: a baseline covers the
 * root), so the folder only decides where the root is.
 */
export const scanTargetFrom = (args: ParsedArgs, io: CliIo, { whole = false, announce = true } = {}): ScanTarget => {
  if (args.positionals.length > 1) throw new UsageError(`expected one path, got ${args.positionals.length}: ${args.positionals.join(' ')}`);
  const asked = toPosix(args.positionals[0] ?? '.');
  const askedAbs = resolveAbsolute(io.cwd, asked);
  if (!isDirectory(askedAbs)) throw new UsageError(isFile(askedAbs) ? `${asked} is a file; give the folder to audit (census why <file> explains one file)` : `no such directory: ${asked}`);
  const configOption = stringOption(args.values, 'config');
  const configFile = configOption === undefined ? undefined : resolveAbsolute(io.cwd, configOption);
  if (configFile !== undefined && !isFile(configFile)) throw new UsageError(`--config: no such file: ${configOption}`);
  const found = findProjectRoot(askedAbs);
  const folder = toRepoPath(found.rootAbs, askedAbs) ?? '';
  checkGlobs('include', listOption(args.values, 'include'));
  checkGlobs('exclude', listOption(args.values, 'exclude'));
  const workers = integerOption(args.values, 'workers', 0);
  if (args.values.workers !== undefined && workers === 0) throw new UsageError('--workers must be at least 1 (leave it out for one per core)');
  const python = stringOption(args.values, 'python');
  // A path that is not there is a typo, not an environment to fall back from 800 lines later.
  if (python !== undefined && python.includes('/') && !isFile(resolveAbsolute(io.cwd, python))) throw new UsageError(`--python ${python}: no such file`);
  if (args.values['no-env'] === true && stringOption(args.values, 'python') !== undefined) throw new UsageError('--python and --no-env contradict each other; use one');
  if (folder !== '' && announce && args.values.quiet !== true) {
    const shown = shownRoot(found.rootAbs, io, isAbsolute(asked));
    // `..` alone reads as punctuation; `../` is a folder.
    const root = /^(\.\.\/)*\.\.$/.test(shown) ? `${shown}/` : shown;
    io.stderr(`census: auditing ${root} (${REASONS[found.reason]}) and reporting ${whole ? 'all of it' : `${folder}/ only`}\n`);
  }
  const scope = stringOption(args.values, 'scope');
  const cacheDir = stringOption(args.values, 'cache-dir');
  if (cacheDir !== undefined && args.values['no-cache'] === true) throw new UsageError('--cache-dir and --no-cache contradict each other; use one');
  const quiet = args.values.quiet === true;
  const progress = progressListener(args, io);
  return {
    found,
    folder,
    options: {
      root: shownRoot(found.rootAbs, io, isAbsolute(asked)),
      cwd: io.cwd,
      include: underFolder(folder, listOption(args.values, 'include')),
      exclude: underFolder(folder, listOption(args.values, 'exclude')),
      maxFileSize: integerOption(args.values, 'max-file-size', DEFAULT_MAX_FILE_SIZE),
      defaultExcludes: args.values['no-default-excludes'] !== true,
      runtime: listOption(args.values, 'runtime'),
      ...(scope !== undefined || (folder !== '' && !whole) ? { scope: joinRepo(folder, scope ?? '') ?? scope ?? '' } : {}),
      ...(workers > 0 ? { workers } : {}),
      ...(stringOption(args.values, 'python') !== undefined ? { python: stringOption(args.values, 'python')! } : {}),
      ...(args.values['no-env'] === true ? { noEnv: true } : {}),
      ...(configFile !== undefined ? { configFile } : {}),
      ...(progress !== undefined ? { onProgress: progress } : {}),
      ...(folder !== '' && !whole ? { focus: folder } : {}),
      ...(args.values['no-cache'] === true
        ? {}
        : { cache: { ...(cacheDir !== undefined ? { dir: resolveAbsolute(io.cwd, cacheDir) } : {}), onWarning: (m: string) => (quiet ? undefined : io.stderr(`census: ${m}\n`)) } }),
    },
  };
};

export const scanOptionsFrom = (args: ParsedArgs, io: CliIo, how: { whole?: boolean; announce?: boolean } = {}): ScanOptions => scanTargetFrom(args, io, how).options;
