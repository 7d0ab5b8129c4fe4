/**
 * coverage.py's `.coverage` data file (SQLite): its `file` table lists every measured file.
 * Read with node:sqlite when this Node has it (22.5+), else with python3's sqlite3 module in a
 * read-only connection: the data file is the user's, no repo code runs.
 */
import { spawnSync } from 'node:child_process';
import { UsageError } from '../../util/errors.js';
import type { EvidenceFormat } from './types.js';

const SQLITE_HEADER = 'SQLite format 3\0';
const QUERY = 'SELECT path FROM file ORDER BY path';

interface SqliteModule {
  DatabaseSync: new (path: string, options?: { readOnly?: boolean }) => {
    prepare(sql: string): { all(): Record<string, unknown>[] };
    close(): void;
  };
}

const nodeSqlite = (): SqliteModule | null => {
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  try {
    const mod = getBuiltin?.('node:sqlite') as SqliteModule | undefined;
    return mod?.DatabaseSync ? mod : null;
  } catch {
    return null;
  }
};

const readWithNode = (sqlite: SqliteModule, absPath: string, name: string): string[] => {
  let db;
  try {
    db = new sqlite.DatabaseSync(absPath, { readOnly: true });
    return db.prepare(QUERY).all().map((row) => String(row.path));
  } catch (e) {
    throw new UsageError(`${name}: not a readable coverage.py data file (${(e as Error).message})`);
  } finally {
    db?.close();
  }
};

const PYTHON_READER = [
  'import json, sqlite3, sys, urllib.parse',
  "con = sqlite3.connect('file:' + urllib.parse.quote(sys.argv[1]) + '?mode=ro', uri=True)",
  `print(json.dumps([row[0] for row in con.execute(${JSON.stringify(QUERY)})]))`,
].join('\n');

const readWithPython = (absPath: string, name: string): string[] => {
  const run = spawnSync('python3', ['-I', '-c', PYTHON_READER, absPath], { encoding: 'utf8' });
  if (run.error) {
    throw new UsageError(`${name}: reading a .coverage SQLite file needs Node 22.5+ (node:sqlite) or python3; neither is available. Run \`coverage json\` and pass the JSON report instead`);
  }
  if (run.status !== 0) {
    const reason = (run.stderr.trim().split('\n').pop() ?? '').replace(/^sqlite3\.\w+Error: /, '');
    throw new UsageError(`${name}: not a readable coverage.py data file (${reason || `python3 exited ${run.status}`})`);
  }
  return JSON.parse(run.stdout) as string[];
};

export const coverageSqliteFormat: EvidenceFormat = {
  id: 'coverage-sqlite',
  description: 'coverage.py data files (.coverage, SQLite)',
  matches: (input) => input.bytes !== null && input.bytes.subarray(0, SQLITE_HEADER.length).toString('latin1') === SQLITE_HEADER,
  read: (input) => {
    const sqlite = nodeSqlite();
    if (sqlite) return { paths: readWithNode(sqlite, input.absPath, input.name), addPackageInits: true };
    return {
      paths: readWithPython(input.absPath, input.name),
      addPackageInits: true,
      notes: [`read ${input.name} with python3's sqlite3 module (read-only): this Node has no node:sqlite`],
    };
  },
};
