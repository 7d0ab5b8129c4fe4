/**
 * A file's duplicate-detection fingerprint: a pure function of (path, text, tokenizer mode) that
 * runs where extraction runs, or on the fingerprint thread (extract/fingerprint-thread.ts), which
 * loads this module without the language registry and its extractors. Everything in it is numbers
 * in typed arrays or short strings, so it is cheap to send between threads; the main thread never
 * needs the text again. fingerprint.ts maps a file's language to its mode.
 */
import { hash } from 'node:crypto';
import { basename } from '../../util/path.js';
import { hashRange, hashString, kgramHashes, winnow } from './hash.js';
import { KEYWORDS, type TokenMode } from './keywords.js';
import { RangeSlots } from './range-slots.js';
import { TermCounter } from './terms.js';
import { TOKEN_IDENTIFIER, TOKEN_KEYWORD, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_STRING, tokenize } from './tokenize.js';

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

/** Token hashes that do not depend on the token's text: an abstracted identifier, string or number, an empty string. */
const EMPTY_IDENTIFIER = hashString('', TOKEN_IDENTIFIER);
const EMPTY_STRING = hashString('', TOKEN_STRING);
const EMPTY_NUMBER = hashString('', TOKEN_NUMBER);
/** One-character punctuation below 128, hashed once. */
const PUNCT_HASHES = Uint32Array.from({ length: 128 }, (_, c) => hashString(String.fromCharCode(c), TOKEN_PUNCT));

/** Each mode's keywords by their identifier hash (what a word is looked up by): a word is a keyword when its text is one of them. */
const keywordsByHash = new Map<TokenMode, Map<number, string[]>>();
const keywordIndex = (mode: TokenMode): Map<number, string[]> => {
  let index = keywordsByHash.get(mode);
  if (!index) {
    keywordsByHash.set(mode, (index = new Map()));
    for (const word of KEYWORDS[mode]) {
      const h = hashString(word, TOKEN_IDENTIFIER);
      const list = index.get(h);
      if (list) list.push(word);
      else index.set(h, [word]);
    }
  }
  return index;
};

const isKeyword = (index: Map<number, string[]>, text: string, start: number, end: number, hash: number): boolean => {
  const words = index.get(hash);
  if (words === undefined) return false;
  // A loop, not some(): no closure per distinct word of every file.
  for (let i = 0; i < words.length; i++) if (words[i].length === end - start && text.startsWith(words[i], start)) return true;
  return false;
};

/** Whitespace as String.prototype.trim removes it (a segment of a multi-line string holds no line feed). */
const isTrimmed = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
  c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The distinct words and strings of the file being fingerprinted (one file at a time per thread). */
const wordSlots = new RangeSlots();
const stringSlots = new RangeSlots();
/** The subject words of the file being fingerprinted. */
const terms = new TermCounter();
/** A word slot's flag: the word is a keyword (no subject word, a concrete hash). */
const KEYWORD_SLOT = 1;

/** Files up to this many characters share one set of work arrays (per thread); larger ones get their own. */
const SHARED_WORK = 1 << 18;
const workArrays = (size: number) => ({ tokens: new Uint32Array(size), lineStarts: new Uint32Array(size), lineNumbers: new Uint32Array(size), kgrams: new Uint32Array(size) });
let work = workArrays(0);
const workFor = (length: number): typeof work => {
  if (length > SHARED_WORK) return workArrays(length);
  if (work.tokens.length < length) work = workArrays(Math.min(SHARED_WORK, Math.max(length, 2 * work.tokens.length, 1 << 14)));
  return work;
};

/** `code` is the text's code alone when the file mixes code and markup (its record's codeView); the content hash stays the whole file's. */
export const fingerprintText = (path: string, text: string, mode: TokenMode, options: FingerprintOptions, code: string): FileFingerprint => {
  // Every token is at least one character, and so is every line that has one: the code's length bounds the arrays.
  const { tokens: tokenHashes, lineStarts, lineNumbers, kgrams: kgramWork } = workFor(code.length + 1);
  let count = 0;
  let lines = 0;
  let lastLine = 0;
  const abstract = options.abstractIdentifiers;
  const keywords = keywordIndex(mode);
  // Each distinct word and string of the file has a slot: its token hash is computed once, its
  // words are split once, and a repeat costs a hash and a comparison, no string.
  wordSlots.reset(code);
  stringSlots.reset(code);
  terms.clear();
  // Tokens that are not a range of the code (a heredoc's bodies and word): their subject words by text.
  const loose = new Map<string, number>();
  const add = (hash: number, line: number) => {
    if (line !== lastLine) {
      lineStarts[lines] = count;
      lineNumbers[lines++] = line;
      lastLine = line;
    }
    tokenHashes[count++] = hash;
  };
  // A multi-line string (docstring, SQL, template) counts one token per non-blank line, so a file
  // that is mostly one big string is not "similar" to every other such file.
  const addLines = (source: string, start: number, end: number, line: number) => {
    const before = count;
    for (let from = start, i = 0; from <= end; i++) {
      let to = source.indexOf('\n', from);
      if (to < 0 || to > end) to = end;
      let s = from;
      let e = to;
      while (s < e && isTrimmed(source.charCodeAt(s))) s++;
      while (e > s && isTrimmed(source.charCodeAt(e - 1))) e--;
      if (e > s) add(abstract ? EMPTY_STRING : hashRange(source, s, e, TOKEN_STRING), line + i);
      from = to + 1;
    }
    if (count === before) add(EMPTY_STRING, line);
  };
  tokenize(code, mode, {
    word(start, end, line) {
      const hash = hashRange(code, start, end, TOKEN_IDENTIFIER);
      let slot = wordSlots.find(start, end, hash);
      if (slot < 0) {
        slot = wordSlots.add(start, end, hash);
        if (isKeyword(keywords, code, start, end, hash)) {
          wordSlots.flags[slot] = KEYWORD_SLOT;
          // Keywords stay concrete when identifiers are abstracted.
          wordSlots.values[slot] = hashRange(code, start, end, TOKEN_KEYWORD);
        } else wordSlots.values[slot] = abstract ? EMPTY_IDENTIFIER : hash;
      }
      // add(), written out in the sinks called per token: census runs V8 without inlining (bin/engine.js).
      if (line !== lastLine) {
        lineStarts[lines] = count;
        lineNumbers[lines++] = line;
        lastLine = line;
      }
      tokenHashes[count++] = wordSlots.values[slot];
      return wordSlots.flags[slot] === KEYWORD_SLOT ? TOKEN_KEYWORD : TOKEN_IDENTIFIER;
    },
    string(start, end, line, newlines) {
      const hash = hashRange(code, start, end, TOKEN_STRING);
      let slot = stringSlots.find(start, end, hash);
      if (slot < 0) {
        slot = stringSlots.add(start, end, hash);
        stringSlots.values[slot] = abstract ? EMPTY_STRING : hash;
      }
      if (newlines > 0) addLines(code, start, end, line);
      else add(stringSlots.values[slot], line);
    },
    number(start, end, line) {
      add(abstract ? EMPTY_NUMBER : hashRange(code, start, end, TOKEN_NUMBER), line);
    },
    punct(at, line) {
      const c = code.charCodeAt(at);
      if (line !== lastLine) {
        lineStarts[lines] = count;
        lineNumbers[lines++] = line;
        lastLine = line;
      }
      tokenHashes[count++] = c < 128 ? PUNCT_HASHES[c] : hashRange(code, at, at + 1, TOKEN_PUNCT);
    },
    token(kind, value, line) {
      loose.set(value, (loose.get(value) ?? 0) + (kind === TOKEN_PUNCT ? 0 : 1));
      if (kind === TOKEN_STRING && value.includes('\n')) addLines(value, 0, value.length, line);
      else add(abstract && kind !== TOKEN_PUNCT ? hashString('', kind) : hashString(value, kind), line);
    },
    comment(start, end) {
      terms.addOf(code, start, end);
    },
  });
  // A text that is both a word and a string has two slots; its words' counts add up the same.
  for (let slot = 0; slot < wordSlots.size; slot++) {
    if (wordSlots.flags[slot] !== KEYWORD_SLOT) terms.addOf(code, wordSlots.starts[slot], wordSlots.ends[slot], wordSlots.counts[slot]);
  }
  for (let slot = 0; slot < stringSlots.size; slot++) terms.addOf(code, stringSlots.starts[slot], stringSlots.ends[slot], stringSlots.counts[slot]);
  for (const [value, times] of loose) if (times > 0) terms.add(value, times);
  terms.add(fileStem(path), NAME_WEIGHT);

  const tokens = tokenHashes.slice(0, count);
  // Files shorter than one k-gram still get one fingerprint: the hash of all their tokens.
  // The k-grams are a work array too: winnow copies out what it keeps.
  const kgrams = tokens.length >= options.k ? kgramHashes(tokens, options.k, kgramWork) : tokens.length > 0 ? kgramHashes(tokens, tokens.length) : new Uint32Array(0);
  const winnowed = winnow(kgrams, options.w);
  const subject = terms.sorted();
  return {
    normalizedHash: normalizedContentHash(text),
    tokens: tokens.length,
    abstracted: abstract,
    k: options.k,
    w: options.w,
    tokenHashes: tokens,
    winnowHashes: winnowed.hashes,
    winnowPositions: winnowed.positions,
    lineTokenStarts: lineStarts.slice(0, lines),
    lineNumbers: lineNumbers.slice(0, lines),
    terms: subject.terms,
    termCounts: subject.counts,
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
