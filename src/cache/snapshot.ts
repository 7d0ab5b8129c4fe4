/**
 * The last whole-root audit, kept so `census why` can answer without a scan — but only when
 * nothing it was computed from changed. A scan with the cache on records, beside the facts cache,
 * the audit's files, edges and entries with what they came from: the options, census's build,
 * git's HEAD and status, and for every file its size, modification time (taken before the file
 * was read) and content hash. `why` lists the files again (discover) and compares: same list,
 * same git state, and each file either unchanged by size and time (when that time is safely older
 * than the recording, as git's index does; change time and inode too, which no tool can put
back) or unchanged by content hash. Anything else, or any
 * doubt about the record itself, and `why` scans as before.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { GitInfo } from '../model/audit.js';
import type { Edge } from '../model/edge.js';
import type { Entry } from '../model/entry.js';
import type { FileRecord } from '../model/file.js';
import { discover, type DiscoveredFile, type DiscoverOptions } from '../discover/index.js';
import { prepareCensusPath, writeCensusFile, writeFileExclusive } from '../store/census-dir.js';
import { contentHash } from '../util/content-hash.js';
import { readBytes } from '../util/fs.js';
import { joinAbsolute } from '../util/path.js';
import { CACHE_DIR } from './facts-cache.js';
import { extractionFlavour } from './flavour.js';
import type { CacheSetting } from './open.js';
import { hasSeal, writeSeal } from './seal.js';

const FORMAT = 2;
const SUM_BYTES = 32;
const HEAD_AT = SUM_BYTES + 4;
/** A file modified this close to the recording may have changed again within the same timestamp tick. */
const RACY_MS = 2000;
const MAX_SNAPSHOT_BYTES = 1024 * 1024 * 1024;
/** Installs that change how imports resolve without touching a file census lists. */
const ENVIRONMENT_MARKERS = ['node_modules/.package-lock.json', 'node_modules/.modules.yaml', 'node_modules/.yarn-state.yml', '.venv/pyvenv.cfg'];

/** What `census why` needs of an Audit. */
export interface AuditView {
  root: string;
  files: FileRecord[];
  edges: Edge[];
  entries: Entry[];
}

/** A recorded audit, read lazily: one record costs one small deserialize; the whole view only for `why --all`. */
export interface RecordedAudit {
  root: string;
  record(path: string): FileRecord | undefined;
  view(): AuditView;
}

/** The scan options the audit depends on (the pipeline's ScanOptions satisfies this). */
export interface SnapshotScanOptions extends DiscoverOptions {
  maxFileSize: number;
  runtime?: string[];
  scope?: string;
  python?: string;
  noEnv?: boolean;
  env?: NodeJS.ProcessEnv;
  configFile?: string;
  cwd?: string;
  cache?: CacheSetting;
}

/** ctime too: a tool can put a file's modification time back after editing it, never its change time. */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

export interface FileStamps {
  time: number;
  of: Map<string, Stamp>;
}

interface Snapshot {
  format: number;
  key: string;
  time: number;
  git: GitInfo | null;
  discover: DiscoverOptions;
  /** path, stamp, content hash ('' when the file was not read) — in discovery order. */
  files: [string, Stamp, string][];
  junk: string[];
  root: string;
  /** Where each file record's blob sits in the body: path, offset, length. */
  records: [string, number, number][];
  /** Edges and entries, one blob. */
  graph: [number, number];
}

const statOf = (abs: string): Stamp | null => {
  try {
    const st = fs.statSync(abs);
    return [st.size, st.mtimeMs, st.ctimeMs, st.ino];
  } catch {
    return null;
  }
};

/** Sizes and times of the discovered files, taken before extraction reads them. */
export const stampFiles = (files: DiscoveredFile[]): FileStamps => {
  const time = Date.now();
  const of = new Map<string, Stamp>();
  for (const f of files) {
    const s = statOf(f.abs);
    if (s) of.set(f.path, s);
  }
  return { time, of };
};

const fileDigest = (abs: string): string => {
  const read = readBytes(abs);
  return 'error' in read ? '' : createHash('sha256').update(read.bytes).digest('hex');
};

/** Everything besides the listed files that the audit depends on, as one key. */
const snapshotKey = (rootAbs: string, o: SnapshotScanOptions): string => {
  const env = o.env ?? process.env;
  return createHash('sha256')
    .update(JSON.stringify({
      rootAbs,
      census: extractionFlavour(null),
      include: o.include,
      exclude: o.exclude,
      defaultExcludes: o.defaultExcludes,
      maxFileSize: o.maxFileSize,
      runtime: (o.runtime ?? []).map((r) => [r, fileDigest(joinAbsolute(o.cwd ?? '.', r))]),
      scope: o.scope ?? null,
      python: o.python ?? null,
      noEnv: o.noEnv === true,
      venv: [env.VIRTUAL_ENV ?? null, env.CONDA_PREFIX ?? null],
      config: o.configFile ? [o.configFile, fileDigest(o.configFile)] : null,
      markers: ENVIRONMENT_MARKERS.map((m) => statOf(joinAbsolute(rootAbs, m))),
    }))
    .digest('hex')
    .slice(0, 16);
};

const SNAPSHOT_NAME = 'why-audit.snapshot';

/** Keeps the audit for `why`. Never throws: without it, `why` scans. */
export const saveSnapshot = (rootAbs: string, options: SnapshotScanOptions, exclude: string[], stamps: FileStamps, hashes: Map<string, string>, git: GitInfo | null, junk: string[], view: AuditView): void => {
  const setting = options.cache;
  if (!setting) return;
  try {
    const files: Snapshot['files'] = [];
    for (const [path, stamp] of stamps.of) files.push([path, stamp, hashes.get(path) ?? '']);
    const blobs: Uint8Array[] = [];
    const records: Snapshot['records'] = [];
    let offset = 0;
    const add = (value: unknown): [number, number] => {
      const blob = serialize(value);
      blobs.push(blob);
      offset += blob.length;
      return [offset - blob.length, blob.length];
    };
    for (const f of view.files) records.push([f.path, ...add(f)]);
    const graph = add({ edges: view.edges, entries: view.entries });
    const head = serialize({
      format: FORMAT,
      key: snapshotKey(rootAbs, options),
      time: stamps.time,
      git,
      discover: { include: options.include, exclude, defaultExcludes: options.defaultExcludes },
      files,
      junk,
      root: view.root,
      records,
      graph,
    } satisfies Snapshot);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length);
    const sum = createHash('sha256').update(length).update(head);
    for (const b of blobs) sum.update(b);
    const pieces = [sum.digest(), length, head, ...blobs];
    if (setting.dir !== undefined) {
      fs.mkdirSync(setting.dir, { recursive: true });
      writeFileExclusive(joinAbsolute(setting.dir, SNAPSHOT_NAME), pieces);
    } else {
      writeCensusFile(rootAbs, `${CACHE_DIR}/${SNAPSHOT_NAME}`, pieces);
      writeSeal(rootAbs, `${CACHE_DIR}/${SNAPSHOT_NAME}`);
    }
  } catch {
    // The facts cache already warned about an unwritable folder; why will scan.
  }
};

const readSnapshot = (rootAbs: string, setting: CacheSetting): { s: Snapshot; body: Buffer } | null => {
  const rel = `${CACHE_DIR}/${SNAPSHOT_NAME}`;
  let fd: number;
  try {
    const abs = setting.dir !== undefined ? joinAbsolute(setting.dir, SNAPSHOT_NAME) : prepareCensusPath(rootAbs, rel, { create: false });
    fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size <= HEAD_AT || st.size > MAX_SNAPSHOT_BYTES) return null;
    if (setting.dir === undefined && !hasSeal(rootAbs, rel, fd)) return null;
    const bytes = Buffer.allocUnsafe(st.size);
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, bytes, read, st.size - read, read);
      if (n === 0) return null;
      read += n;
    }
    if (!createHash('sha256').update(bytes.subarray(SUM_BYTES)).digest().equals(bytes.subarray(0, SUM_BYTES))) return null;
    const headLength = bytes.readUInt32LE(SUM_BYTES);
    if (headLength > st.size - HEAD_AT) return null;
    const s = deserialize(bytes.subarray(HEAD_AT, HEAD_AT + headLength)) as Snapshot;
    if (s?.format !== FORMAT || !Array.isArray(s.files) || !Array.isArray(s.junk) || !Array.isArray(s.records) || !Array.isArray(s.graph) || typeof s.root !== 'string') return null;
    return { s, body: bytes.subarray(HEAD_AT + headLength) };
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
};

const blobAt = (body: Buffer, [offset, length]: [number, number]): unknown => {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length <= 0 || offset + length > body.length) throw new Error('snapshot index out of range');
  return deserialize(body.subarray(offset, offset + length));
};

const recorded = (s: Snapshot, body: Buffer): RecordedAudit => {
  const at = new Map(s.records.map(([path, offset, length]) => [path, [offset, length] as [number, number]]));
  return {
    root: s.root,
    record: (path) => {
      const where = at.get(path);
      const record = where ? (blobAt(body, where) as FileRecord | undefined) : undefined;
      return record?.path === path ? record : undefined;
    },
    view: () => {
      const { edges, entries } = blobAt(body, s.graph) as { edges: Edge[]; entries: Entry[] };
      return { root: s.root, files: s.records.map(([, offset, length]) => blobAt(body, [offset, length]) as FileRecord), edges, entries };
    },
  };
};

/** The recorded audit, when nothing it depends on changed since; null means scan. */
export const freshAudit = (rootAbs: string, options: SnapshotScanOptions): RecordedAudit | null => {
  if (!options.cache) return null;
  const found = readSnapshot(rootAbs, options.cache);
  if (found === null || found.s.key !== snapshotKey(rootAbs, options)) return null;
  const { s, body } = found;
  let now;
  try {
    now = discover(rootAbs, s.discover);
  } catch {
    return null;
  }
  if (JSON.stringify(now.git) !== JSON.stringify(s.git)) return null;
  if (now.junk.length !== s.junk.length || now.junk.some((j, i) => j.path !== s.junk[i])) return null;
  if (now.files.length !== s.files.length) return null;
  for (let i = 0; i < now.files.length; i++) {
    const f = now.files[i];
    const [path, stamp, hash] = s.files[i];
    if (f.path !== path || !Array.isArray(stamp)) return null;
    const st = statOf(f.abs);
    if (st === null) return null;
    if (st.every((v, k) => v === stamp[k]) && stamp[2] < s.time - RACY_MS) continue;
    if (hash === '' || st[0] > options.maxFileSize) return null;
    const read = readBytes(f.abs);
    if ('error' in read || contentHash(read.bytes) !== hash) return null;
  }
  return recorded(s, body);
};
