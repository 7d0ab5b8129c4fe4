/**
 * A launcher record: how one program's arguments say what it runs. Records return intents in
 * terms of the command's words; analyse.ts places them (cwd, path map) and turns them into
 * CommandTargets, so a record never deals with directories or the repo.
 */
import type { Value } from '../value.js';

export type Intent =
  /** A file the program runs or loads (`python x.py`, `node -r ./setup.js`, `gunicorn -c conf.py`). */
  | { kind: 'file'; path: Value; dir?: Value }
  /** A Python module, `pkg.mod` or `pkg.mod:attr`; `dir` is where it is imported from (`--app-dir`). */
  | { kind: 'module'; spec: Value; dir?: Value }
  | { kind: 'npm-script'; name: Value; dir?: Value }
  /** `target` '' is the Makefile's default (first) target. */
  | { kind: 'make-target'; target: string; dir?: Value; makefile?: Value }
  | { kind: 'test-run'; runner: string; paths: Value[]; dir?: Value }
  /** Run these words as a command of their own (`uv run …`, `npx tsx …`, wrappers). */
  | { kind: 'argv'; argv: Value[]; dir?: Value }
  /** Run this text as shell (`bash -c "…"`, `eval`, `concurrently "…"`). */
  | { kind: 'script'; text: Value; dir?: Value }
  | { kind: 'unresolved'; reason: string };

export interface Launcher {
  /** Command words this record handles. */
  names: readonly string[];
  /** A family of command words (`python3.12`). */
  pattern?: RegExp;
  /** What the command runs; `args` excludes the command word, `name` is the word as written. */
  run(args: readonly Value[], name: string): Intent[];
}

export const file = (path: Value, dir?: Value): Intent => ({ kind: 'file', path, dir });
export const module = (spec: Value, dir?: Value): Intent => ({ kind: 'module', spec, dir });
export const argv = (words: Value[], dir?: Value): Intent => ({ kind: 'argv', argv: words, dir });
export const script = (text: Value, dir?: Value): Intent => ({ kind: 'script', text, dir });
export const testRun = (runner: string, paths: Value[], dir?: Value): Intent => ({ kind: 'test-run', runner, paths, dir });
export const npmScript = (name: Value, dir?: Value): Intent => ({ kind: 'npm-script', name, dir });
