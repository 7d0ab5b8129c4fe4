/** A message about the audited repo or the run: never thrown, always carried as data. */
export type Severity = 'error' | 'warning' | 'info';

export interface Location {
  /** Repo-relative POSIX path. */
  file: string;
  line?: number;
  column?: number;
}

export interface Diagnostic {
  /** Stable id such as `read/binary`, `python/syntax-error`, `manifest/invalid-json`. */
  id: string;
  severity: Severity;
  message: string;
  location?: Location;
}
