/**
 * The last whole-root audit, kept so `census why` can answer without a scan, and without running
 * git or listing the files again, but only when nothing it was computed from changed. A scan with
 * the cache on records, beside the facts cache, the audit's files, edges and entries with what
 * they came from: the options and census's build (one key), the stamps of what decides the
 * listing (cache/tree-stamps.ts: the walked folders, symlinks, ignore files, git's HEAD, refs and
 * index, the root's config and manifests), and for every listed file its stamp (taken before it
 * was read) and content hash. `why` compares them by stat: a stamp that is equal and safely older
 * than the recording (as git's index does for racy files) is unchanged; otherwise a file must have
 * the same content hash and mode, a folder the same listable names, an ignore or git file the same
 * bytes. Anything else, or any doubt about the record itself, and `why` scans as before.
 * The record is read in pieces: the head and its checksum, then only the blobs asked for, each
 * with its own checksum.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Edge } from '../model/edge.js';
import type { Entry } from '../model/entry.js';
import type { FileRecord } from '../model/file.js';
import type { DiscoverOptions } from '../discover/index.js';
import { stampMode, stampTime, statStamp } from '../discover/changes.js';
import { keptEntriesOf } from '../discover/walk.js';
import { prepareCensusPath, writeCensusFile, writeFileExclusive } from '../store/census-dir.js';
import { contentHash } from '../util/content-hash.js';
import { readBytes, realpathOrNull } from '../util/fs.js';
import { joinAbsolute } from '../util/path.js';
import { CACHE_DIR } from './facts-cache.js';
import { extractionFlavour } from './flavour.js';
import type { CacheSetting } from './open.js';
import { hasSeal, writeSeal } from './seal.js';
import { kindOf, listable, namesDigest, type ExtraStamp, type FileStamps, type Marker, type TreeStamps } from './tree-stamps.js';

const FORMAT = 3;
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

/** A recorded audit, read lazily: one record costs one small read and deserialize; the whole view only for `why --all`. */
export interface RecordedAudit {
  root: string;
  record(path: string): FileRecord | undefined;
  view(): AuditView;
  /** Lets go of the recording (its file stays open while records are read). */
  close(): void;
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

/** Where a blob sits in the body, and its content hash. */
type Blob = [offset: number, length: number, sum: string];

interface Snapshot {
  format: number;
  key: string;
  time: number;
  defaultExcludes: boolean;
  /** Every listed file: path, its stamp, its content hash ('' when the file was not read). */
  files: [string, string | null, string][];
  folders: TreeStamps['folders'];
  links: TreeStamps['links'];
  extras: ExtraStamp[];
  markers: Marker[];
  root: string;
  records: [string, ...Blob][];
  /** Edges and entries, one blob. */
  graph: Blob;
}

const fileDigest = (abs: string): string => {
  const read = readBytes(abs);
  return 'error' in read ? '' : createHash('sha256').update(read.bytes).digest('hex');
};

/** Everything besides what is stamped that the audit depends on, as one key. */
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
      // Where git looks and what it reads (GIT_DIR, GIT_INDEX_FILE, ...): git runs with census's own environment.
      git: Object.entries(process.env).filter(([k]) => k.startsWith('GIT_')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      config: o.configFile ? [o.configFile, fileDigest(o.configFile)] : null,
      markers: ENVIRONMENT_MARKERS.map((m) => statStamp(joinAbsolute(rootAbs, m))),
    }))
    .digest('hex')
    .slice(0, 16);
};

const SNAPSHOT_NAME = 'why-audit.snapshot';

/** Keeps the audit for `why`. Never throws: without it, `why` scans. */
export const saveSnapshot = (rootAbs: string, options: SnapshotScanOptions, stamps: FileStamps, hashes: Map<string, string>, view: AuditView): void => {
  const setting = options.cache;
  if (!setting || !stamps.tree.complete) return;
  try {
    const { tree } = stamps;
    const files: Snapshot['files'] = [];
    for (const [path, stamp] of stamps.of) files.push([path, stamp, hashes.get(path) ?? '']);
    const blobs: Uint8Array[] = [];
    let offset = 0;
    const add = (value: unknown): Blob => {
      const blob = serialize(value);
      blobs.push(blob);
      offset += blob.length;
      return [offset - blob.length, blob.length, contentHash(blob)];
    };
    const records: Snapshot['records'] = view.files.map((f) => [f.path, ...add(f)]);
    const graph = add({ edges: view.edges, entries: view.entries });
    const head = serialize({
      format: FORMAT,
      key: snapshotKey(rootAbs, options),
      time: tree.time,
      defaultExcludes: options.defaultExcludes,
      files,
      folders: tree.folders,
      links: tree.links,
      extras: tree.extras,
      markers: tree.markers,
      root: view.root,
      records,
      graph,
    } satisfies Snapshot);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length);
    const pieces = [createHash('sha256').update(length).update(head).digest(), length, head, ...blobs];
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

const readAt = (fd: number, at: number, length: number): Buffer => {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = fs.readSync(fd, bytes, read, length - read, at + read);
    if (n === 0) throw new Error('snapshot shorter than its index');
    read += n;
  }
  return bytes;
};

interface Opened {
  s: Snapshot;
  fd: number;
  /** Where the body starts, and its length. */
  bodyAt: number;
  bodyLength: number;
}

/** Opens the recording and reads its head (checked against its checksum); the blobs stay on disk. */
const openSnapshot = (rootAbs: string, setting: CacheSetting): Opened | null => {
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
    if (!st.isFile() || st.size <= HEAD_AT || st.size > MAX_SNAPSHOT_BYTES) throw new Error('not a snapshot');
    if (setting.dir === undefined && !hasSeal(rootAbs, rel, fd)) throw new Error('not sealed');
    const start = readAt(fd, 0, HEAD_AT);
    const headLength = start.readUInt32LE(SUM_BYTES);
    if (headLength > st.size - HEAD_AT) throw new Error('head out of range');
    const headBytes = readAt(fd, HEAD_AT, headLength);
    if (!createHash('sha256').update(start.subarray(SUM_BYTES)).update(headBytes).digest().equals(start.subarray(0, SUM_BYTES))) throw new Error('bad checksum');
    const s = deserialize(headBytes) as Snapshot;
    const lists = [s?.files, s?.folders, s?.links, s?.extras, s?.markers, s?.records, s?.graph];
    if (s?.format !== FORMAT || lists.some((l) => !Array.isArray(l)) || typeof s.root !== 'string' || typeof s.time !== 'number') throw new Error('not this format');
    return { s, fd, bodyAt: HEAD_AT + headLength, bodyLength: st.size - HEAD_AT - headLength };
  } catch {
    fs.closeSync(fd);
    return null;
  }
};

const blobAt = (o: Opened, [offset, length, sum]: Blob): unknown => {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length <= 0 || offset + length > o.bodyLength) throw new Error('snapshot index out of range');
  const bytes = readAt(o.fd, o.bodyAt + offset, length);
  if (contentHash(bytes) !== sum) throw new Error('snapshot blob damaged');
  return deserialize(bytes);
};

const recorded = (o: Opened): RecordedAudit => {
  const { s } = o;
  const at = new Map(s.records.map(([path, ...blob]) => [path, blob]));
  let open = true;
  return {
    root: s.root,
    record: (path) => {
      const where = at.get(path);
      const record = where ? (blobAt(o, where) as FileRecord | undefined) : undefined;
      return record?.path === path ? record : undefined;
    },
    view: () => {
      const { edges, entries } = blobAt(o, s.graph) as { edges: Edge[]; entries: Entry[] };
      return { root: s.root, files: s.records.map(([, ...blob]) => blobAt(o, blob) as FileRecord), edges, entries };
    },
    close: () => {
      if (open) fs.closeSync(o.fd);
      open = false;
    },
  };
};

const sameBytes = (abs: string, hash: string): boolean => {
  if (hash === '') return false;
  const read = readBytes(abs);
  return !('error' in read) && contentHash(read.bytes) === hash;
};

/** True when, by stat (and content where stat cannot tell), nothing the recording came from changed. */
const unchanged = (rootAbs: string, s: Snapshot, maxFileSize: number): boolean => {
  // The root is part of the key, so a repo path's absolute path is the root's plus the path (no join per file).
  const prefix = /[\\/]$/.test(rootAbs) ? rootAbs : `${rootAbs}/`;
  const under = (path: string): string => (path === '' ? rootAbs : prefix + path);
  // Changed within the racy window before the recording: the stamp may not show a later change in the same tick.
  const trusted = (stamp: string | null, now: string | null): boolean => stamp !== null && now === stamp && stampTime(stamp) < s.time - RACY_MS;
  for (const [abs, kind] of s.markers) if (kindOf(abs) !== kind) return false;
  for (const [abs, stamp, hash] of s.extras) {
    const now = statStamp(abs);
    if (stamp === null ? now !== null : !trusted(stamp, now) && (now === null || !sameBytes(abs, hash))) return false;
  }
  for (const [path, link, kind, real] of s.links) {
    const abs = under(path);
    if (!trusted(link, statStamp(abs, true)) || kindOf(abs, true) !== kind || realpathOrNull(abs) !== real) return false;
  }
  const keptEntries = keptEntriesOf(rootAbs, s.defaultExcludes);
  for (const [path, stamp, names] of s.folders) {
    const abs = under(path);
    if (trusted(stamp, statStamp(abs, true))) continue;
    // Something came, went or was replaced: still the same listable names (a __pycache__ or a swap file is not a change)?
    const kept = keptEntries(path);
    if (kept === null || namesDigest(listable(kept)) !== names) return false;
  }
  for (const [path, stamp, hash] of s.files) {
    const abs = under(path);
    const now = statStamp(abs);
    if (trusted(stamp, now)) continue;
    // Touched or just written: the same bytes and mode (type, executable bits) are the same file.
    if (stamp === null || now === null || stampMode(now) !== stampMode(stamp) || Number(now.split(':')[0]) > maxFileSize || !sameBytes(abs, hash)) return false;
  }
  return true;
};

/** The recorded audit, when nothing it depends on changed since; null means scan. The caller closes it. */
export const freshAudit = (rootAbs: string, options: SnapshotScanOptions): RecordedAudit | null => {
  if (!options.cache) return null;
  const opened = openSnapshot(rootAbs, options.cache);
  if (opened === null) return null;
  let fresh = false;
  try {
    fresh = opened.s.key === snapshotKey(rootAbs, options) && opened.s.defaultExcludes === options.defaultExcludes && unchanged(rootAbs, opened.s, options.maxFileSize);
  } catch {
    fresh = false;
  }
  if (!fresh) {
    fs.closeSync(opened.fd);
    return null;
  }
  return recorded(opened);
};
