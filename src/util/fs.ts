/**
 * The small set of disk reads that stages outside discover/ and store/ may use.
 * Everything returns null/false instead of throwing: a missing file is an answer, not an error.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { packageFileUrl } from '../own-files.js';
import { dirnameAbsolute, joinAbsolute } from './path.js';

export const readTextOrNull = (absPath: string): string | null => {
  try {
    return fs.readFileSync(absPath, 'utf8');
  } catch {
    return null;
  }
};

/**
 * A reader of repo files by their paths below `rootAbs`, or null when it is missing, unreadable, or resolves
 * (through a symlink anywhere on its path) to a place outside the root: a committed link must not
 * bring a file of the user's into the reports.
 */
/** True when the real path `real` is `rootReal` or lies below it. */
export const isInsideRoot = (rootReal: string, real: string): boolean => real === rootReal || real.startsWith(rootReal.endsWith('/') ? rootReal : `${rootReal}/`);

/**
 * What discovery's lstat saw of a listed file (DiscoveredFile's fields): its size, and whether it
 * is a link; undefined for a path discovery did not list.
 */
export type ListedFile = (path: string) => { bytes: number; symlink: boolean } | undefined;

/** The name that follows `dir` in `abs` (a path below it), without the slash between: joinAbsolute joins that as text. */
const nameAfter = (dir: string, abs: string): string => (abs.charCodeAt(dir.length) === 47 ? abs.slice(dir.length + 1) : abs.slice(dir.length));

export const repoTextReader = (
  rootAbs: string,
  limit?: { maxBytes: number; onTooLarge(path: string, bytes: number): void },
  listed?: ListedFile,
  /** The text a stage already read of a listed file, when it holds one: taken after every check here, instead of the read. */
  known?: (path: string) => string | undefined,
): ((path: string) => string | null) => {
  const rootReal = realpathOrNull(rootAbs) ?? rootAbs;
  // The real path of a folder, found once per reader: a realpath per file costs an lstat per
  // folder on its path, and detectors read thousands of files in the same few folders.
  const realDirs = new Map<string, string | null>([[rootAbs, rootReal]]);
  const realDir = (dirAbs: string): string | null => {
    const known = realDirs.get(dirAbs);
    if (known !== undefined) return known;
    let real: string | null;
    const parent = dirnameAbsolute(dirAbs);
    const stat = lstatOrNull(dirAbs);
    if (stat === null || parent === dirAbs) real = realpathOrNull(dirAbs);
    else if (stat.isSymbolicLink()) real = realpathOrNull(dirAbs);
    else if (!stat.isDirectory()) real = null;
    else {
      const parentReal = realDir(parent);
      real = parentReal === null ? null : joinAbsolute(parentReal, nameAfter(parent, dirAbs));
    }
    realDirs.set(dirAbs, real);
    return real;
  };
  /** The file's real path and its size when it is no link (a link's target is stat'ed later). */
  const realFile = (abs: string, seen: { bytes: number; symlink: boolean } | undefined): { real: string; size: number | null } | null => {
    if (!isInsideRoot(rootAbs, abs)) {
      const real = realpathOrNull(abs);
      return real === null ? null : { real, size: null };
    }
    let size: number | null;
    // A regular file discovery listed was lstat'ed there: its lstat is not asked again (payload:
    // 2,300 of the reader's 3,350 lstats). A link is, and the file's folders still are, below:
    // discovery's lstat followed any link among them.
    if (seen !== undefined && !seen.symlink) size = seen.bytes;
    else {
      const stat = lstatOrNull(abs);
      if (stat === null) return null;
      if (stat.isSymbolicLink()) {
        const real = realpathOrNull(abs);
        return real === null ? null : { real, size: null };
      }
      size = stat.isFile() ? stat.size : null;
    }
    const folder = dirnameAbsolute(abs);
    const dir = realDir(folder);
    return dir === null ? null : { real: joinAbsolute(dir, nameAfter(folder, abs)), size };
  };
  return (path) => {
    const found = realFile(joinAbsolute(rootAbs, path), listed?.(path));
    if (found === null || !isInsideRoot(rootReal, found.real)) return null;
    const real = found.real;
    if (limit) {
      let bytes: number;
      try {
        bytes = found.size ?? fs.statSync(real).size;
      } catch {
        return null;
      }
      // --max-file-size holds for manifests and configs too: a 60k-line Dockerfile is a payload, not a build.
      if (bytes > limit.maxBytes) {
        limit.onTooLarge(path, bytes);
        return null;
      }
    }
    return known?.(path) ?? readTextOrNull(real);
  };
};

/** All of standard input as text (file descriptor 0), or null when it cannot be read. */
export const readStdinOrNull = (): string | null => {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch {
    return null;
  }
};

export const readDirNames = (absPath: string): string[] => {
  try {
    return fs.readdirSync(absPath).sort();
  } catch {
    return [];
  }
};

export const isFile = (absPath: string): boolean => {
  try {
    return fs.statSync(absPath, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
};

export const isDirectory = (absPath: string): boolean => {
  try {
    return fs.statSync(absPath, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
};

// A missing path answers without an exception: building one per miss was most of the cost.
const lstatOrNull = (absPath: string): fs.Stats | null => {
  try {
    return fs.lstatSync(absPath, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
};

const statOrNull = (absPath: string): fs.Stats | null => {
  try {
    return fs.statSync(absPath, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
};

/** Whether anything (a link included, not followed) is at the path. */
export const pathExists = (absPath: string): boolean => lstatOrNull(absPath) !== null;

/**
 * pathExists, isDirectory and isFile with one answer per path for a whole scan. The JS resolver
 * asks every importing folder whether it holds a package.json or a node_modules, and the import
 * triage asks the same folders for a node_modules again (payload: 7,929 stats of 3,030 folders,
 * most failing), then each node_modules for each package once per importing folder. One lstat
 * answers all three questions; a link is stat'ed once more, followed, for isDirectory and isFile.
 * For one scan's stages, which read the tree as discovery found it: a long-lived caller makes a new one per scan.
 */
export interface PathProbe {
  /** pathExists: anything (a link included, not followed) is at the path. */
  exists(absPath: string): boolean;
  /** isDirectory: a folder, or a link to one, is at the path. */
  isDirectory(absPath: string): boolean;
  /** isFile: a regular file, or a link to one, is at the path. */
  isFile(absPath: string): boolean;
}

const { S_IFMT, S_IFDIR, S_IFREG, S_IFLNK } = fs.constants;

export const createPathProbe = (): PathProbe => {
  /** lstat's file type bits per path; 0 when lstat found nothing (or could not look). */
  const types = new Map<string, number>();
  /** stat's, for the paths lstat found a link at. */
  const followed = new Map<string, number>();
  const typeOf = (absPath: string): number => {
    let type = types.get(absPath);
    if (type === undefined) {
      const stat = lstatOrNull(absPath);
      types.set(absPath, (type = stat === null ? 0 : stat.mode & S_IFMT));
    }
    return type;
  };
  /** The type of what the path leads to, links followed. */
  const targetTypeOf = (absPath: string): number => {
    const type = typeOf(absPath);
    if (type !== S_IFLNK) return type;
    let target = followed.get(absPath);
    if (target === undefined) {
      const stat = statOrNull(absPath);
      followed.set(absPath, (target = stat === null ? 0 : stat.mode & S_IFMT));
    }
    return target;
  };
  return {
    exists: (absPath) => typeOf(absPath) !== 0,
    isDirectory: (absPath) => targetTypeOf(absPath) === S_IFDIR,
    isFile: (absPath) => targetTypeOf(absPath) === S_IFREG,
  };
};

export const realpathOrNull = (absPath: string): string | null => {
  try {
    return fs.realpathSync(absPath);
  } catch {
    return null;
  }
};

/**
 * Bytes gathered before one write of a text given in pieces. The JSON reporter's pieces are about
 * 13 KB (report/json.ts): a write each was 54,000 writes for saleor-100k's 700 MB Audit, whose
 * system time a buffer of this size about halves (0.5 → 0.27 s for 650 MB of such pieces).
 */
const WRITE_BUFFER_BYTES = 1 << 20;

/** Writes `bytes[0..length)` whole (a write may take fewer bytes than it was given). */
const writeAll = (fd: number, bytes: Buffer, length: number): void => {
  for (let done = 0; done < length; ) done += fs.writeSync(fd, bytes, done, length - done);
};

export const writeTextFile = (absPath: string, text: string | Iterable<string>): void => {
  fs.mkdirSync(dirnameAbsolute(absPath), { recursive: true });
  if (typeof text === 'string') {
    fs.writeFileSync(absPath, text);
    return;
  }
  const fd = fs.openSync(absPath, 'w');
  try {
    const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
    let used = 0;
    for (const piece of text) {
      // A UTF-16 unit takes at most 3 bytes of UTF-8 (a surrogate pair's two units take 4): a piece
      // that might not fit whole goes after what is gathered, and one larger than the buffer alone.
      if (piece.length * 3 > WRITE_BUFFER_BYTES - used) {
        writeAll(fd, buffer, used);
        used = 0;
        if (piece.length * 3 > WRITE_BUFFER_BYTES) {
          fs.writeSync(fd, piece);
          continue;
        }
      }
      used += buffer.write(piece, used);
    }
    writeAll(fd, buffer, used);
  } finally {
    fs.closeSync(fd);
  }
};

export type ReadResult = { bytes: Buffer } | { error: string };

/** Why a read failed, in words a user understands. */
const readError = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOENT' ? 'file disappeared during the scan'
    : code === 'EISDIR' ? 'is a folder'
    : code === 'ELOOP' ? 'symlink loop'
    : `cannot read (${code ?? (e as Error).message})`;
};

/** Read a whole file, reporting why not in words a user understands. */
export const readBytes = (absPath: string): ReadResult => {
  try {
    return { bytes: fs.readFileSync(absPath) };
  } catch (e) {
    return { error: readError(e) };
  }
};

/** `read` of the file opened for reading, closed after; a failure to open or read, in words. */
const readOpen = <T>(absPath: string, read: (fd: number) => T): T | { error: string } => {
  let fd: number;
  try {
    fd = fs.openSync(absPath, 'r');
  } catch (e) {
    return { error: readError(e) };
  }
  try {
    return read(fd);
  } catch (e) {
    return { error: readError(e) };
  } finally {
    fs.closeSync(fd);
  }
};

/**
 * Reads an open file to its end into `buffer`, doubling it as needed but never past `max + 1` bytes
 * (a file may grow after it was listed). One read that returns the size the file was listed with
 * ends it, as readFileSync trusts fstat's size. Returns the buffer it ended in.
 */
const readInto = (fd: number, buffer: Buffer, expected: number, max = Infinity): { buffer: Buffer; length: number } => {
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > max) break;
      const bigger = Buffer.allocUnsafeSlow(Math.min(buffer.length * 2, max + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    length += n;
    // the size it had when listed, in one read: done
    if (n === 0 || (length === expected && length === n)) break;
  }
  return { buffer, length };
};

/**
 * The whole file when it holds at most `max` bytes, in a buffer of its own; `{ over: true }` when it
 * holds more (only `max + 1` bytes are ever read, whatever its size says: a file may grow after it
 * was listed). For the few files over --max-file-size whose imports are read (extract/large-file-imports.ts).
 */
export const readBytesUpTo = (absPath: string, expected: number, max: number): ReadResult | { over: true } =>
  readOpen(absPath, (fd) => {
    const { buffer, length } = readInto(fd, Buffer.allocUnsafeSlow(Math.min(expected, max) + 1), expected, max);
    return length > max ? { over: true } : { bytes: buffer.subarray(0, length) };
  });

export type ScratchReadResult = { bytes: Uint8Array } | { error: string };

/**
 * A reader of whole files into one buffer it reuses: the bytes of a read are valid until the next
 * read. For a pass that reads every file once and keeps only what it derives from the bytes (a
 * hash, a decoded text): readFileSync stats each file for its size and allocates a buffer for it,
 * and those buffers (external memory, tens of MB over a repo) are what drives V8's collections.
 * `expected` is the size the caller saw (discovery's lstat); a file that grew or shrank since is
 * still read to its end, at the cost of one more read.
 */
export const scratchReader = (): ((absPath: string, expected: number) => ScratchReadResult) => {
  let buffer: Buffer = Buffer.allocUnsafeSlow(1 << 16);
  return (absPath, expected) =>
    readOpen(absPath, (fd) => {
      if (buffer.length <= expected) buffer = Buffer.allocUnsafeSlow(Math.max(expected + 1, buffer.length * 2));
      const read = readInto(fd, buffer, expected);
      buffer = read.buffer;
      return { bytes: buffer.subarray(0, read.length) };
    });
};

/** A fresh private folder under the system temp dir (for census trace's hook files). */
export const makeTempDir = (prefix: string): string => fs.mkdtempSync(joinAbsolute(os.tmpdir(), prefix));

/** Remove a folder census created itself; a failure leaves litter in the temp dir, nothing worse. */
export const removeTree = (absPath: string): void => {
  try {
    fs.rmSync(absPath, { recursive: true, force: true });
  } catch {
    // nothing to do: temp dirs are cleaned by the system eventually
  }
};

/** A file shipped with census itself (`docs/audit.schema.json`), by its path in the package. */
export const readPackageFile = (relative: string): string | null => readTextOrNull(fileURLToPath(packageFileUrl(relative)));

/** What is at a path without following a final symlink (census apply refuses to write through links). */
export type PathKind = 'file' | 'directory' | 'symlink' | 'missing' | 'other';
export const pathKind = (absPath: string): PathKind => {
  try {
    const s = fs.lstatSync(absPath);
    return s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
};

/** A file's bytes and permission bits, to put it back exactly (census apply's rollback). */
export interface SavedFile {
  bytes: Buffer;
  mode: number;
}
export const saveFile = (absPath: string): SavedFile => ({ bytes: fs.readFileSync(absPath), mode: fs.statSync(absPath).mode & 0o7777 });
export const restoreFile = (absPath: string, saved: SavedFile): void => {
  fs.mkdirSync(dirnameAbsolute(absPath), { recursive: true });
  fs.writeFileSync(absPath, saved.bytes);
  fs.chmodSync(absPath, saved.mode);
};

/** Replace a file's content in place, keeping its mode (an edit, never a new file). */
export const overwriteBytes = (absPath: string, bytes: Buffer): void => fs.writeFileSync(absPath, bytes);

export const makeDirs = (absPath: string): void => {
  fs.mkdirSync(absPath, { recursive: true });
};

export const removeFileIfPresent = (absPath: string): void => {
  fs.rmSync(absPath, { force: true });
};

/** Remove a folder only when it is empty; true when it was removed. */
export const removeEmptyDir = (absPath: string): boolean => {
  try {
    fs.rmdirSync(absPath);
    return true;
  } catch {
    return false;
  }
};

/** Copy one file (a symlink as a symlink), creating the folders above it. */
export const copyEntry = (fromAbs: string, toAbs: string): void => {
  fs.mkdirSync(dirnameAbsolute(toAbs), { recursive: true });
  fs.cpSync(fromAbs, toAbs, { verbatimSymlinks: true, preserveTimestamps: true });
};

/**
 * A read-write file (a child's stdout) that nobody else can open: made in a private folder, then unlinked
 * (the open descriptor keeps it), so nothing is left behind whatever happens to either process.
 */
export const anonymousTempFile = (prefix: string): number => {
  const dir = makeTempDir(prefix);
  const path = joinAbsolute(dir, 'file');
  try {
    const fd = fs.openSync(path, 'w+', 0o600);
    fs.unlinkSync(path);
    return fd;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/** The whole of an open file (read by position, whatever its offset), or null when it is over `maxBuffer` bytes. */
export const readWholeFd = (fd: number, maxBuffer: number): Buffer | null => {
  const size = fs.fstatSync(fd).size;
  if (size > maxBuffer) return null;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const n = fs.readSync(fd, out, at, size - at, at);
    if (n === 0) break;
    at += n;
  }
  return at === size ? out : out.subarray(0, at);
};

export const closeFd = (fd: number): void => fs.closeSync(fd);
