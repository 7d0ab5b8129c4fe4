/** The contract of entry detectors: what they read (DetectorContext) and what they report (entries, commands). */
import type { PathMapping } from '../commandline/types.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { FileFacts } from '../model/facts.js';
import type { EntryKind } from '../model/verdict.js';
import type { Manifests } from '../manifests/store.js';

/** A file that a manifest/unit/workflow starts directly, before resolution to a repo file. */
export interface EntryInput {
  /** A repo-relative path (`scripts/build.js`), or a Python module (`pkg.cli`) when targetKind is 'module'. */
  target: string;
  targetKind: 'file' | 'module';
  kind: EntryKind;
  line?: number;
  /** "package.json bin \"census\"" — the readable start of the evidence chain. */
  evidence: string;
  /** The entry stands for a launcher the tree lacks (Entry.standsIn). */
  standsIn?: true;
  /** A command name the package declares for the file (Entry.startedBy). */
  startedBy?: 'declared-command';
}

/** A command line found in config; the one command analyser turns it into targets later. */
export interface CommandInput {
  command: string;
  /** Repo-relative directory the command runs in ('' = repo root). */
  cwd: string;
  kind: EntryKind;
  line?: number;
  /** "systemd deploy/sidecar.service ExecStart" — the analyser appends the command. */
  evidence: string;
  /**
   * Absolute deploy paths that map back into the repo (WorkingDirectory=/opt/app → ''), longest
   * first; `label` names where a mapping comes from (a Dockerfile's COPY line).
   */
  pathMap?: PathMapping[];
  /** Variables the command's environment starts with: a unit's Environment=, an image's ENV and ARG. */
  env?: Record<string, string>;
}

/**
 * What a detector saw of a file without making it a root: pytest collects a `test_x.py` that
 * defines no test. A dead file's evidence says it, rather than that no test rule reaches it.
 */
export interface FileNote {
  file: string;
  note: string;
}

export interface DetectorOutput {
  entries: EntryInput[];
  commands: CommandInput[];
  diagnostics: Diagnostic[];
  notes?: FileNote[];
}

export interface DetectorContext {
  /** Every discovered repo path. */
  files: ReadonlySet<string>;
  /** The scan's manifests (and any other repo file's text, `manifests.text`): read and parsed once, shared with every other stage. */
  manifests: Manifests;
  /** A code file's extracted facts (what it exports), when the caller has them; a detector must cope without. */
  facts?: (path: string) => FileFacts | undefined;
  /**
   * Whether discovery found the file's executable bit set (a tree unpacked by dpkg-deb or checked
   * out by git keeps the modes); the scan always gives it. Left out by a caller that does not know
   * the modes: then no file counts as executable.
   */
  executable?: (path: string) => boolean;
}

/**
 * An entry detector: one file in src/entries/, one fixture. Mostly declarative.
 * `detect` never throws: malformed input becomes a diagnostic naming file and line.
 */
export interface FileDetector {
  id: string;
  title: string;
  /**
   * Which repo paths this detector reads. `name` is the path's last segment, cut once per path
   * for all detectors (each cutting its own was 1-2% of a scan's CPU).
   */
  matches(path: string, name: string): boolean;
  /**
   * The only paths `matches` can accept, so the runner asks it about those alone: a path whose
   * name is one of `names`, or whose name ends in `.<ext>` for one of `extensions` (lower case;
   * the runner compares them with the name's extension lowered, so `matches` may look at case or
   * not). Leave it out and `matches` sees every path. A test holds each declaration to `matches`.
   */
  candidates?: { names?: readonly string[]; extensions?: readonly string[] };
  detect(file: { path: string; text: string }, ctx: DetectorContext): DetectorOutput;
}

/** What a repo-wide detector found, grouped by the file that declares it (config or the file itself). */
export interface SourcedOutput {
  source: string;
  output: DetectorOutput;
}

/**
 * A detector whose answer depends on the whole file list and on config spread over several files
 * (test discovery: a test file is one by its name *and* by the nearest pytest/vitest config).
 */
export interface RepoDetector {
  id: string;
  title: string;
  detectRepo(ctx: DetectorContext): SourcedOutput[];
}

export type EntryDetector = FileDetector | RepoDetector;

export const isRepoDetector = (d: EntryDetector): d is RepoDetector => 'detectRepo' in d;

export const emptyOutput = (): DetectorOutput => ({ entries: [], commands: [], diagnostics: [] });
