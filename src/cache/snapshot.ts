/**
 * The last audits, kept so a re-run with nothing changed (`census scan`, `check`, `imports`,
 * `why`, the MCP server) answers without a scan, and without running git or listing the files
 * again, but only when nothing it was computed from changed. A scan with the cache on records,
 * beside the facts cache, the whole Audit (files, edges and entries one blob each, the rest one
 * more) with what it came from: the options and census's build (one key, and a variant for the
 * options `why` does not depend on: focus, duplicates, triage), the stamps of what decides the
 * listing (cache/tree-stamps.ts: the walked folders, symlinks, ignore files, git's HEAD, refs and
 * index, the root's config and manifests), and for every listed file its stamp (taken before it
 * was read) and content hash. `why` compares them by stat: a stamp that is equal and safely older
 * than the recording (as git's index does for racy files) is unchanged; otherwise a file must have
 * the same content hash and mode, a folder the same listable names, an ignore or git file the same
 * bytes; the environment the triage looked at (node_modules folders, site-packages, in-repo venvs)
 * must have the same stamps. Anything else, or any doubt about the record itself, and census scans.
 * The record is read in pieces: the head and its checksum, then only the blobs asked for, each
 * with its own checksum. One record per variant (`audit-<key>.snapshot`), a few kept.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Audit } from '../model/audit.js';
import { plainEdge, type Edge } from '../model/edge.js';
import type { Entry } from '../model/entry.js';
import type { FileRecord } from '../model/file.js';
import type { CensusConfig } from '../config/validate.js';
import type { DiscoverOptions } from '../discover/index.js';
import { stampMode, stampTime, statStamp } from '../discover/changes.js';
import { keptEntriesOf } from '../discover/walk.js';
import { prepareCensusPath, writeCensusFile, writeFileExclusive } from '../store/census-dir.js';
import { contentHash } from '../util/content-hash.js';
import { isDirectory, readBytes, readDirNames, realpathOrNull } from '../util/fs.js';
import { dirnameAbsolute, joinAbsolute, resolveAbsolute } from '../util/path.js';
import { CACHE_DIR } from './facts-cache.js';
import { folderDigest } from './environment-stamps.js';
import { extractionFlavour } from './flavour.js';
import { jsonPieces } from '../report/json.js';
import type { CacheSetting } from './open.js';
import { hasSeal, writeSeal } from './seal.js';
import { kindOf, listable, namesDigest, RACY_MS, type ExtraStamp, type FileStamps, type Marker, type TreeStamps } from './tree-stamps.js';

const FORMAT = 4;
const SUM_BYTES = 32;
const HEAD_AT = SUM_BYTES + 4;
const MAX_SNAPSHOT_BYTES = 1024 * 1024 * 1024;
/** Installs that change how imports resolve without touching a file census lists. */
const ENVIRONMENT_MARKERS = ['node_modules/.package-lock.json', 'node_modules/.modules.yaml', 'node_modules/.yarn-state.yml', '.venv/pyvenv.cfg'];
/** Environment variables the Python environment search reads besides the activated ones. */
const ENVIRONMENT_VARIABLES = ['VIRTUAL_ENV', 'CONDA_PREFIX', 'UV_PROJECT_ENVIRONMENT', 'POETRY_VIRTUALENVS_PATH', 'POETRY_CACHE_DIR', 'HOME', 'XDG_CACHE_HOME', 'APPDATA', 'LOCALAPPDATA'];
/** Records of other variants kept beside the newest (a scan, a check, a scan of a subfolder...). */
const OTHER_VARIANTS_KEPT = 3;
const SNAPSHOT_NAME = /^audit-[0-9a-f]{16}\.snapshot$/;
/** The name the format-3 recording had: removed when a newer one is written. */
const OLD_SNAPSHOT = 'why-audit.snapshot';

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

/** A whole Audit as a scan with the same options would make it now (but for `generatedAt`, which is now). */
export interface ReusedAudit {
  audit: Audit;
  /** The census config the scan loaded (its `check` limits), null when there was none. */
  censusConfig: CensusConfig | null;
}

/** The scan options the audit depends on (the pipeline's ScanOptions satisfies this). */
export interface SnapshotScanOptions extends DiscoverOptions {
  /** The root as the user named it: the Audit's `root`. */
  root?: string;
  maxFileSize: number;
  runtime?: string[];
  scope?: string;
  python?: string;
  noEnv?: boolean;
  env?: NodeJS.ProcessEnv;
  configFile?: string;
  cwd?: string;
  cache?: CacheSetting;
  focus?: string;
  duplicates?: unknown;
  importTriage?: boolean;
}

/** What the whole Audit adds to the why view: the rest of the Audit, the config and the environment it was checked against. */
export interface WholeAudit {
  audit: Audit;
  censusConfig: CensusConfig | null;
  /** Folders and files outside the listing that resolution and the triage looked at (cache/environment-stamps.ts). */
  environment: ExtraStamp[];
}

/** Where a blob sits in the body, and its content hash. */
type Blob = [offset: number, length: number, sum: string];

interface Snapshot {
  format: number;
  key: string;
  /** The options the why view does not depend on (focus, duplicates, triage, the root as named). */
  variant: string;
  /** The reported folder ('' = the whole root): why uses only whole-root records. */
  focus: string;
  time: number;
  defaultExcludes: boolean;
  /** Every listed file: path, its stamp, its content hash ('' when the file was not read). */
  files: [string, string | null, string][];
  folders: TreeStamps['folders'];
  links: TreeStamps['links'];
  extras: ExtraStamp[];
  markers: Marker[];
  environment: ExtraStamp[];
  unlisted: FileStamps['unlisted'];
  root: string;
  records: [string, ...Blob][];
  /** Edges and entries, one blob. */
  graph: Blob;
  /** The Audit without files, edges and entries (null in their places, so its keys keep their order), and the config. */
  rest: Blob;
  /** The sha256 of the body up to `json`: the whole Audit is checked with one hash instead of one per blob. */
  body: string;
  /** The Audit as `--format json` writes it (report/json.ts), last in the body, and the `generatedAt` it holds. */
  json: Blob;
  generatedAt: string;
}

const fileDigest = (abs: string): string => {
  const read = readBytes(abs);
  return 'error' in read ? '' : createHash('sha256').update(read.bytes).digest('hex');
};

/** Runtime evidence as read: a file's bytes, or a folder's JSON files (the ones ingest reads) by name and bytes. */
const evidenceDigest = (abs: string): string => {
  if (!isDirectory(abs)) return fileDigest(abs);
  const sum = createHash('sha256');
  for (const name of readDirNames(abs).filter((n) => n.endsWith('.json')).sort()) sum.update(`${name}\0${fileDigest(joinAbsolute(abs, name))}\n`);
  return `dir:${sum.digest('hex')}`;
};

/** Everything besides what is stamped that the why view depends on, as one key. */
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
      runtime: (o.runtime ?? []).map((r) => [r, evidenceDigest(resolveAbsolute(o.cwd ?? '.', r))]),
      scope: o.scope ?? null,
      python: o.python ?? null,
      noEnv: o.noEnv === true,
      venv: ENVIRONMENT_VARIABLES.map((name) => env[name] ?? null),
      // Where git looks and what it reads (GIT_DIR, GIT_INDEX_FILE, ...): git runs with census's own environment.
      git: Object.entries(process.env).filter(([k]) => k.startsWith('GIT_')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      config: o.configFile ? [o.configFile, fileDigest(o.configFile)] : null,
      markers: ENVIRONMENT_MARKERS.map((m) => statStamp(joinAbsolute(rootAbs, m))),
    }))
    .digest('hex')
    .slice(0, 16);
};

/** The options that change the Audit but not its files, edges and entries. */
const variantOf = (o: SnapshotScanOptions): string =>
  createHash('sha256')
    .update(JSON.stringify({ root: o.root ?? null, focus: o.focus ?? '', duplicates: o.duplicates ?? null, importTriage: o.importTriage !== false }))
    .digest('hex')
    .slice(0, 16);

/** The folder of the recordings (`--cache-dir`, else `.census/cache/` reached through the census-dir gate: no links). Throws when unusable. */
const folderOf = (rootAbs: string, setting: CacheSetting): string =>
  setting.dir ?? dirnameAbsolute(prepareCensusPath(rootAbs, `${CACHE_DIR}/${OLD_SNAPSHOT}`, { create: false }));

const nameOf = (key: string, variant: string): string => `audit-${createHash('sha256').update(`${key}\0${variant}`).digest('hex').slice(0, 16)}.snapshot`;

/** Removes records beyond the newest few, their seals, and the format-3 record. Never throws. */
const tidy = (folder: string, written: string): void => {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  const others: { name: string; mtime: number }[] = [];
  for (const name of names) {
    if (name === written || !(SNAPSHOT_NAME.test(name) || name === OLD_SNAPSHOT)) continue;
    try {
      others.push({ name, mtime: name === OLD_SNAPSHOT ? 0 : fs.lstatSync(joinAbsolute(folder, name)).mtimeMs });
    } catch {
      // removed by another run
    }
  }
  others.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
  for (const { name } of others.filter((o, i) => i >= OTHER_VARIANTS_KEPT || o.name === OLD_SNAPSHOT)) {
    fs.rmSync(joinAbsolute(folder, name), { force: true });
    fs.rmSync(joinAbsolute(folder, `${name}.seal`), { force: true });
  }
};

/** Keeps the audit for re-runs. Never throws: without it, the next run scans. */
export const saveSnapshot = (rootAbs: string, options: SnapshotScanOptions, stamps: FileStamps, hashes: Map<string, string>, whole: WholeAudit): void => {
  const setting = options.cache;
  if (!setting || !stamps.tree.complete) return;
  try {
    const { tree } = stamps;
    const { audit } = whole;
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
    const records: Snapshot['records'] = audit.files.map((f) => [f.path, ...add(f)]);
    const graph = add({ edges: audit.edges.map(plainEdge), entries: audit.entries });
    const rest = add({ audit: { ...audit, files: null, edges: null, entries: null }, censusConfig: whole.censusConfig });
    const sum = bodySum(blobs);
    // The JSON text too: a re-run of `--format json` writes it as it is, with no deserializing and rendering.
    // In the renderer's pieces (about a megabyte each): the whole text is never held as one string.
    const textSum = createHash('sha256');
    let textLength = 0;
    for (const piece of jsonPieces(audit)) {
      const bytes = Buffer.from(piece);
      blobs.push(bytes);
      textSum.update(bytes);
      textLength += bytes.length;
    }
    // contentHash's form: the first 16 hex digits of the sha256.
    const json: Blob = [offset, textLength, textSum.digest('hex').slice(0, 16)];
    const key = snapshotKey(rootAbs, options);
    const variant = variantOf(options);
    const head = serialize({
      format: FORMAT,
      key,
      variant,
      focus: options.focus ?? '',
      time: tree.time,
      defaultExcludes: options.defaultExcludes,
      files,
      folders: tree.folders,
      links: tree.links,
      extras: tree.extras,
      markers: tree.markers,
      environment: whole.environment,
      unlisted: stamps.unlisted,
      root: audit.root,
      records,
      graph,
      rest,
      body: sum,
      json,
      generatedAt: audit.generatedAt,
    } satisfies Snapshot);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length);
    const pieces = [createHash('sha256').update(length).update(head).digest(), length, head, ...blobs];
    const name = nameOf(key, variant);
    if (setting.dir !== undefined) {
      fs.mkdirSync(setting.dir, { recursive: true });
      writeFileExclusive(joinAbsolute(setting.dir, name), pieces);
      tidy(setting.dir, name);
    } else {
      writeCensusFile(rootAbs, `${CACHE_DIR}/${name}`, pieces);
      writeSeal(rootAbs, `${CACHE_DIR}/${name}`);
      tidy(folderOf(rootAbs, setting), name);
    }
  } catch {
    // The facts cache already warned about an unwritable folder; the next run scans.
  }
};

const bodySum = (pieces: Uint8Array[]): string => {
  const sum = createHash('sha256');
  for (const p of pieces) sum.update(p);
  return sum.digest('hex');
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

/** Opens a recording and reads its head (checked against its checksum); the blobs stay on disk. */
const openSnapshot = (rootAbs: string, setting: CacheSetting, name: string): Opened | null => {
  const rel = `${CACHE_DIR}/${name}`;
  let fd: number;
  try {
    const abs = setting.dir !== undefined ? joinAbsolute(setting.dir, name) : prepareCensusPath(rootAbs, rel, { create: false });
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
    const lists = [s?.files, s?.folders, s?.links, s?.extras, s?.markers, s?.environment, s?.unlisted, s?.records, s?.graph, s?.rest, s?.json];
    if (s?.format !== FORMAT || lists.some((l) => !Array.isArray(l)) || typeof s.root !== 'string' || typeof s.time !== 'number' || typeof s.focus !== 'string' || typeof s.body !== 'string' || typeof s.generatedAt !== 'string') throw new Error('not this format');
    return { s, fd, bodyAt: HEAD_AT + headLength, bodyLength: st.size - HEAD_AT - headLength };
  } catch {
    fs.closeSync(fd);
    return null;
  }
};

const checkedBlob = ([offset, length]: Blob, bodyLength: number): void => {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length <= 0 || offset + length > bodyLength) throw new Error('snapshot index out of range');
};

/** A blob's bytes, checked against its hash. */
const blobBytes = (o: Opened, blob: Blob): Buffer => {
  checkedBlob(blob, o.bodyLength);
  const bytes = readAt(o.fd, o.bodyAt + blob[0], blob[1]);
  if (contentHash(bytes) !== blob[2]) throw new Error('snapshot blob damaged');
  return bytes;
};

const blobAt = (o: Opened, blob: Blob): unknown => deserialize(blobBytes(o, blob));

/** The whole Audit: the body in one read, each blob checked against its hash. Throws on any damage. */
const wholeAudit = (o: Opened): ReusedAudit => {
  const { s } = o;
  checkedBlob(s.json, o.bodyLength);
  const body = readAt(o.fd, o.bodyAt, s.json[0]);
  if (bodySum([body]) !== s.body) throw new Error('snapshot body damaged');
  const from = (blob: Blob): unknown => {
    checkedBlob(blob, body.length);
    return deserialize(body.subarray(blob[0], blob[0] + blob[1]));
  };
  const { audit, censusConfig } = from(s.rest) as { audit: Audit; censusConfig: CensusConfig | null };
  const { edges, entries } = from(s.graph) as { edges: Edge[]; entries: Entry[] };
  const files = s.records.map(([path, ...blob]) => {
    const record = from(blob) as FileRecord;
    if (record?.path !== path) throw new Error('snapshot record misplaced');
    return record;
  });
  if (typeof audit !== 'object' || audit === null || !Array.isArray(edges) || !Array.isArray(entries)) throw new Error('not an audit');
  audit.files = files;
  audit.edges = edges;
  audit.entries = entries;
  // The one field that differs from a scan made now; its place among the keys is kept.
  audit.generatedAt = new Date().toISOString();
  return { audit, censusConfig: censusConfig ?? null };
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

/**
 * True when, by stat (and content where stat cannot tell), nothing the recording came from changed.
 * `whole`: for the whole Audit, not only the why view: junk that came or went, the environment,
 * and the files git lists that the census leaves out (they decide `git.dirty`) count too.
 */
const unchanged = (rootAbs: string, s: Snapshot, maxFileSize: number, whole: boolean): boolean => {
  // The root is part of the key, so a repo path's absolute path is the root's plus the path (no join per file).
  const prefix = /[\\/]$/.test(rootAbs) ? rootAbs : `${rootAbs}/`;
  const under = (path: string): string => (path === '' ? rootAbs : prefix + path);
  // Changed within the racy window before the recording: the stamp may not show a later change in the same tick.
  const trusted = (stamp: string | null, now: string | null): boolean => stamp !== null && now === stamp && stampTime(stamp) < s.time - RACY_MS;
  for (const [abs, kind] of s.markers) if (kindOf(abs) !== kind) return false;
  const sameExtra = ([abs, stamp, hash]: ExtraStamp): boolean => {
    const now = statStamp(abs);
    return stamp === null ? now === null : trusted(stamp, now) || (now !== null && (hash.startsWith('dir:') ? folderDigest(abs) === hash : sameBytes(abs, hash)));
  };
  if (!s.extras.every(sameExtra)) return false;
  if (whole) {
    if (!s.environment.every(sameExtra)) return false;
    for (const [path, stamp, hash] of s.unlisted) {
      const abs = under(path);
      const now = statStamp(abs);
      if (stamp === null ? now !== null : !trusted(stamp, now) && (now === null || !sameBytes(abs, hash))) return false;
    }
  }
  for (const [path, link, kind, real] of s.links) {
    const abs = under(path);
    if (!trusted(link, statStamp(abs, true)) || kindOf(abs, true) !== kind || realpathOrNull(abs) !== real) return false;
  }
  const keptEntries = keptEntriesOf(rootAbs, s.defaultExcludes);
  for (const [path, stamp, names, withJunk] of s.folders) {
    const abs = under(path);
    if (trusted(stamp, statStamp(abs, true))) continue;
    // Something came, went or was replaced: still the same listable names (a __pycache__ is never
    // a change; a swap file is not one for why, but it is in the Audit's junk)?
    const kept = keptEntries(path);
    if (kept === null || (whole ? namesDigest(kept) !== withJunk : namesDigest(listable(kept)) !== names)) return false;
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

/** The recording names in the cache folder, newest first; `first` (when there) leads. */
const recordingNames = (rootAbs: string, setting: CacheSetting, first: string): string[] => {
  let folder: string;
  try {
    folder = folderOf(rootAbs, setting);
  } catch {
    return [];
  }
  const found: { name: string; mtime: number }[] = [];
  for (const name of readDirNames(folder)) {
    if (!SNAPSHOT_NAME.test(name)) continue;
    const st = fs.lstatSync(joinAbsolute(folder, name), { throwIfNoEntry: false });
    if (st?.isFile()) found.push({ name, mtime: name === first ? Infinity : st.mtimeMs });
  }
  return found.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1)).map((f) => f.name);
};

/** The opened recording, when its key is `key` and nothing it depends on changed since; null otherwise. */
const openFresh = (rootAbs: string, options: SnapshotScanOptions, name: string, key: string, whole: boolean, accept: (s: Snapshot) => boolean): Opened | null => {
  const setting = options.cache!;
  const opened = openSnapshot(rootAbs, setting, name);
  if (opened === null) return null;
  let fresh = false;
  try {
    fresh = opened.s.key === key && accept(opened.s) && opened.s.defaultExcludes === options.defaultExcludes && unchanged(rootAbs, opened.s, options.maxFileSize, whole);
  } catch {
    fresh = false;
  }
  if (!fresh) {
    fs.closeSync(opened.fd);
    return null;
  }
  return opened;
};

/**
 * The recorded audit for `why`, when nothing it depends on changed since; null means scan. Any
 * whole-root recording with the same key will do (a `check`'s, with duplicates, as well as a
 * `scan`'s): the why view does not depend on the variant. The caller closes it.
 */
export const freshAudit = (rootAbs: string, options: SnapshotScanOptions): RecordedAudit | null => {
  if (!options.cache) return null;
  let key: string;
  try {
    key = snapshotKey(rootAbs, options);
  } catch {
    return null;
  }
  for (const name of recordingNames(rootAbs, options.cache, nameOf(key, variantOf(options)))) {
    const opened = openFresh(rootAbs, options, name, key, false, (s) => s.focus === '');
    if (opened) return recorded(opened);
  }
  return null;
};

/**
 * The whole Audit a scan with these options recorded, when nothing it depends on changed since
 * (the environment included): what a scan now would produce, but for `generatedAt`. Null means
 * scan: no recording, another variant, any change, any damage.
 */
export const reusableAudit = (rootAbs: string, options: SnapshotScanOptions): ReusedAudit | null => withRecordedAudit(rootAbs, options, wholeAudit);

/**
 * The recorded Audit's JSON text, as `--format json` writes it, with `generatedAt` now, when the
 * Audit could be reused (reusableAudit's conditions); null means scan (or reuse the object).
 */
export const reusableAuditJson = (rootAbs: string, options: SnapshotScanOptions): string[] | null =>
  withRecordedAudit(rootAbs, options, (opened) => {
    const bytes = blobBytes(opened, opened.s.json);
    // generatedAt is the Audit's third key: its line is in the first few hundred bytes.
    const old = `"generatedAt": ${JSON.stringify(opened.s.generatedAt)}`;
    const at = bytes.subarray(0, 4096).indexOf(old);
    if (at < 0) return null;
    return [bytes.toString('utf8', 0, at), `"generatedAt": ${JSON.stringify(new Date().toISOString())}`, bytes.toString('utf8', at + Buffer.byteLength(old))];
  });

/** Opens the recording a scan with these options would reuse and reads it with `read`; null on any doubt. */
const withRecordedAudit = <T>(rootAbs: string, options: SnapshotScanOptions, read: (opened: Opened) => T | null): T | null => {
  if (!options.cache) return null;
  let opened: Opened | null = null;
  try {
    const key = snapshotKey(rootAbs, options);
    const variant = variantOf(options);
    opened = openFresh(rootAbs, options, nameOf(key, variant), key, true, (s) => s.variant === variant && s.focus === (options.focus ?? ''));
    return opened ? read(opened) : null;
  } catch {
    return null;
  } finally {
    if (opened) fs.closeSync(opened.fd);
  }
};
