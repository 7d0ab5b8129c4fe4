/**
 * The SQLite binding (better-sqlite3), loaded on first use so commands that keep no history never
 * load the native addon, and typed here with just the calls census makes (no @types package).
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
  pragma(source: string, options?: { simple?: boolean }): unknown;
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
    loaded = require('better-sqlite3') as SqliteConstructor;
    return loaded;
  } catch (e) {
    throw new UsageError(`the run history needs the SQLite binding better-sqlite3, which did not load (${(e as Error).message.split('\n')[0]}); run npm rebuild better-sqlite3`);
  }
};
