/**
 * When the parser gives up on a file (it returns an empty program), its imports still matter:
 * a file with one typo must not cut every edge it has. This text scan finds the common import
 * forms by pattern. It can be fooled by strings and comments, which is why it only runs on files
 * that did not parse, and why the syntax-error warning says the imports came from a text scan.
 */
import type { ImportFact, ImportSyntax } from '../../model/facts.js';
import type { LineTable } from './line-table.js';
import type { PlacedImport } from './module-record.js';

const PATTERNS: ReadonlyArray<[ImportSyntax, RegExp]> = [
  // After a template tag's close too (`<% if (x) { %>import A from './a'`): scaffolds (EJS, ERB-like)
  // are the usual files that fail to parse while their imports are real.
  // The clause is read by its shapes (a default name, then `* as ns` or one `{…}`), not as a run of
  // any clause character: `}` both starts a match and was a clause character, so a text of
  // `}import a` repeated made every start scan to the end (a 360 KB file took 8 s).
  ['import', /(?:^|[;\n}]|%>)[ \t]*import\s+(type\s+)?(?:(?:[\w$]+\s+)?(?:[\w$]+(?:\s*,\s*)?)?(?:\*\s*as\s+[\w$]+|\{[^{}]*\})?\s*from\s*)?(['"])([^'"\n]+)\2/g],
  ['export-from', /(?:^|[;\n}])[ \t]*export\s+(type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"\n]+)\2/g],
  // `require.resolve('./worker')` too, which the parser's walk records as a require (walk.ts): a
  // Flow file (Parcel's src/Parcel.js hands `require.resolve('./worker')` to its worker farm) or
  // one with a typo must not lose the file it names.
  ['require', /\brequire(?:\s*\.\s*resolve)?\s*\(\s*()(['"])([^'"\n]+)\2\s*\)/g],
  ['dynamic', /\bimport\s*\(\s*()(['"`])([^'"`\n$]+)\2\s*[,)]/g],
];

export const scanImportsFromText = (text: string, lines: LineTable): PlacedImport[] => {
  const placed: PlacedImport[] = [];
  for (const [syntax, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const offset = (match.index ?? 0) + Math.max(0, match[0].search(/\b(?:import|export|require)\b/));
      const fact: ImportFact = { specifier: match[3], syntax, line: lines.lineOf(offset), names: [], guard: null };
      if (match[1]) fact.typeOnly = true;
      placed.push({ offset, fact });
    }
  }
  return placed;
};
