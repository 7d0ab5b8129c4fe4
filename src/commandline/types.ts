/**
 * What a command line runs. The analyser is pure: it yields candidate targets; a later stage
 * checks them against the repo's files, package.json scripts, Makefile targets and Python modules.
 */
import type { WorkspaceManager } from '../manifests/workspaces.js';
import type { ConfigReader } from './launchers/types.js';

/**
 * Which workspace packages a command picks: the manager's own selectors (`pnpm --filter` values,
 * `npm -w` values, `yarn workspace` names), every package (`pnpm -r`, `npm --workspaces`;
 * `includeRoot` for pnpm's `--include-workspace-root`), or the workspace root (`pnpm -w`).
 */
export type WorkspaceSelection<T = string> = { by: 'selectors'; selectors: T[] } | { by: 'all'; includeRoot: boolean } | { by: 'root' };

export type CommandTarget =
  /** A file path as it would be seen from the repo root (already joined with cwd and path-mapped). */
  | {
      kind: 'file';
      path: string;
      launcher: string;
      text: string;
      /** A default the program tries: no error when the repo has no such file. */
      ifPresent?: boolean;
      /** How an absolute path was mapped into the repo (`COPY ./shop $APP_HOME/shop (Dockerfile:7)`). */
      mappedBy?: string;
      /**
       * Mapped only because a repo folder is the image's whole root (`COPY rootfs/ /`): when the repo
       * lacks it, it is the base image's own program (s6-overlay's `/init`), not a missing file.
       */
      underRoot?: boolean;
    }
  /**
   * A Python module (`python -m pkg.mod`, `uvicorn pkg.main:app`, `celery -A pkg`); attr after ':' if any.
   * `cwd` is the repo folder it is imported from (the command's directory, or `--app-dir`/`--chdir`),
   * when census can place it. `runs`: run as the program (`python -m pkg`: a package's __main__.py too).
   */
  | { kind: 'module'; module: string; attr?: string; launcher: string; text: string; cwd?: string; ifPresent?: boolean; runs?: true }
  /**
   * A server config file (`uwsgi.ini`, `gunicorn.conf.py`): the file loads, and the app it names runs.
   * `cwd` is where the server runs, for the paths and modules the file names.
   */
  | { kind: 'config'; path: string; reader: ConfigReader; launcher: string; text: string; cwd: string; ifPresent?: boolean }
  /** `npm run build`, `yarn build`, `pnpm build`: a package.json script in the package at `cwd`. */
  | { kind: 'npm-script'; name: string; cwd: string; launcher: string; text: string; args?: string }
  /**
   * A package manager running a script (`script`) or a command (`command`, shell text) in the
   * workspace packages it picks: `pnpm --filter web build`, `pnpm -r exec tsc`, `npm -w api run start`,
   * `yarn workspace web build`. `cwd` is where the manager runs: its workspace and relative selectors start there.
   */
  | { kind: 'workspace-run'; manager: WorkspaceManager; select: WorkspaceSelection; script?: string; command?: string; cwd: string; launcher: string; text: string }
  /** `make target` (`-C dir`, `-f file` honoured); target '' is the Makefile's default (first) target. */
  | { kind: 'make-target'; target: string; makefile: string; launcher: string; text: string }
  /**
   * A test runner pointed at paths or at its default discovery (`pytest`, `vitest`, `jest`, `node --test`).
   * Paths are repo paths and may be glob patterns (`test/**\/*.test.js`); `cwd` is where discovery starts.
   */
  | { kind: 'test-run'; runner: string; paths: string[]; launcher: string; text: string; cwd?: string }
  /**
   * A program census has no record of and does not know to be inert (src/commandline/inert-programs.ts):
   * whatever it runs is unknown. Callers reading deploy and CI files report it; `program` is the word.
   */
  | { kind: 'unknown-program'; program: string; text: string }
  /** Something that runs a file census cannot name: `$APP/x.py`, `python "$script"`. Never guessed. */
  | { kind: 'unresolved'; text: string; reason: string; dockerignored?: boolean };

export interface PathMapping {
  from: string;
  to: string;
  label?: string;
  /**
   * Repo paths under `to` that the mapping does not carry (a folder COPY of a build context whose
   * `.dockerignore` leaves them out): files, or folders for everything below them.
   */
  excluded?: string[];
  /** For each `excluded` path, the ignore pattern that leaves it out (`.dockerignore:2 "local"`), for the warning. */
  excludedBy?: Record<string, string>;
}

export interface CommandContext {
  /**
   * Repo-relative directory the command runs in ('' = root). An absolute path (a deploy folder such
   * as `/opt/app`) is mapped through `pathMap`.
   */
  cwd: string;
  /**
   * Absolute deploy paths that map back into the repo, longest prefix first; `label` says where the
   * mapping comes from (`COPY ./shop /app/shop (Dockerfile:7)`), for evidence.
   */
  pathMap?: PathMapping[];
  /** Variables the command's environment starts with (an image's ENV/ARG, a unit's Environment=). */
  env?: Record<string, string>;
  /**
   * Repo-relative folder of the script this text comes from, when it does: `$(dirname "$0")`,
   * `${BASH_SOURCE%/*}` and variables set from them resolve against it. Without it they are unresolved.
   */
  scriptDir?: string;
}
