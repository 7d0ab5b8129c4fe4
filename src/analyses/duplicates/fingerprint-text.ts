/**
 * A file's duplicate-detection fingerprint: a pure function of (path, text, tokenizer mode) that
 * runs where extraction runs, or on the fingerprint thread (extract/fingerprint-thread.ts), which
 * loads this module without the language registry and its extractors. Everything in it is numbers
 * in typed arrays or short strings, so it is cheap to send between threads; the main thread never
 * needs the text again. fingerprint.ts maps a file's language to its mode.
 */
import { hash } from 'node:crypto';
import { basename } from '../../util/path.js';
import { hashString, kgramHashes, winnow } from './hash.js';
import type { TokenMode } from './keywords.js';
import { addTerms } from './terms.js';
import { TOKEN_IDENTIFIER, TOKEN_KEYWORD, TOKEN_NUMBER, TOKEN_STRING, tokenize } from './tokenize.js';

export interface FingerprintOptions {
  /** Replace identifiers and literals by their kind, so renamed variables still match. */
  abstractIdentifiers: boolean;
  /** Tokens per k-gram. */
  k: number;
  /** Winnowing window, in k-grams. Shared runs of k + w - 1 tokens or more are always seen. */
  w: number;
}

export const DEFAULT_FINGERPRINT_OPTIONS: FingerprintOptions = { abstractIdentifiers: false, k: 12, w: 16 };

export interface FileFingerprint {
  /** Content hash after normalising line endings and trailing whitespace (sha256, 16 hex chars). */
  normalizedHash: string;
  /** Number of code tokens (comments and whitespace excluded). */
  tokens: number;
  /** Whether identifiers and literals were abstracted (must match the find options). */
  abstracted: boolean;
  /** Tokens per k-gram and the winnowing window the fingerprints were made with. */
  k: number;
  w: number;
  /** One 32-bit hash per normalised token: what block clones are extended and verified over. */
  tokenHashes: Uint32Array;
  /** Winnowed k-gram hashes, in token order, and the token index where each k-gram starts. */
  winnowHashes: Uint32Array;
  winnowPositions: Uint32Array;
  /** Line map: the first token index of each line that has tokens, and that line's number. */
  lineTokenStarts: Uint32Array;
  lineNumbers: Uint32Array;
  /** Subject words (sorted) and how often each occurs; file-name words weigh more. */
  terms: string[];
  termCounts: Uint32Array;
}

/** File-name words say most about what a script does ("stress_test.py" vs "run_stress.ts"). */
const NAME_WEIGHT = 3;

/** Normalises line endings, trailing whitespace and trailing blank lines, then hashes. */
export const normalizedContentHash = (text: string): string => {
  let normal = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Most files are already clean: only pay for the replacements when there is something to replace.
  if (normal.includes('\r')) normal = normal.replace(/\r\n?/g, '\n');
  if (/[ \t\f\v]\n/.test(normal)) normal = normal.replace(/[ \t\f\v]+\n/g, '\n');
  let end = normal.length;
  while (end > 0 && /[\n \t\f\v]/.test(normal[end - 1])) end--;
  // The one-shot hash, as util/content-hash.ts uses: no Hash object per file.
  return hash('sha256', end === normal.length ? normal : normal.slice(0, end), 'hex').slice(0, 16);
};

const fileStem = (path: string): string => basename(path).replace(/\.[^.]*$/, '');

/** Keywords are few and never abstracted: their hashes are kept for every file. */
const keywordHashes = new Map<string, number>();
const keywordHash = (word: string): number => {
  let h = keywordHashes.get(word);
  if (h === undefined) keywordHashes.set(word, (h = hashString(word, TOKEN_KEYWORD)));
  return h;
};

/** `code` is the text's code alone when the file mixes code and markup (its record's codeView); the content hash stays the whole file's. */
export const fingerprintText = (path: string, text: string, mode: TokenMode, options: FingerprintOptions, code: string): FileFingerprint => {
  // Every token is at least one character: the text length bounds both arrays.
  const tokenHashes = new Uint32Array(code.length);
  let count = 0;
  const lineStarts: number[] = [];
  const lineNumbers: number[] = [];
  let lastLine = 0;
  // Each distinct identifier and string of the file has a slot: its token hash is computed once,
  // and its words are split once, not once per occurrence.
  const identifierSlots = new Map<string, number>();
  const stringSlots = new Map<string, number>();
  const sources: string[] = [];
  const sourceCounts: number[] = [];
  const sourceHashes: number[] = [];
  const comments: string[] = [];
  const abstract = options.abstractIdentifiers;
  const add = (hash: number, line: number) => {
    if (line !== lastLine) {
      lineStarts.push(count);
      lineNumbers.push(line);
      lastLine = line;
    }
    tokenHashes[count++] = hash;
  };
  const slotOf = (slots: Map<string, number>, value: string, kind: number): number => {
    let slot = slots.get(value);
    if (slot === undefined) {
      slots.set(value, (slot = sources.length));
      sources.push(value);
      sourceCounts.push(0);
      sourceHashes.push(hashString(abstract ? '' : value, kind));
    }
    sourceCounts[slot]++;
    return slot;
  };
  tokenize(code, mode, {
    token(kind, value, line) {
      if (kind === TOKEN_STRING && value.includes('\n')) {
        slotOf(stringSlots, value, kind);
        // A multi-line string (docstring, SQL, template) counts one token per non-blank line, so a
        // file that is mostly one big string is not "similar" to every other such file.
        const before = count;
        value.split('\n').forEach((text, i) => {
          const trimmed = text.trim();
          if (trimmed !== '') add(hashString(abstract ? '' : trimmed, kind), line + i);
        });
        if (count === before) add(hashString('', kind), line);
        return;
      }
      if (kind === TOKEN_IDENTIFIER) add(sourceHashes[slotOf(identifierSlots, value, kind)], line);
      else if (kind === TOKEN_STRING) add(sourceHashes[slotOf(stringSlots, value, kind)], line);
      else if (kind === TOKEN_KEYWORD) add(keywordHash(value), line);
      else add(hashString(abstract && kind === TOKEN_NUMBER ? '' : value, kind), line);
    },
    comment(textOfComment) {
      comments.push(textOfComment);
    },
  });
  const terms = new Map<string, number>();
  // A text that is both an identifier and a string has two slots; its words' counts add up the same.
  for (let slot = 0; slot < sources.length; slot++) addTerms(terms, sources[slot], sourceCounts[slot]);
  for (const comment of comments) addTerms(terms, comment);
  addTerms(terms, fileStem(path), NAME_WEIGHT);

  const tokens = tokenHashes.slice(0, count);
  // Files shorter than one k-gram still get one fingerprint: the hash of all their tokens.
  const kgrams = tokens.length >= options.k ? kgramHashes(tokens, options.k) : tokens.length > 0 ? kgramHashes(tokens, tokens.length) : new Uint32Array(0);
  const winnowed = winnow(kgrams, options.w);
  // The default order is by UTF-16 code units, as `<` compares, without a call per comparison.
  const sortedTerms = [...terms.keys()].sort();
  return {
    normalizedHash: normalizedContentHash(text),
    tokens: tokens.length,
    abstracted: abstract,
    k: options.k,
    w: options.w,
    tokenHashes: tokens,
    winnowHashes: winnowed.hashes,
    winnowPositions: winnowed.positions,
    lineTokenStarts: Uint32Array.from(lineStarts),
    lineNumbers: Uint32Array.from(lineNumbers),
    terms: sortedTerms,
    termCounts: Uint32Array.from(sortedTerms.map((t) => terms.get(t) ?? 0)),
  };
};

/** The line a token is on (binary search in the line map); 0 when the file has no tokens. */
export const lineOfToken = (fp: FileFingerprint, token: number): number => {
  const starts = fp.lineTokenStarts;
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= token) lo = mid;
    else hi = mid - 1;
  }
  return fp.lineNumbers[lo];
};
