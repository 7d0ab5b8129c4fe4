/**
 * A file's import statements' edges, found by each statement's line and specifier in the file's
 * import edges (in line order), and which statements' edges were classified already.
 */
import type { Edge } from '../../model/edge.js';
import type { ImportFact } from '../../model/facts.js';
import { lowerBound } from '../../util/lower-bound.js';

/** The edges of one import statement: those of its line (a file's edges in line order) with its specifier. */
export const edgesAt = (edges: readonly Edge[], line: number, specifier: string): Edge[] | undefined => {
  const lo = lowerBound(edges, (edge) => edge.line, line);
  let out: Edge[] | undefined;
  for (let i = lo; i < edges.length && edges[i].line === line; i++) if (edges[i].specifier === specifier) (out ??= []).push(edges[i]);
  return out;
};

/** Whether a file's statements are listed in line order (a NaN line is not: it would not compare). */
export const inStatementOrder = (imports: readonly ImportFact[]): boolean => {
  for (let i = 1; i < imports.length; i++) if (!(imports[i - 1].line <= imports[i].line)) return false;
  return true;
};

/** A line holding more edges than this has its statements' edges grouped once. */
const GROUPED_LINE = 32;
/** A line's specifiers asked up to this many are searched as a list, then kept in a Set. */
const LISTED_SPECIFIERS = 16;

/**
 * One file's statements' edges (edgesAt), and which statements' edges were classified. A line of
 * thousands of imports (a minified bundle's one line) is grouped by specifier once, not walked
 * whole for each of its statements: 1,500 `exports.xN=require('./m')` took 16 s of triage (each
 * statement's walk, and each classifying all 1,500 edges of `./m`).
 *
 * Stop 65: statements asked in line order (`inOrder`, what the extractors list) are found by a
 * cursor that moves down the edges, not a binary search each, and a statement was classified
 * already when an earlier one of its line had its specifier: the lines before it are done. Each
 * statement built a `line\0specifier` key string for a Set of the file's (payload: 29,821).
 */
export class StatementEdges {
  private grouped?: Map<number, Map<string, Edge[]>>;
  private classified?: Set<string>;
  /** In order: the first edge at or after the line last asked. */
  private cursor = 0;
  /** In order: the line last classified, and its specifiers so far (a list, then a Set when long). */
  private line = Number.NaN;
  private readonly lineSpecifiers: string[] = [];
  private lineSpecifierSet?: Set<string>;

  constructor(
    private readonly edges: Edge[],
    private readonly inOrder = false,
  ) {}

  at(line: number, specifier: string): Edge[] | undefined {
    const edges = this.edges;
    let lo: number;
    if (this.inOrder) {
      lo = this.cursor;
      while (lo < edges.length && edges[lo].line < line) lo++;
      this.cursor = lo;
    } else lo = lowerBound(edges, (edge) => edge.line, line);
    if (lo + GROUPED_LINE >= edges.length || edges[lo + GROUPED_LINE].line !== line) {
      let out: Edge[] | undefined;
      for (let i = lo; i < edges.length && edges[i].line === line; i++) if (edges[i].specifier === specifier) (out ??= []).push(edges[i]);
      return out;
    }
    this.grouped ??= new Map();
    let bySpecifier = this.grouped.get(line);
    if (bySpecifier === undefined) {
      this.grouped.set(line, (bySpecifier = new Map()));
      for (let i = lo; i < edges.length && edges[i].line === line; i++) {
        const list = bySpecifier.get(edges[i].specifier);
        if (list === undefined) bySpecifier.set(edges[i].specifier, [edges[i]]);
        else list.push(edges[i]);
      }
    }
    return bySpecifier.get(specifier);
  }

  /** True the first time a line's specifier is asked: its edges' findings (keyed by file, line, specifier and name) are new only then. */
  firstClassification(line: number, specifier: string): boolean {
    if (!this.inOrder) {
      const key = `${line}\0${specifier}`;
      if (this.classified?.has(key) === true) return false;
      (this.classified ??= new Set()).add(key);
      return true;
    }
    const listed = this.lineSpecifiers;
    if (line !== this.line) {
      this.line = line;
      listed.length = 0;
      this.lineSpecifierSet = undefined;
    }
    const set = this.lineSpecifierSet;
    if (set !== undefined) {
      if (set.has(specifier)) return false;
      set.add(specifier);
      return true;
    }
    if (listed.includes(specifier)) return false;
    listed.push(specifier);
    if (listed.length > LISTED_SPECIFIERS) this.lineSpecifierSet = new Set(listed);
    return true;
  }
}
