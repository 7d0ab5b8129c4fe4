/**
 * One warm audit for a long-lived census (census mcp): the first question scans, later ones reuse
 * the result until a file changes. Changes are found cheaply: a folder watch marks the paths it
 * saw (a debounced re-scan starts in the background), and every question first checks those paths
 * against a stat snapshot; without a complete watch it checks every scanned file's stat.
 *
 * A scan first asks for the Audit a census run with the same options recorded (audit-run.ts):
 * when nothing changed since, it answers without running the pipeline. Otherwise the pipeline runs
 * with the scan options it was given; with the facts cache on (the default, src/cache/) the extract
 * stage reuses the facts of every file whose content did not change, and resolution, entries,
 * classification and triage run again over the whole repo.
 */
import { changedPaths, fileContentHash, takeSnapshot, watchFolders, type DiskSnapshot, type FolderWatch } from '../discover/changes.js';
import type { ScanOptions } from '../pipeline.js';
import { auditOrScan, type AuditRun } from '../audit-run.js';
import { indexOf } from './audit-index.js';
import type { ProgressListener, StageEvent } from '../util/bus.js';
import { byString } from '../util/compare.js';
import { foldersOf, joinAbsolute } from '../util/path.js';

/** What the session keeps of a scan: the Audit and the root it was made of. */
export type SessionAudit = Pick<AuditRun, 'audit' | 'rootAbs'>;

export interface SessionStatus {
  /** Scans run so far (1 after the first question). */
  scans: number;
  /** When the current Audit was made (its generatedAt). */
  scannedAt: string;
  /** Wall time of the scan that made it. */
  scanMs: number;
  /** The changed paths that caused that scan (first 20), empty for the first scan. */
  changed: string[];
  /** `folders`: a watch covers every scanned folder; `off`: each question stats every file. */
  watching: 'folders' | 'off';
  /** Whether duplicate clusters are part of the Audit (computed on the first census_dupes). */
  duplicates: boolean;
}

export interface SessionOptions {
  scanOptions: ScanOptions;
  /** Watch the scanned folders and re-scan in the background, debounced (default true). */
  watch?: boolean;
  debounceMs?: number;
  log?: (line: string) => void;
  /** The recorded audit or the pipeline (tests may stub it). */
  scanner?: (options: ScanOptions) => Promise<SessionAudit>;
}

interface State {
  result: SessionAudit;
  snapshot: DiskSnapshot;
  status: SessionStatus;
}

const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/**
 * Lets the event loop poll for I/O at least once: the first hop may land in this iteration's check
 * phase, the second runs after the next poll, which delivers watch events already queued.
 */
const pollOnce = async (): Promise<void> => {
  await immediate();
  await immediate();
};

export class AuditSession {
  private state: State | null = null;
  private lock: Promise<unknown> = Promise.resolve();
  private scanning = false;
  private wantDuplicates = false;
  private watch: FolderWatch | null = null;
  private watchedFolders = '';
  /** Paths a watch reported since the last check; `unknown` when it could not say which. */
  private dirty = new Set<string>();
  private unknown = false;
  /** Paths that changed while a scan was reading them: changed whatever their stat says. */
  private forced = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Who wants to hear the stages of the scan in progress (a question waiting for it). */
  private listeners = new Set<ProgressListener>();

  constructor(private readonly options: SessionOptions) {
    this.wantDuplicates = options.scanOptions.duplicates !== undefined;
  }

  /** The current audit: scanned on first use, re-scanned when a file changed since. */
  current(): Promise<{ result: SessionAudit; status: SessionStatus }> {
    return this.exclusive(async () => this.fresh());
  }

  /** The current audit with duplicate clusters, computing them (one more scan) the first time. */
  withDuplicates(): Promise<{ result: SessionAudit; status: SessionStatus }> {
    return this.exclusive(async () => {
      if (!this.wantDuplicates) {
        this.wantDuplicates = true;
        if (this.state && !this.state.status.duplicates) return this.rescan([], 'duplicates asked for');
      }
      return this.fresh();
    });
  }

  /** Hear each pipeline stage of any scan until the returned function is called. */
  onProgress(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.watch?.close();
    if (this.timer) clearTimeout(this.timer);
  }

  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.lock.then(job, job);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async fresh(): Promise<State> {
    // Watch events for writes made before the question must be in before deciding it is fresh.
    await pollOnce();
    if (!this.state) return this.rescan([]);
    const changed = this.pendingChanges(this.state);
    return changed.length > 0 ? this.rescan(changed) : this.state;
  }

  private pendingChanges(state: State): string[] {
    const precise = this.watch?.complete === true && !this.unknown;
    const found = precise ? changedPaths(state.snapshot, this.dirty) : changedPaths(state.snapshot);
    this.dirty.clear();
    this.unknown = false;
    return [...new Set([...this.forced, ...found])].sort(byString);
  }

  private async rescan(changed: string[], reason?: string): Promise<State> {
    const started = Date.now();
    this.forced.clear();
    this.dirty.clear();
    this.unknown = false;
    this.scanning = true;
    const seenDuringScan = new Set<string>();
    const duringScan = (path: string | null) => (path === null ? (this.unknown = true) : seenDuringScan.add(path));
    this.duringScan = duringScan;
    let result: SessionAudit;
    try {
      const base = this.wantDuplicates ? { ...this.options.scanOptions, duplicates: this.options.scanOptions.duplicates ?? {} } : this.options.scanOptions;
      const onProgress = (event: StageEvent) => {
        for (const listener of this.listeners) listener(event);
      };
      result = await (this.options.scanner ?? auditOrScan)({ ...base, onProgress });
    } catch (e) {
      // The audit stays the last good one; what changed is still a change, so the next question tries again.
      for (const path of [...changed, ...seenDuringScan]) this.forced.add(path);
      throw e;
    } finally {
      this.scanning = false;
      this.duringScan = null;
    }
    const paths = result.audit.files.map((f) => f.path);
    const snapshot = takeSnapshot(result.rootAbs, paths);
    // A file written while the scan read it has its new stat in the snapshot: its hash tells.
    const hashes = new Map(result.audit.files.map((f) => [f.path, f.hash]));
    for (const path of seenDuringScan) {
      const hash = hashes.get(path);
      if (hash === undefined) this.dirty.add(path);
      else if (fileContentHash(joinAbsolute(result.rootAbs, path)) !== hash) this.forced.add(path);
    }
    const status: SessionStatus = {
      scans: (this.state?.status.scans ?? 0) + 1,
      scannedAt: result.audit.generatedAt,
      scanMs: Date.now() - started,
      changed: changed.slice(0, 20),
      watching: 'off',
      duplicates: result.audit.duplicates !== undefined,
    };
    this.state = { result, snapshot, status };
    // The lookups every answer uses, built now rather than inside the first question.
    indexOf(result.audit).chains();
    this.rewatch(paths);
    status.watching = this.watch?.complete ? 'folders' : 'off';
    const why = reason ?? (changed.length > 0 ? `changed: ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', ...' : ''}` : 'first scan');
    this.options.log?.(`scanned ${paths.length} files in ${status.scanMs} ms (${why})`);
    return this.state;
  }

  private duringScan: ((path: string | null) => void) | null = null;

  private rewatch(paths: string[]): void {
    if (this.options.watch === false || this.closed) return;
    const folders = [...foldersOf(paths)].sort(byString);
    const key = folders.join('\n');
    if (this.watch && key === this.watchedFolders) return;
    this.watch?.close();
    this.watchedFolders = key;
    this.watch = watchFolders(this.state!.result.rootAbs, folders, (path) => this.onWatchEvent(path));
  }

  private onWatchEvent(path: string | null): void {
    if (this.duringScan) {
      this.duringScan(path);
      return;
    }
    if (path === null) this.unknown = true;
    else this.dirty.add(path);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      // A background refresh: the next question finds the audit already up to date.
      if (!this.closed && !this.scanning) this.current().catch((e: unknown) => this.options.log?.(`re-scan failed: ${e instanceof Error ? e.message : String(e)}`));
    }, this.options.debounceMs ?? 300);
    this.timer.unref();
  }
}
