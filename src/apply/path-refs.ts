/**
 * Rewrites mentions of a file on one line of a command file, manifest or doc: its repo path (also
 * at the end of a longer path such as `/opt/app/scripts/x.py`), its path relative to the mentioning
 * file (`./x.sh`, `../scripts/x.py`), its dotted module (`python -m pkg.mod`, `uvicorn pkg.main:app`)
 * and, for docs, its bare file name when that changes.
 */
import { posix } from '../util/path.js';
import { pythonModuleParts } from './python-refs.js';
import { matchesIn, toBinary, type LineText, type Span } from './spans.js';
import { escapeRegExp } from '../util/regexp.js';

export interface PathMove {
  /** The mentioning file before and after the apply. */
  from: string;
  newFrom: string;
  oldPath: string;
  newPath: string;
  /** Also rewrite a bare file name (docs mention files by name). */
  names: boolean;
}

/** A path ends where a path character would not continue it (`x.py.bak` and `x.pyc` are other files). */
const END = '(?![\\w/-]|\\.\\w)';

const relativeTo = (fromFile: string, target: string): string => posix.relative(posix.dirname(fromFile), target);

/** Spans on [start, end) of `t` that switch each mention of `oldPath` to `newPath`. */
export const pathMentionSpans = (t: LineText, start: number, end: number, move: PathMove): Span[] => {
  const { from, newFrom, oldPath, newPath } = move;
  const spans: Span[] = [];
  // The first form to claim characters wins: a relative path before the repo path at its tail.
  const add = (index: number, length: number, replacement: string): void => {
    if (!spans.some((s) => index < s.end && s.start < index + length)) spans.push({ start: index, end: index + length, replacement: toBinary(replacement) });
  };
  // Relative to the mentioning file's folder.
  const rel = relativeTo(from, oldPath);
  if (rel !== oldPath) {
    const newRel = relativeTo(newFrom, newPath);
    for (const h of matchesIn(t, start, end, new RegExp(`(?<![\\w./-])(\\./)?${escapeRegExp(toBinary(rel))}${END}`))) {
      const dotSlash = h.match[1] !== undefined && !newRel.startsWith('../');
      add(h.index, h.match[0].length, `${dotSlash ? './' : ''}${newRel}`);
    }
  } else if (relativeTo(newFrom, newPath) !== newPath) {
    // The mentioning file moved: a `./x` relative to its old folder is relative to the root now.
    for (const h of matchesIn(t, start, end, new RegExp(`(?<![\\w./-])\\./${escapeRegExp(toBinary(oldPath))}${END}`))) add(h.index, h.match[0].length, relativeTo(newFrom, newPath));
  }
  // The repo path, alone or as the tail of a longer path (an install folder, `./`).
  for (const h of matchesIn(t, start, end, new RegExp(`(?<![\\w.-])${escapeRegExp(toBinary(oldPath))}${END}`))) add(h.index, toBinary(oldPath).length, newPath);
  // A Python module by its dotted name, under the same package prefix.
  if (/\.pyi?$/.test(oldPath) && /\.pyi?$/.test(newPath)) {
    const oldParts = pythonModuleParts(oldPath);
    const newParts = pythonModuleParts(newPath);
    for (let k = 0; k < oldParts.length - 1; k++) {
      const prefix = oldParts.slice(0, k);
      if (!prefix.every((p, i) => newParts[i] === p) || newParts.length <= k) continue;
      const dotted = oldParts.slice(k).join('.');
      for (const h of matchesIn(t, start, end, new RegExp(`(?<![\\w./-])${escapeRegExp(dotted)}(?![\\w/-]|\\.[A-Za-z_])`))) add(h.index, dotted.length, newParts.slice(k).join('.'));
    }
  }
  const oldName = posix.basename(oldPath);
  const newName = posix.basename(newPath);
  if (move.names && oldName !== newName) {
    for (const h of matchesIn(t, start, end, new RegExp(`(?<![\\w./-])${escapeRegExp(toBinary(oldName))}${END}`))) add(h.index, toBinary(oldName).length, newName);
  }
  return spans;
};
