/** Entries: the roots of reachability, each with the manifest line and sentence that make it one. */
import type { EntryKind } from './verdict.js';

/** A root of reachability: something outside the import graph that starts a file. */
export interface Entry {
  /** Repo-relative path of the file that is started, or null when it could not be resolved. */
  file: string | null;
  kind: EntryKind;
  /** Detector id that found it: `systemd`, `package-json`, `config`, ... */
  detector: string;
  /** The manifest / unit / workflow that declares it, and where. */
  source: string;
  line?: number;
  /** The command line as written, when the entry came from one. */
  command?: string;
  /**
   * Stop 58: what says the file is started, when the detector knows: `command-line`, a command line
   * that runs it (`command`: a package.json script, a unit's ExecStart, a Procfile line);
   * `declared-command`, a command name a package declares for it (a package.json bin, an installed
   * command or console script). Among one file's roots of one rank (classify/roots.ts), a declared
   * command comes first, then a command line, then the rest (`main`, a convention, a config).
   * Stop 59: a framework reader's entry for a file its tool loads by a config's or a convention's
   * choice (a Vite page's script, a release-it plugin) carries none, though its evidence names the
   * command line that runs the tool (`vite run by package.json script "dev"`): that line starts the
   * tool, not the file. A command line a framework config holds (a release-it hook) is `command-line`.
   */
  startedBy?: 'command-line' | 'declared-command';
  /** Readable sentence: "systemd deploy/sidecar.service ExecStart: uvicorn sidecar.main:app". */
  evidence: string;
  /** Why `file` is null: "$APP_DIR is not expanded", "no such file". */
  unresolvedReason?: string;
  /**
   * With `file` null: `not-found` when the entry names a file the repo does not have (a finding),
   * `no-module` for a Python module the repo does not have (it may be installed), `dynamic` when
   * what it runs is computed at run time (a warning).
   */
  unresolved?: 'not-found' | 'no-module' | 'dynamic';
  /**
   * The entry stands for a launcher the tree lacks: an installed console script whose launcher
   * another package ships (frameworks/python/installed-entry-points.ts). When a file the tree holds
   * reaches the same file in the same tier, that chain is the evidence (classify/stand-ins.ts).
   */
  standsIn?: true;
}
