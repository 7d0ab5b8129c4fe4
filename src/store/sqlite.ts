/**
 * The SQLite binding, loaded on first use so commands that keep no history never load the native
 * addon, and typed here with just the calls census makes (no @types package).
 *
 * The binding is libsql: better-sqlite3's API over a fork of SQLite, shipped as a prebuilt binary
 * inside a registry package per platform, so `npm install` takes seconds and needs no compiler
 * (better-sqlite3 compiled for 2-5 minutes wherever its download of a prebuilt binary failed).
 * Two of its answers differ from better-sqlite3's: every row carries a `_metadata` field, and
 * `pragma(…, { simple: true })` returns the row, not the value. `pragmaValue` hides both.
 */
import { createRequire } from 'node:module';
import { UsageError } from '../util/errors.js';

export interface SqliteRunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface SqliteStatement<Row = unknown> {
  run(...params: unknown[]): SqliteRunResult;
  get(...params: unknown[]): Row | undefined;
  all(...params: unknown[]): Row[];
}

export interface SqliteTransaction<F extends (...args: never[]) => unknown> {
  (...args: Parameters<F>): ReturnType<F>;
  /** Runs as BEGIN IMMEDIATE: takes the write lock up front, so two writers queue instead of deadlocking. */
  immediate(...args: Parameters<F>): ReturnType<F>;
}

export interface SqliteDatabase {
  prepare<Row = unknown>(sql: string): SqliteStatement<Row>;
  exec(sql: string): SqliteDatabase;
  transaction<F extends (...args: never[]) => unknown>(fn: F): SqliteTransaction<F>;
  close(): SqliteDatabase;
}

export interface SqliteOptions {
  /** Busy timeout in milliseconds: how long a statement waits for another process's lock. */
  timeout?: number;
}

export type SqliteConstructor = new (file: string, options?: SqliteOptions) => SqliteDatabase;

let loaded: SqliteConstructor | undefined;

export const loadSqlite = (): SqliteConstructor => {
  if (loaded) return loaded;
  try {
    const require = createRequire(import.meta.url);
    loaded = require('libsql') as SqliteConstructor;
    return loaded;
  } catch (e) {
    throw new UsageError(`the run history needs the SQLite binding libsql, which did not load (${(e as Error).message.split('\n')[0]}); reinstall census (npm install) on this platform`);
  }
};

/** The first column of a pragma's first row (`PRAGMA journal_mode = WAL` → 'wal'). */
export const pragmaValue = (db: SqliteDatabase, pragma: string): unknown => {
  const row = db.prepare<Record<string, unknown>>(`PRAGMA ${pragma}`).get();
  if (row === undefined) return undefined;
  const column = Object.keys(row).find((k) => k !== '_metadata');
  return column === undefined ? undefined : row[column];
};
