/**
 * A launcher record: how one program's arguments say what it runs. Records return intents in
 * terms of the command's words; analyse.ts places them (cwd, path map) and turns them into
 * CommandTargets, so a record never deals with directories or the repo.
 */
import type { WorkspaceManager } from '../../manifests/workspaces.js';
import type { WorkspaceSelection } from '../types.js';
import { type Value, literal } from '../value.js';

export type Intent =
  /**
   * A file the program runs or loads (`python x.py`, `node -r ./setup.js`). `ifPresent`: a default
   * the program tries (`flask run` looks for app.py), not an error when the repo has no such file.
   */
  | { kind: 'file'; path: Value; dir?: Value; ifPresent?: boolean }
  /**
   * A Python module, `pkg.mod` or `pkg.mod:attr`; `dir` is where it is imported from (`--app-dir`).
   * `ifPresent`: only when the repo has it (`python -c "import os, app"` names stdlib modules too).
   * `runs`: the module is run as the program (`python -m pkg`), so a package's `__main__.py` runs
   * too; a server or worker (`gunicorn pkg:app`, `celery -A pkg`) only imports it.
   */
  | { kind: 'module'; spec: Value; dir?: Value; ifPresent?: boolean; runs?: true }
  /**
   * A server's config file that names the app (`uwsgi --ini uwsgi.ini`, `gunicorn -c gunicorn.conf.py`):
   * the file itself loads, and what it names runs. `reader` says how to read it (src/graph/server-config.ts).
   */
  | { kind: 'config'; path: Value; reader: ConfigReader; dir?: Value; ifPresent?: boolean }
  /** `args`: words after the script's name, which npm, pnpm and yarn append to the script's command. */
  | { kind: 'npm-script'; name: Value; dir?: Value; args?: Value[] }
  /** A script (`script`) or a command (`command`) run in the workspace packages a selection picks (`pnpm --filter x build`). */
  | { kind: 'workspace-run'; manager: WorkspaceManager; select: WorkspaceSelection<Value>; script?: Value; command?: Value[]; dir?: Value }
  /** `target` '' is the Makefile's default (first) target. */
  | { kind: 'make-target'; target: string; dir?: Value; makefile?: Value }
  | { kind: 'test-run'; runner: string; paths: Value[]; dir?: Value }
  /** Run these words as a command of their own (`uv run …`, `npx tsx …`, wrappers). */
  | { kind: 'argv'; argv: Value[]; dir?: Value }
  /** Run this text as shell (`bash -c "…"`, `eval`, `concurrently "…"`). */
  | { kind: 'script'; text: Value; dir?: Value }
  | { kind: 'unresolved'; reason: string };

/** Config formats whose app settings census reads (uwsgi, gunicorn), or the program files (a tsconfig for tsc). */
export type ConfigReader = 'uwsgi' | 'gunicorn' | 'tsconfig';

/** A variable of the command's environment: a prefix assignment, a variable the script set, or the image's ENV. */
export type Env = (name: string) => Value | undefined;

export interface Launcher {
  /** Command words this record handles. */
  names: readonly string[];
  /** A family of command words (`python3.12`). */
  pattern?: RegExp;
  /** What the command runs; `args` excludes the command word, `name` is the word as written, `env` its environment. */
  run(args: readonly Value[], name: string, env: Env): Intent[];
}

export const file = (path: Value, dir?: Value): Intent => ({ kind: 'file', path, dir });
export const module = (spec: Value, dir?: Value): Intent => ({ kind: 'module', spec, dir });
/** A module run as the program (`python -m pkg`, `uv run -m pkg`): a package's `__main__.py` runs. */
export const runModule = (spec: Value, dir?: Value): Intent => ({ kind: 'module', spec, dir, runs: true });
/** A default the program tries, or a name that may be the standard library's: only when the repo has it. */
export const fileIfPresent = (path: Value, dir?: Value): Intent => ({ kind: 'file', path, dir, ifPresent: true });
export const moduleIfPresent = (spec: Value, dir?: Value): Intent => ({ kind: 'module', spec, dir, ifPresent: true });
export const config = (path: Value, reader: ConfigReader, dir?: Value, ifPresent?: boolean): Intent => ({ kind: 'config', path, reader, dir, ...(ifPresent ? { ifPresent } : {}) });
export const argv = (words: Value[], dir?: Value): Intent => ({ kind: 'argv', argv: words, dir });
export const script = (text: Value, dir?: Value): Intent => ({ kind: 'script', text, dir });
export const testRun = (runner: string, paths: Value[], dir?: Value): Intent => ({ kind: 'test-run', runner, paths, dir });
export const npmScript = (name: Value, dir?: Value, args?: readonly Value[]): Intent => {
  // `pnpm x -- a` passes `a`, as `pnpm x a` does
  const passed = args?.[0] !== undefined && literal(args[0]) === '--' ? args.slice(1) : args;
  return passed && passed.length > 0 ? { kind: 'npm-script', name, dir, args: [...passed] } : { kind: 'npm-script', name, dir };
};
export const workspaceRun = (manager: WorkspaceManager, select: WorkspaceSelection<Value>, run: { script: Value } | { command: Value[] }, dir?: Value): Intent => ({
  kind: 'workspace-run',
  manager,
  select,
  ...run,
  dir,
});
