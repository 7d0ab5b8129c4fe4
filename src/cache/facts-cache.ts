/**
 * The facts cache: what extraction produced for a file, found again by the file's key (path and
 * what discovery knew about it) and content hash, so a re-run extracts only what changed.
 *
 * It lives in `.census/cache/` under the root (written only through store/census-dir.ts: no
 * symlinks followed, exclusive temp files renamed into place) or in a folder the user names.
 * Each run reads the pack of its flavour once and, when anything changed, writes a new complete
 * pack holding exactly the entries this run used: two runs at once each rename a whole file into
 * place (the last one wins, neither is torn), and entries of files gone are dropped.
 * The cache is an optimisation only: any problem (a read-only folder, a symlinked `.census`, a
 * damaged pack) turns it off or into misses with one warning, and the scan goes on.
 */
import fs from 'node:fs';
import { CENSUS_DIR, prepareCensusPath, writeCensusFile, writeFileExclusive } from '../store/census-dir.js';
import { errorMessage } from '../util/errors.js';
import { joinAbsolute } from '../util/path.js';
import { hasSeal, writeSeal } from './seal.js';
import { decodePack, deserializeValue, encodePack, packBlob, serializeValue, type Pack, type PackEntry } from './pack.js';

export const CACHE_DIR = `${CENSUS_DIR}/cache`;
/** Packs of other flavours (a `census dupes` beside a `census scan`, another census build) kept besides this run's. */
const OTHER_FLAVOURS_KEPT = 3;
const PACK_NAME = /^facts-[0-9a-f]{16}\.pack$/;
/** A temp file this old is litter from a killed run, not a write in progress. */
const STALE_TEMP_MS = 60 * 60 * 1000;
const IGNORE_ALL = '# Written by census: its facts cache, safe to delete, never committed.\n*\n';

export interface CacheOptions {
  /** The audited root: the default cache is its `.census/cache/`. */
  rootAbs: string;
  /** An absolute folder to keep the cache in instead (`--cache-dir`). */
  dir?: string;
  /** What extracted the facts (cache/flavour.ts). */
  flavour: string;
  /** A pack bigger than this is not read (a hostile or runaway file must not become a huge allocation). */
  maxPackBytes: number;
  /** Called at most once per cache, with a line saying why the cache is off or was not written. */
  onWarning?: (message: string) => void;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Why the previous pack was not used, when one was there. */
  ignored?: string;
  written: boolean;
}

const isMissing = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'ENOENT';

export class FactsCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, written: false };
  private previous: Pack | null = null;
  private readonly next = new Map<string, PackEntry>();
  private off = false;
  private warned = false;
  private readonly fileName: string;

  constructor(private readonly options: CacheOptions) {
    this.fileName = `facts-${options.flavour}.pack`;
    this.previous = this.load();
  }

  /** True when the previous run left an entry under this key (hashing the file is then worth it). */
  has(key: string): boolean {
    return this.previous?.index.has(key) === true;
  }

  /** The cached value for this key and content hash, when there is one that `valid` accepts. */
  get<T>(key: string, hash: string, valid: (value: unknown) => value is T): T | undefined {
    const blob = this.previous ? packBlob(this.previous, key, hash) : undefined;
    const value = blob === undefined ? undefined : deserializeValue(blob);
    if (blob === undefined || !valid(value)) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.next.set(key, { key, hash, blob });
    return value;
  }

  /** Remember a freshly computed value for the next run. */
  put(key: string, hash: string, value: unknown): void {
    if (this.off) return;
    this.next.set(key, { key, hash, blob: serializeValue(value) });
  }

  /** Write this run's entries, unless they are exactly the previous pack's. Never throws. */
  save(): void {
    if (this.off) return;
    const previous = this.previous;
    if (previous && previous.index.size === this.next.size && [...this.next.values()].every((e) => previous.index.get(e.key)?.hash === e.hash)) return;
    try {
      const keys = [...this.next.keys()].sort();
      const pieces = encodePack(this.options.flavour, keys.map((k) => this.next.get(k)!));
      if (this.options.dir !== undefined) {
        fs.mkdirSync(this.options.dir, { recursive: true });
        writeFileExclusive(joinAbsolute(this.options.dir, this.fileName), pieces);
      } else {
        writeCensusFile(this.options.rootAbs, `${CACHE_DIR}/${this.fileName}`, pieces);
        writeSeal(this.options.rootAbs, `${CACHE_DIR}/${this.fileName}`);
        const ignore = prepareCensusPath(this.options.rootAbs, `${CACHE_DIR}/.gitignore`);
        if (!fs.existsSync(ignore)) writeFileExclusive(ignore, IGNORE_ALL);
      }
      this.stats.written = true;
      this.tidy();
    } catch (e) {
      this.warn(`facts cache not written (${errorMessage(e)}); the next run extracts every file again`);
    }
  }

  private get folder(): string {
    return this.options.dir ?? joinAbsolute(this.options.rootAbs, CACHE_DIR);
  }

  private warn(message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.options.onWarning?.(message);
  }

  /** The previous pack of this flavour, or null (none, unreadable, damaged: all misses). */
  private load(): Pack | null {
    let abs: string;
    try {
      abs = this.options.dir !== undefined ? joinAbsolute(this.options.dir, this.fileName) : prepareCensusPath(this.options.rootAbs, `${CACHE_DIR}/${this.fileName}`, { create: false });
    } catch (e) {
      // A symlinked .census: census writes nothing there, so the cache is off for this run.
      this.off = true;
      this.warn(`facts cache off (${errorMessage(e)})`);
      return null;
    }
    let fd: number;
    try {
      fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    } catch (e) {
      if (!isMissing(e)) this.stats.ignored = `cannot open it (${errorMessage(e)})`;
      return null;
    }
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return this.ignore('not a regular file');
      // In the repository's own .census/, only a pack census wrote here counts (seal.ts); a folder the user named is theirs.
      if (this.options.dir === undefined && !hasSeal(this.options.rootAbs, `${CACHE_DIR}/${this.fileName}`, fd)) return this.ignore('not sealed by a census run on this machine');
      if (st.size > this.options.maxPackBytes) return this.ignore(`${st.size} bytes is more than this repository's facts can take`);
      const bytes = Buffer.allocUnsafe(st.size);
      let read = 0;
      while (read < st.size) {
        const n = fs.readSync(fd, bytes, read, st.size - read, read);
        if (n === 0) break;
        read += n;
      }
      const pack = decodePack(bytes.subarray(0, read));
      if ('invalid' in pack) return this.ignore(pack.invalid);
      if (pack.flavour !== this.options.flavour) return this.ignore('written by another census build or with other options');
      return pack;
    } catch (e) {
      return this.ignore(`cannot read it (${errorMessage(e)})`);
    } finally {
      fs.closeSync(fd);
    }
  }

  private ignore(why: string): null {
    this.stats.ignored = why;
    return null;
  }

  /** Bounds the folder: a few packs of other flavours, no temp files of killed runs. */
  private tidy(): void {
    const folder = this.folder;
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      return;
    }
    const now = Date.now();
    const others: { name: string; mtime: number }[] = [];
    for (const name of names) {
      if (name.endsWith('.seal') && PACK_NAME.test(name.slice(0, -5)) && !names.includes(name.slice(0, -5))) {
        // The seal of a pack removed by another run.
        fs.rmSync(joinAbsolute(folder, name), { force: true });
        continue;
      }
      const isPack = PACK_NAME.test(name) && name !== this.fileName;
      const isTemp = name.endsWith('.census-tmp');
      if (!isPack && !isTemp) continue;
      try {
        const st = fs.lstatSync(joinAbsolute(folder, name));
        if (isPack) others.push({ name, mtime: st.mtimeMs });
        else if (now - st.mtimeMs > STALE_TEMP_MS) fs.rmSync(joinAbsolute(folder, name), { force: true });
      } catch {
        // gone already (another run tidied): nothing to do
      }
    }
    others.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
    for (const { name } of others.slice(OTHER_FLAVOURS_KEPT)) {
      try {
        fs.rmSync(joinAbsolute(folder, name), { force: true });
        fs.rmSync(joinAbsolute(folder, `${name}.seal`), { force: true });
      } catch {
        // another run removed or replaced it: fine
      }
    }
  }
}
