/**
 * The run history: `.census/history.db` under the scanned root, a SQLite database through
 * libsql (`sqlite.ts`). WAL mode, a busy timeout and one IMMEDIATE transaction per write let several
 * census processes record at once without corrupting it. A database SQLite cannot read stops the
 * command with the file named and the way out (`--reset-history` moves it aside, it never deletes).
 */
import fs from 'node:fs';
import type { RecordedRun } from '../model/findings.js';
import { byString } from '../util/compare.js';
import { UsageError } from '../util/errors.js';
import { joinAbsolute } from '../util/path.js';
import { loadSqlite, pragmaValue, type SqliteDatabase } from './sqlite.js';
import { prepareCensusPath } from './census-dir.js';

export const HISTORY_FILE = '.census/history.db';
const SCHEMA_VERSION = 1;
const BUSY_TIMEOUT_MS = 15_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  recorded_at TEXT NOT NULL,
  commit_sha TEXT,
  commit_date TEXT,
  dirty INTEGER NOT NULL,
  sort_date TEXT NOT NULL,
  source TEXT NOT NULL,
  census_version TEXT NOT NULL,
  files INTEGER NOT NULL,
  source_files INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_by_commit ON runs(commit_sha);
CREATE TABLE IF NOT EXISTS run_counts (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (run_id, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS run_findings (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
`;

/** What a command hands over to be recorded: a run before the database numbers and dates it, with its finding keys. */
export type NewRun = Omit<RecordedRun, 'id' | 'recordedAt'> & { findings: string[] };

export interface HistoryDb {
  /** The database file as shown to the user (relative to the scanned root). */
  file: string;
  record(run: NewRun): number;
  /** Every run, oldest first (by commit date, or record date for a dirty tree or no git). */
  runs(): RecordedRun[];
  findingsOf(runId: number): string[];
  hasCommit(commit: string): boolean;
  close(): void;
}

interface RunRow {
  id: number;
  recorded_at: string;
  commit_sha: string | null;
  commit_date: string | null;
  dirty: number;
  source: string;
  census_version: string;
  files: number;
  source_files: number;
}

const sqliteCode = (e: unknown): string => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

/** Turns a SQLite failure into one line that names the file and what to do. */
const historyError = (file: string, e: unknown): UsageError => {
  const code = sqliteCode(e);
  const why = (e as Error).message.trim().replace(/\s*\n\s*/g, '; ');
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new UsageError(`${file} stayed locked by another census process for ${BUSY_TIMEOUT_MS / 1000} s (${why}); try again`);
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || /malformed|not a database|corrupt/i.test(why)) {
    return new UsageError(`${file} is damaged and cannot be read (${why}). To keep going, run census history --reset-history (with the same path): it moves the file aside as ${file}.old-<time>, deleting nothing, and starts a new history`);
  }
  return new UsageError(`cannot use the history database ${file}: ${why}`);
};

const utc = (date: string | null): string | null => {
  if (date === null) return null;
  const t = Date.parse(date);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};

const toRecorded = (row: RunRow, counts: Record<string, number>): RecordedRun => ({
  id: row.id,
  recordedAt: row.recorded_at,
  commit: row.commit_sha,
  commitDate: row.commit_date,
  dirty: row.dirty === 1,
  source: row.source,
  census: row.census_version,
  files: row.files,
  sourceFiles: row.source_files,
  counts,
});

/** What census's own schema creates; anything else (a trigger above all) means the file is not census's. */
const KNOWN_OBJECTS = new Set(['table meta', 'table runs', 'table run_counts', 'table run_findings', 'table sqlite_sequence', 'index runs_by_commit']);

/**
 * A history.db can arrive with the repository. Before census writes a row, the file must hold only
 * what census creates: a trigger would run its SQL (an endless recursive CTE hangs every record).
 */
const refuseForeignSchema = (db: SqliteDatabase, file: string): void => {
  const objects = db.prepare<{ type: string; name: string }>("SELECT type, name FROM sqlite_master").all();
  const foreign = objects.filter((o) => !KNOWN_OBJECTS.has(`${o.type} ${o.name}`) && !(o.type === 'index' && o.name.startsWith('sqlite_autoindex_')));
  if (foreign.length > 0) {
    const named = foreign.slice(0, 3).map((o) => `${o.type} ${JSON.stringify(o.name)}`).join(', ');
    throw new UsageError(`${file} holds what census does not create (${named}); it is not census's history. Move it aside with census history --reset-history`);
  }
};

/** The tables a reader needs: a database without them was not written by census (or by an older census that never recorded). */
const REQUIRED_TABLES = ['meta', 'runs', 'run_counts', 'run_findings'];

/**
 * Reading commands (history, diff) change nothing: the connection is query-only (SQLite refuses
 * any write on it), the journal mode and schema are left as they are, and a schema census did not
 * create is refused by name instead of being read.
 */
const prepareToRead = (db: SqliteDatabase, file: string): void => {
  refuseForeignSchema(db, file);
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA query_only = ON`);
  const check = pragmaValue(db, 'quick_check');
  if (check !== 'ok') throw Object.assign(new Error(`integrity check says: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
  const tables = new Set(db.prepare<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
  const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0) throw new UsageError(`${file} has no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''}; it is not census's history. Move it aside with census history --reset-history`);
  const row = db.prepare<{ value: string }>('SELECT value FROM meta WHERE key = ?').get('schema_version');
  if (!row) throw new UsageError(`${file} has no schema version; it is not census's history. Move it aside with census history --reset-history`);
  if (Number(row.value) > SCHEMA_VERSION) throw new UsageError(`${file} was written by a newer census (history schema ${row.value}); upgrade census to read it`);
};

const prepare = (db: SqliteDatabase, file: string): void => {
  refuseForeignSchema(db, file);
  // The busy timeout is also set by the constructor's option; set here too so it holds whatever the binding does with it.
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  pragmaValue(db, 'journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON');
  const check = pragmaValue(db, 'quick_check');
  if (check !== 'ok') throw Object.assign(new Error(`integrity check says: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
  db.transaction(() => {
    db.exec(SCHEMA);
    const row = db.prepare<{ value: string }>('SELECT value FROM meta WHERE key = ?').get('schema_version');
    if (!row) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
    else if (Number(row.value) > SCHEMA_VERSION) throw new UsageError(`${file} was written by a newer census (history schema ${row.value}); upgrade census to read it`);
  }).immediate();
};

/**
 * Opens the history of a scanned root. `create: false` returns null when there is none yet
 * (reading commands never create one) and opens an existing one query-only (they never write it).
 */
export const openHistory = (rootAbs: string, options: { create: boolean }): HistoryDb | null => {
  // SQLite opens the database and its -wal/-shm/-journal files following links: check them all first.
  const abs = prepareCensusPath(rootAbs, HISTORY_FILE, options);
  for (const suffix of ['-wal', '-shm', '-journal']) prepareCensusPath(rootAbs, `${HISTORY_FILE}${suffix}`, { create: false });
  if (!options.create && !fs.existsSync(abs)) return null;
  const Database = loadSqlite();
  let db: SqliteDatabase;
  try {
    db = new Database(abs, { timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw historyError(HISTORY_FILE, e);
  }
  try {
    if (options.create) prepare(db, HISTORY_FILE);
    else prepareToRead(db, HISTORY_FILE);
  } catch (e) {
    db.close();
    throw e instanceof UsageError ? e : historyError(HISTORY_FILE, e);
  }
  const guarded = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      throw e instanceof UsageError ? e : historyError(HISTORY_FILE, e);
    }
  };
  const countsOf = (runId: number): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const r of db.prepare<{ name: string; value: number }>('SELECT name, value FROM run_counts WHERE run_id = ? ORDER BY name').all(runId)) out[r.name] = r.value;
    return out;
  };
  const insert = db.transaction((run: NewRun): number => {
    const recordedAt = new Date().toISOString();
    const commitDate = utc(run.commitDate);
    const sortDate = run.dirty || commitDate === null ? recordedAt : commitDate;
    const result = db
      .prepare('INSERT INTO runs (recorded_at, commit_sha, commit_date, dirty, sort_date, source, census_version, files, source_files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(recordedAt, run.commit, commitDate, run.dirty ? 1 : 0, sortDate, run.source, run.census, run.files, run.sourceFiles);
    const id = Number(result.lastInsertRowid);
    const count = db.prepare('INSERT INTO run_counts (run_id, name, value) VALUES (?, ?, ?)');
    for (const name of Object.keys(run.counts).sort(byString)) count.run(id, name, run.counts[name]);
    const finding = db.prepare('INSERT OR IGNORE INTO run_findings (run_id, key) VALUES (?, ?)');
    for (const key of run.findings) finding.run(id, key);
    return id;
  });
  return {
    file: HISTORY_FILE,
    record: (run) => guarded(() => insert.immediate(run)),
    runs: () =>
      guarded(() =>
        db
          .prepare<RunRow>('SELECT * FROM runs ORDER BY sort_date, id')
          .all()
          .map((row) => toRecorded(row, countsOf(row.id))),
      ),
    findingsOf: (runId) => guarded(() => db.prepare<{ key: string }>('SELECT key FROM run_findings WHERE run_id = ? ORDER BY key').all(runId).map((r) => r.key)),
    hasCommit: (commit) => guarded(() => db.prepare('SELECT 1 FROM runs WHERE commit_sha = ? AND dirty = 0 LIMIT 1').get(commit) !== undefined),
    close: () => db.close(),
  };
};

/**
 * Moves the history database (and its WAL files) aside to `<file>.old-<time>`, so a fresh one
 * can start; nothing is deleted. Returns the names it moved, relative to the root.
 */
export const moveHistoryAside = (rootAbs: string, now: Date = new Date()): string[] => {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    const from = joinAbsolute(rootAbs, `${HISTORY_FILE}${suffix}`);
    if (!fs.existsSync(from)) continue;
    const to = `${HISTORY_FILE}.old-${stamp}${suffix}`;
    try {
      fs.renameSync(from, joinAbsolute(rootAbs, to));
    } catch (e) {
      // A read-only .census is the user's to fix: one line, not a stack trace.
      throw new UsageError(`cannot move ${HISTORY_FILE}${suffix} aside (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the permissions of .census/`);
    }
    moved.push(to);
  }
  return moved;
};
