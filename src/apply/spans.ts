/**
 * Minimal text edits: a reference is changed by replacing the exact characters that spell it,
 * never by reprinting the file, so formatting, quotes and line endings stay the file's own.
 * Texts are held as "binary strings" (one char per byte, latin1) so a file that is not valid UTF-8
 * comes back byte for byte; search strings are converted with toBinary.
 */
import { lineStarts } from '../util/lines.js';

export interface Span {
  start: number;
  end: number;
  replacement: string;
}

/** A file's text, one char per byte, with its line starts. */
export interface LineText {
  text: string;
  starts: number[];
}

export const binaryText = (bytes: Buffer): LineText => {
  const text = bytes.toString('latin1');
  return { text, starts: lineStarts(text) };
};

export const toBinary = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
export const fromBinary = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');

/** The offsets of a 1-based line, without its terminator; null past the end. */
export const lineRange = (t: LineText, line: number): { start: number; end: number } | null => {
  if (line < 1 || line > t.starts.length) return null;
  const start = t.starts[line - 1];
  let end = line < t.starts.length ? t.starts[line] - 1 : t.text.length;
  if (end > start && t.text.charCodeAt(end - 1) === 13) end--;
  return { start, end };
};

/** Every match of `re` (global) inside [start, end), as absolute offsets. */
export const matchesIn = (t: LineText, start: number, end: number, re: RegExp): { index: number; match: RegExpExecArray }[] => {
  const slice = t.text.slice(start, end);
  const out: { index: number; match: RegExpExecArray }[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(slice); m !== null; m = g.exec(slice)) {
    out.push({ index: start + m.index, match: m });
    if (m[0] === '') g.lastIndex++;
  }
  return out;
};

/**
 * Apply spans to a text: identical spans count once; two different edits of overlapping
 * characters are a conflict (two plan items want the same reference), reported, not guessed.
 */
export const applySpans = (text: string, spans: Span[]): { text: string } | { conflict: Span[] } => {
  const unique = new Map<string, Span>();
  for (const s of spans) unique.set(`${s.start}:${s.end}:${s.replacement}`, s);
  const sorted = [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return { conflict: [sorted[i - 1], sorted[i]] };
  let out = '';
  let at = 0;
  for (const s of sorted) {
    out += text.slice(at, s.start) + s.replacement;
    at = s.end;
  }
  return { text: out + text.slice(at) };
};
