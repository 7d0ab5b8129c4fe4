/**
 * One file, start to finish: read once, hash, decode, count, extract. Runs in a worker;
 * every problem becomes a warning on the file and the file stays in the census.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { FileFacts } from '../model/facts.js';
import type { FileRecord, Language } from '../model/file.js';
import { isSourceLanguage, languageRecord } from '../languages/registry.js';
import { languageFromShebang } from '../discover/language.js';
import { isResolutionInput } from '../discover/junk.js';
import { basename } from '../util/path.js';
import { warning } from '../util/diagnostics.js';
import { readBytesUpTo, scratchReader } from '../util/fs.js';
import { largeFileFacts, MAX_IMPORTS, readsLargeFile, scanCapOf, scansLargeFile } from './large-file-imports.js';
import { contentHash } from '../util/content-hash.js';
import { decode, looksBinary } from './decode.js';
import { countLines, type LineCounts } from './metrics.js';
import { fingerprintFile, isFingerprinted, type FileFingerprint, type FingerprintOptions } from '../analyses/duplicates/fingerprint.js';

export interface ScanRequest {
  path: string;
  abs: string;
  bytes: number;
  executable: boolean;
  symlink: boolean;
  /** null: extension-less; the shebang decides. */
  language: Language | null;
}

export interface ScannedFile {
  record: FileRecord;
  facts: FileFacts | null;
  diagnostics: Diagnostic[];
  /** Duplicate-detection fingerprint, when the scan asked for one (source files only). */
  fingerprint?: FileFingerprint;
  /** Why the file is junk, not source (binary bytes under a source or manifest name): listed, never analysed. */
  junk?: string;
  /**
   * The hash of the bytes of a file over --max-file-size that was read for its imports: its record's
   * hash stays '' (the Audit lists it as not analysed), and the facts cache keeps the result under this.
   */
  readHash?: string;
}

export interface ScanOptions {
  maxFileSize: number;
  /** Fingerprint source files for the duplicates analysis with these options. */
  fingerprint?: FingerprintOptions;
}

/**
 * Fingerprinting done elsewhere (extract/fingerprint-thread.ts, a thread beside extraction): scanFile
 * hands over the file's text and code at the point it would have fingerprinted them, and the
 * receiver sets `result.fingerprint` (or the crash warning, at `result.diagnostics.length` as now) later.
 */
export type FingerprintHandOff = (result: ScannedFile, text: string, language: Language, code: string) => void;

/**
 * Handed each text extraction decoded as plain UTF-8 (no byte order mark, nothing to note), with
 * the file's result once its facts are in: the text is what `fs.readFileSync(path, 'utf8')` would
 * answer for the same bytes, so a later stage may take it instead of reading the file again.
 */
export type TextKeeper = (result: ScannedFile, text: string) => void;


const firstLine = (bytes: Uint8Array): string => {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const nl = head.indexOf('\n');
  return nl < 0 ? head : head.slice(0, nl);
};

/** A UTF-8 BOM, which decoding drops and a plain UTF-8 read keeps. */
const hasBom = (bytes: Uint8Array): boolean => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** Every file is read into one buffer (per thread): nothing here keeps the bytes past the file. */
const readFile = scratchReader();

export const fingerprintCrash = (path: string, e: unknown): Diagnostic =>
  warning('duplicates/crash', `fingerprinting failed: ${(e as Error).message}; left out of the duplicates analysis`, path);

const setLineCounts = (record: FileRecord, counts: LineCounts): void => {
  record.lines = counts.lines;
  record.codeLines = counts.codeLines;
};

/** The file's record before its bytes are read, as discovery listed it. */
const listedAs = (req: ScanRequest): ScannedFile => {
  const record: FileRecord = {
    path: req.path,
    language: req.language ?? 'other',
    bytes: req.bytes,
    lines: 0,
    codeLines: 0,
    hash: '',
    executable: req.executable,
  };
  if (req.symlink) record.symlink = true;
  return { record, facts: null, diagnostics: [] };
};

/**
 * A file over --max-file-size: listed, its code not analysed. A JS/TS or Python file up to the scan
 * cap (large-file-imports.ts) is read once for its imports alone, so what only it loads (a bundle's
 * chunks) is not dead; a larger one, or one that cannot be read, is not read.
 */
const tooLarge = (req: ScanRequest, options: ScanOptions): ScannedFile => {
  const result = listedAs(req);
  if (req.language === 'other') return result;
  const over = `${req.bytes} bytes is over --max-file-size ${options.maxFileSize}`;
  result.record.incomplete = true;
  const language = req.language;
  if (language === null || !readsLargeFile(language, req.bytes, options.maxFileSize)) {
    const read = language !== null && scansLargeFile(language);
    result.diagnostics.push(warning('read/too-large', read ? `${over} and over ${scanCapOf(options.maxFileSize, language)}, the most read for imports; not analysed` : `${over}; not analysed`, req.path));
    return result;
  }
  const cap = scanCapOf(options.maxFileSize, language);
  const read = readBytesUpTo(req.abs, req.bytes, cap);
  if ('over' in read) {
    result.diagnostics.push(warning('read/too-large', `${over} and over ${cap}, the most read for imports; not analysed`, req.path));
    return result;
  }
  if ('error' in read) {
    result.diagnostics.push(warning('read/unreadable', `${read.error}; not analysed`, req.path));
    return result;
  }
  const bytes = read.bytes;
  // What follows depends on the bytes alone (and the options, which the cache's flavour holds).
  result.readHash = contentHash(bytes);
  if (looksBinary(bytes)) {
    delete result.record.incomplete;
    result.junk = `binary content in a ${language} file`;
    return result;
  }
  const decoded = decode(bytes, language);
  if (decoded.text === null) {
    result.diagnostics.push(warning('read/encoding', `${decoded.reason}; not analysed`, req.path));
    return result;
  }
  let facts: FileFacts | null;
  try {
    facts = largeFileFacts(req.path, decoded.text, language);
  } catch (e) {
    result.diagnostics.push(warning('extract/crash', `import scan of a file over --max-file-size failed: ${(e as Error).message}`, req.path));
    return result;
  }
  if (facts === null) {
    result.diagnostics.push(warning('read/too-large', `${over}; not analysed`, req.path));
    return result;
  }
  const count = facts.imports.length;
  const found = count >= MAX_IMPORTS ? `the first ${MAX_IMPORTS} imports kept` : `${count} import${count === 1 ? '' : 's'} found`;
  result.diagnostics.push(warning('read/too-large', `${over}: imports read by a scan only (${found}), the rest not analysed`, req.path));
  result.facts = facts;
  return result;
};

/*
 * The size check is all scanFile does itself: the too-large branch inside the reading function
 * had no type feedback until a repo's first large file (payload's pnpm-lock.yaml, half-way
 * through), and meeting it threw away that function's optimised code, with everything inlined
 * into it, to compile it all again. Here that costs a recompile of this small function at most.
 */
export const scanFile = (req: ScanRequest, options: ScanOptions, handOff?: FingerprintHandOff, keep?: TextKeeper): ScannedFile =>
  req.bytes > options.maxFileSize ? tooLarge(req, options) : scanListed(req, options, handOff, keep);

const scanListed = (req: ScanRequest, options: ScanOptions, handOff?: FingerprintHandOff, keep?: TextKeeper): ScannedFile => {
  const result = listedAs(req);
  const { record, diagnostics } = result;
  const read = readFile(req.abs, req.bytes);
  if ('error' in read) {
    diagnostics.push(warning('read/unreadable', `${read.error}; not analysed`, req.path));
    record.incomplete = true;
    return result;
  }
  const bytes = read.bytes;
  record.bytes = bytes.length;
  record.hash = contentHash(bytes);

  let language = req.language;
  if (language === null) language = languageFromShebang(firstLine(bytes)) ?? 'other';
  record.language = language;
  // Bytes no editor wrote under a source or manifest name (a stray build artefact, a corrupted copy):
  // junk, not a dead file and not a hole in the analysis.
  if ((language !== 'other' || isResolutionInput(req.path)) && looksBinary(bytes)) {
    result.junk = `binary content in a ${language === 'other' ? basename(req.path) : language} file`;
    return result;
  }
  if (language === 'other') return result;
  const decoded = decode(bytes, language);
  if (decoded.text === null) {
    diagnostics.push(warning('read/encoding', `${decoded.reason}; not analysed`, req.path));
    record.incomplete = true;
    return result;
  }
  if (decoded.note) diagnostics.push(warning('read/encoding', decoded.note, req.path));
  const text = decoded.text;
  const plain = decoded.note === undefined && !hasBom(bytes);
  const spec = languageRecord(language);
  // A file that mixes code and markup is counted and fingerprinted by its code alone.
  const code = spec?.codeView ? spec.codeView(req.path, text).text : text;
  const extractor = spec?.extractor;
  // After extraction when the extractor counts lines on its own walk of the same text (Python's
  // scan), so the text is not walked once more here.
  const countedByExtractor = extractor?.lineCountsOfLast !== undefined && code === text;
  if (!countedByExtractor) setLineCounts(record, countLines(code, language));

  if (options.fingerprint && isFingerprinted(language)) {
    if (handOff) handOff(result, text, language, code);
    else try {
      result.fingerprint = fingerprintFile(req.path, text, language, options.fingerprint, code);
    } catch (e) {
      diagnostics.push(fingerprintCrash(req.path, e));
    }
  }
  if (!extractor) {
    if (plain) keep?.(result, text);
    return result;
  }
  let facts: FileFacts;
  try {
    facts = extractor.extract(req.path, text, plain);
  } catch (e) {
    // An extractor must not throw; if one does, the file is still listed and the bug is visible.
    if (countedByExtractor) setLineCounts(record, countLines(code, language));
    diagnostics.push(warning('extract/crash', `${language} extractor failed: ${(e as Error).message}`, req.path));
    record.incomplete = true;
    return result;
  }
  if (countedByExtractor) setLineCounts(record, extractor.lineCountsOfLast?.() ?? countLines(code, language));
  for (const d of facts.diagnostics) diagnostics.push(d.location ? d : { ...d, location: { file: req.path } });
  if (facts.diagnostics.some((d) => d.id.endsWith('syntax-error') || d.id.endsWith('python2-syntax'))) record.incomplete = true;
  if (facts.summary) record.summary = facts.summary;
  if (facts.runnable.length > 0) record.runnable = facts.runnable;
  if (facts.complexity > 0) record.complexity = facts.complexity;
  result.facts = facts;
  if (plain) keep?.(result, text);
  return result;
};

/**
 * The source files whose code census could not read at all (over --max-file-size and the import
 * scan's cap, unreadable, undecodable, an extractor that failed): what they load is unknown, which
 * classify says on the dead files of their project.
 */
export const unreadSources = (scanned: readonly ScannedFile[]): string[] =>
  scanned.flatMap((s) => (s.facts === null && s.record.incomplete === true && isSourceLanguage(s.record.language) ? [s.record.path] : []));
