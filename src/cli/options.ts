/**
 * Every CLI option, declared once. The parser (cli/args.ts) and --help (cli/help.ts) are built from this table.
 */
export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  multiple?: boolean;
  /** Shown in help as the value placeholder. */
  value?: string;
  description: string;
}

export const OPTIONS = {
  format: { type: 'string', short: 'f', value: 'FORMAT', description: 'output format (see the command for the list)' },
  output: { type: 'string', short: 'o', value: 'FILE', description: 'write the report to FILE instead of standard output' },
  include: { type: 'string', multiple: true, value: 'GLOB', description: 'only scan paths matching GLOB (repeatable)' },
  exclude: { type: 'string', multiple: true, value: 'GLOB', description: 'skip paths matching GLOB (repeatable)' },
  'max-file-size': { type: 'string', value: 'BYTES', description: 'files larger than this are listed but not analysed (default 1000000)' },
  'no-default-excludes': { type: 'boolean', description: 'also scan node_modules, .venv, dist, build and other vendored/generated folders' },
  workers: { type: 'string', value: 'N', description: 'extraction worker threads (default: number of cores)' },
  quiet: { type: 'boolean', short: 'q', description: 'no progress or other lines on standard error; census check prints nothing on a pass and only the failing findings otherwise' },
  'no-progress': { type: 'boolean', description: 'no progress lines on standard error (shown only on a terminal, for runs over about a second)' },
  all: { type: 'boolean', short: 'a', description: 'list every chain, not only the shortest' },
  limit: { type: 'string', value: 'N', description: 'why --all: at most N chains (default 20); scan: at most N lines of file lists (default the terminal\'s height, 40 when not a terminal; 0: none)' },
  summary: { type: 'boolean', description: 'md: only the counts, the top findings and links, small enough to paste into a GitHub issue' },
  label: { type: 'string', value: 'NAME', description: 'name of the traced run, used in evidence ("loaded in run NAME") and the trace file name (default: from the command)' },
  out: { type: 'string', value: 'FILE', description: 'write the trace to FILE (default: .census/traces/<label>.json under the root)' },
  runtime: { type: 'string', multiple: true, value: 'FILE', description: 'merge runtime evidence: a census trace, coverage.py data, -X importtime or -v log, NODE_V8_COVERAGE folder, or a list of paths/modules (repeatable)' },
  scope: { type: 'string', value: 'FOLDER', description: 'report runtime utilization for this folder (default: the whole repo)' },
  python: { type: 'string', value: 'PATH', description: 'check Python imports against this interpreter\'s environment (census runs it once, with -I -S, to ask for its paths; an interpreter inside the audited repo, such as its .venv/bin/python, is a program from that repo: name one you trust)' },
  'no-env': { type: 'boolean', description: 'check imports against declared dependencies only: no virtual environment, no node_modules' },
  'fail-on': { type: 'string', multiple: true, value: 'BUCKETS', description: 'exit 1 when a finding is in one of these comma-separated import buckets (e.g. broken-internal,missing-name)' },
  verify: { type: 'boolean', description: 'also import every Python module in a real interpreter (this RUNS the repo\'s code) and report where that disagrees' },
  timeout: { type: 'string', value: 'SECONDS', description: 'time limit per module for --verify (default 10)' },
  'min-similarity': { type: 'string', value: 'X', description: 'near-duplicates: share of tokens in shared runs, 0..1 (default 0.8)' },
  'min-block-tokens': { type: 'string', value: 'N', description: 'shortest shared block reported, in tokens (default 50)' },
  'min-overlap': { type: 'string', value: 'X', description: 'cross-language overlap: TF-IDF cosine of names, comments and identifiers, 0..1 (default 0.5)' },
  'abstract-identifiers': { type: 'boolean', description: 'compare code with identifiers and literals abstracted, so renamed variables still match' },
  record: { type: 'boolean', description: 'store this run (commit, counts per verdict and finding category, finding keys) in .census/history.db' },
  'reset-history': { type: 'boolean', description: 'move .census/history.db aside (kept as history.db.old-<time>, never deleted) and start a new history' },
  commits: { type: 'string', value: 'N', description: 'audit the last N commits (read from git into a temporary folder) and record them (backfills the history; your working tree is not touched)' },
  repo: { type: 'string', value: 'DIR', description: 'the scanned folder whose history to read (default: the current directory)' },
  duplicates: { type: 'boolean', description: 'also find duplicate clusters (as census dupes does) and put them in the Audit and its reports' },
  config: { type: 'string', value: 'FILE', description: 'read the census config from FILE (census.config.json-style JSON, a .toml file\'s [tool.census], or a package.json\'s "census") instead of the root\'s' },
  'dry-run': { type: 'boolean', description: 'census apply: do everything in a temporary copy and print the diff and the re-audit; the repo is not touched' },
  'archive-dir': { type: 'string', value: 'DIR', description: 'census plan: the repo folder archived files go to, under their own paths (default archive); census apply: archive into DIR instead of the plan\'s archiveDir' },
  test: { type: 'string', value: 'CMD', description: 'census apply: also run CMD (through sh, in the repo) after applying; a failure rolls back. This RUNS the repo\'s code' },
  force: { type: 'boolean', description: 'census apply: run on a working tree with uncommitted changes' },
  'cache-dir': { type: 'string', value: 'DIR', description: 'keep the facts cache in DIR instead of .census/cache/ under the root' },
  'no-cache': { type: 'boolean', description: 'extract every file again: neither read nor write the facts cache' },
  'recent-days': { type: 'string', value: 'N', description: 'census plan: a dead file changed in the last N days is for review, never removed (default 90)' },
  'delete-dead': { type: 'boolean', description: 'census plan: delete dead files with no evidence of use instead of archiving them' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
  version: { type: 'boolean', short: 'v', description: 'show the version' },
} satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** Options every scanning command accepts. */
export const SCAN_OPTIONS: OptionName[] = ['include', 'exclude', 'max-file-size', 'no-default-excludes', 'workers', 'quiet', 'no-progress', 'python', 'no-env', 'config', 'cache-dir', 'no-cache'];
