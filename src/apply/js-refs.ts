/**
 * Rewrites one JS/TS import, require or dynamic import so it names a file's new place: relative
 * specifiers are recomputed from the importer's (new) folder in the specifier's own style (with or
 * without extension, `.js` for a `.ts` file, a folder for its index); tsconfig paths and package
 * `imports` aliases keep their alias when the new place is under the same folder, else become relative.
 */
import type { Edge } from '../model/edge.js';
import { posix } from '../util/path.js';
import { lineRange, matchesIn, toBinary, type LineText, type Span } from './spans.js';
import { escapeRegExp } from '../util/regexp.js';

const extOf = (name: string): string => posix.extname(name);
const stripExt = (path: string): string => path.slice(0, path.length - extOf(path).length);
const TS_TO_JS: Record<string, string> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };

/** How a specifier names its file: with its extension, a mapped one (`.js` for `.ts`), none, or its folder (index). */
type Style = { kind: 'exact' } | { kind: 'mapped' } | { kind: 'bare' } | { kind: 'folder' };

const styleOf = (specifier: string, oldTo: string): Style => {
  const last = specifier.replace(/\/+$/, '').split('/').pop() ?? '';
  const base = posix.basename(oldTo);
  if (last === base) return { kind: 'exact' };
  if (/^index\./.test(base) && (specifier.endsWith('/') || last === '.' || last === '..' || last === posix.basename(posix.dirname(oldTo)))) return { kind: 'folder' };
  if (extOf(last) !== '' && stripExt(last) === stripExt(base)) return { kind: 'mapped' };
  return { kind: 'bare' };
};

/** The new file's path written in the old specifier's style (repo-relative, before making it relative). */
const styled = (newTo: string, style: Style, specifier: string): string => {
  switch (style.kind) {
    case 'exact':
      return newTo;
    case 'mapped': {
      const written = extOf(specifier.split('/').pop() ?? '');
      return stripExt(newTo) + (TS_TO_JS[extOf(newTo)] === written || extOf(newTo) === written ? written : extOf(newTo));
    }
    case 'folder':
      return /^index\./.test(posix.basename(newTo)) ? posix.dirname(newTo) : stripExt(newTo);
    case 'bare':
      return stripExt(newTo);
  }
};

const relativeFrom = (fromFile: string, target: string): string => {
  const rel = posix.relative(posix.dirname(fromFile), target) || '.';
  return rel.startsWith('../') || rel === '..' ? rel : `./${rel}`;
};

export interface JsMove {
  edge: Edge;
  newFrom: string;
  oldTo: string;
  newTo: string;
}

/** The specifier that names `newTo` from `newFrom` as the old one named `oldTo`. */
export const newJsSpecifier = ({ edge, newFrom, oldTo, newTo }: JsMove): string => {
  const spec = edge.specifier;
  const style = styleOf(spec, oldTo);
  const oldWritten = styled(oldTo, style, spec);
  const newWritten = styled(newTo, style, spec);
  if (spec.startsWith('.')) return relativeFrom(newFrom, newWritten);
  // An alias: the part of the specifier after the alias names the path below the alias's folder.
  const parts = spec.split('/');
  for (let k = 1; k < parts.length; k++) {
    const tail = parts.slice(k).join('/');
    if (oldWritten === tail || oldWritten.endsWith(`/${tail}`)) {
      const folder = oldWritten.slice(0, oldWritten.length - tail.length);
      if (newWritten.startsWith(folder)) return `${parts.slice(0, k).join('/')}/${newWritten.slice(folder.length)}`;
      break;
    }
  }
  return relativeFrom(newFrom, newWritten);
};

/** Spans that switch the quoted specifier on the edge's line (or the few lines after, for a wrapped call). */
export const jsImportSpans = (t: LineText, move: JsMove): Span[] | string => {
  const { edge } = move;
  const newSpec = newJsSpecifier(move);
  if (newSpec === edge.specifier) return [];
  const first = lineRange(t, edge.line);
  if (first === null) return `line ${edge.line} is past the end of ${edge.from}`;
  const last = lineRange(t, Math.min(edge.line + 10, t.starts.length)) ?? first;
  const quoted = new RegExp(`(['"\`])${escapeRegExp(toBinary(edge.specifier))}\\1`);
  const hits = matchesIn(t, first.start, last.end, quoted);
  if (hits.length === 0) return `the specifier '${edge.specifier}' is not written on ${edge.from}:${edge.line}`;
  const at = hits[0].index + 1;
  return [{ start: at, end: at + toBinary(edge.specifier).length, replacement: toBinary(newSpec) }];
};
