/**
 * What a command line runs. The analyser is pure: it yields candidate targets; a later stage
 * checks them against the repo's files, package.json scripts, Makefile targets and Python modules.
 */
export type CommandTarget =
  /** A file path as it would be seen from the repo root (already joined with cwd and path-mapped). */
  | { kind: 'file'; path: string; launcher: string; text: string }
  /**
   * A Python module (`python -m pkg.mod`, `uvicorn pkg.main:app`, `celery -A pkg`); attr after ':' if any.
   * `cwd` is the repo folder it is imported from (the command's directory, or `--app-dir`/`--chdir`),
   * when census can place it.
   */
  | { kind: 'module'; module: string; attr?: string; launcher: string; text: string; cwd?: string }
  /** `npm run build`, `yarn build`, `pnpm build`: a package.json script in the package at `cwd`. */
  | { kind: 'npm-script'; name: string; cwd: string; launcher: string; text: string }
  /** `make target` (`-C dir`, `-f file` honoured); target '' is the Makefile's default (first) target. */
  | { kind: 'make-target'; target: string; makefile: string; launcher: string; text: string }
  /**
   * A test runner pointed at paths or at its default discovery (`pytest`, `vitest`, `jest`, `node --test`).
   * Paths are repo paths and may be glob patterns (`test/**\/*.test.js`); `cwd` is where discovery starts.
   */
  | { kind: 'test-run'; runner: string; paths: string[]; launcher: string; text: string; cwd?: string }
  /** Something that runs a file census cannot name: `$APP/x.py`, `python "$script"`. Never guessed. */
  | { kind: 'unresolved'; text: string; reason: string };

export interface CommandContext {
  /**
   * Repo-relative directory the command runs in ('' = root). An absolute path (a deploy folder such
   * as `/opt/app`) is mapped through `pathMap`.
   */
  cwd: string;
  /** Absolute deploy paths that map back into the repo, longest prefix first. */
  pathMap?: { from: string; to: string }[];
  /**
   * Repo-relative folder of the script this text comes from, when it does: `$(dirname "$0")`,
   * `${BASH_SOURCE%/*}` and variables set from them resolve against it. Without it they are unresolved.
   */
  scriptDir?: string;
}
